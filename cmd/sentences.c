/*
 * sentences - split text into sentences, one a line.
 */
#include <stdlib.h>

#include "opt.h"
#include "out.h"
#include "run.h"
#include "sent.h"
#include "util.h"

struct sentences {
	int	 pflag;		/* -p: a blank line between paragraphs */
	int	 printed;	/* a sentence of this document was printed */
};

static const struct opt opts[] = {
	{ 'p', "paragraphs", no_argument, NULL,
	    "print a blank line between paragraphs" },
	{ 0, NULL, 0, NULL, NULL }
};

static int
set(void *ctx, int id, const char *arg)
{
	struct sentences	*c = ctx;

	(void)arg;
	if (id == 'p') {
		c->pflag = 1;
		return 1;
	}
	return 0;
}

static const struct opt_prog prog = {
	"sentences", "[-bHhjpVz] [--line-buffered] [file ...]",
	"Split English text into sentences, one a line.",
	opts, set
};

static void
doc_begin(void *ctx, const struct doc *d)
{
	struct sentences	*c = ctx;

	(void)d;
	c->printed = 0;
}

static void
para(void *ctx, const struct para *p)
{
	struct sentences	*c = ctx;
	struct sent_iter	 it;
	struct out_field	 f;
	size_t			 s, e;

	if (c->pflag && c->printed && !p->cont)
		out_blank();
	sent_begin(&it, p->p, p->len);
	while (sent_next(&it, &s, &e)) {
		f.key = "text";
		f.kind = OUT_TEXT;
		f.s = p->p + s;
		f.len = e - s;
		out_record(p->off + s, p->off + e, &f, 1);
		c->printed = 1;
	}
}

static const struct run_ops ops = { doc_begin, para, NULL };

int
main(int argc, char *argv[])
{
	struct sentences	 c = { 0, 0 };
	int			 i;

	i = opt_parse(&prog, argc, argv, &c);
	nu_exit(run_operands(argc - i, argv + i, &ops, &c));
}
