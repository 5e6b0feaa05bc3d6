/*
 * run.c - the operand loop (see run.h).
 */
#include <stdio.h>

#include "opt.h"
#include "out.h"
#include "run.h"

static char	*stdin_only[] = { "-", NULL };

static int
run_one(const char *path, const struct run_ops *ops)
{
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;

	if ((r = doc_open(path, opt_common.nul)) == NULL)
		return 2;
	while (doc_next(r, &d)) {
		out_doc(&d);
		if (ops->doc_begin != NULL)
			ops->doc_begin(&d);
		while (doc_para(r, &p))
			ops->para(&p);
		if (ops->doc_end != NULL)
			ops->doc_end(&d);
	}
	return doc_close(r);
}

int
run_operands(int argc, char *argv[], const struct run_ops *ops)
{
	int	 i, status;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	out_init(opt_want_header(argc));
	status = 0;
	for (i = 0; i < argc; i++)
		if (run_one(argv[i], ops) != 0)
			status = 2;
	return status;
}
