/*
 * fuzz.h - what the libFuzzer targets share: the fuzz input is put in a
 * temporary file and read back through the real document reader, so
 * that a target exercises doc.c (BOM, UTF-16 and UTF-32 refusal, -z,
 * paragraph style guessing, cut paragraphs) on the way to its analyser.
 *
 * Each target is built with -fsanitize=fuzzer,address,undefined by
 * `make fuzz`; see fuzz/run.sh.
 */
#ifndef NU_FUZZ_H
#define NU_FUZZ_H

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "opt.h"
#include "out.h"

/* Called for each document, then each of its paragraphs, then its end. */
struct fuzz_ops {
	void	(*begin)(void *);
	void	(*para)(const struct para *, void *);
	void	(*end)(void *);
};

static char	fuzz_path[64];
static int	fuzz_fd = -1;

/*
 * Records go to /dev/null: the writers still escape every field, which
 * is worth fuzzing, but nothing floods the fuzzer's terminal.  Messages
 * of the reader (a UTF-16 or UTF-32 refusal) are silenced by
 * -close_fd_mask=2, which keeps libFuzzer's own report (fuzz/run.sh).
 */
static inline void
fuzz_init(void)
{
	const char	*tmp;

	if (freopen("/dev/null", "w", stdout) == NULL)
		err(1, "/dev/null");
	if ((tmp = getenv("TMPDIR")) == NULL || strlen(tmp) > 40)
		tmp = "/tmp";
	snprintf(fuzz_path, sizeof(fuzz_path), "%s/nufuzz.XXXXXX", tmp);
	if ((fuzz_fd = mkstemp(fuzz_path)) == -1)
		err(1, "mkstemp");
	out_init(0);
}

/* Unlink the temporary file when the fuzzer ends. */
static inline void
fuzz_cleanup(void)
{
	if (fuzz_fd != -1)
		unlink(fuzz_path);
}

/*
 * Write data[0..size) to the temporary file and run the document reader
 * over it.  The bits of sel pick how: 1 NUL-separated documents (-z),
 * 4 JSON records (-j), 8 byte offsets (-b).
 */
static inline void
fuzz_docs(const unsigned char *data, size_t size, unsigned sel,
    const struct fuzz_ops *ops, void *arg)
{
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;

	if (fuzz_fd == -1) {
		fuzz_init();
		atexit(fuzz_cleanup);
	}
	if (ftruncate(fuzz_fd, 0) == -1 ||
	    pwrite(fuzz_fd, data, size, 0) != (ssize_t)size)
		err(1, "%s", fuzz_path);
	opt_common.json = (sel & 4) != 0;
	opt_common.offsets = (sel & 8) != 0;
	if ((r = doc_open(fuzz_path, sel & 1)) == NULL)
		abort();
	while (doc_next(r, &d)) {
		out_doc(&d);
		if (ops->begin != NULL)
			ops->begin(arg);
		while (doc_para(r, &p)) {
			/* The reader's promise to every analyser. */
			if (p.len > DOC_PARA_MAX)
				abort();
			ops->para(&p, arg);
		}
		if (ops->end != NULL)
			ops->end(arg);
	}
	doc_close(r);
}

#endif
