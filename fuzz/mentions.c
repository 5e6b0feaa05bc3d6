/*
 * mentions.c - libFuzzer target for the record reader of `mentions`:
 * each line of the input is read as an `entities` record (or, for
 * --merge, an earlier `mentions` count), decoded in place, counted, and
 * the table is written out with the flags the first byte picks (JSON,
 * --by-file, --partial, --top, a chart).
 */
#include "count.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct count_table	*t;
	struct count_rec	 r;
	struct count_chart	 c;
	char			*buf, *line, *nl, *end;
	const char		*why, *doc;
	size_t			 doclen;
	int			 flags, merge;
	unsigned		 k;

	if (fuzz_fd == -1) {
		fuzz_init();
		atexit(fuzz_cleanup);
	}
	if (size == 0)
		return 0;
	k = data[0];
	merge = k & 1;
	flags = (k & 2 ? COUNT_JSON : 0) | (k & 4 ? COUNT_BYDOC : 0) |
	    (k & 8 ? COUNT_PARTIAL : 0);
	/* A copy of exactly the input, so that ASan sees any overread. */
	if ((buf = malloc(size - 1 > 0 ? size - 1 : 1)) == NULL)
		abort();
	memcpy(buf, data + 1, size - 1);
	end = buf + size - 1;
	t = count_new();
	for (line = buf; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', end - line)) == NULL)
			nl = end;
		why = merge ? count_parse_count(line, nl - line, &r) :
		    count_parse_mention(line, nl - line, &r);
		if (why != NULL || r.name == NULL)
			continue;
		if ((unsigned)r.type > COUNT_NOTYPE)
			abort();
		doc = NULL;
		doclen = 0;
		if (flags & COUNT_BYDOC) {
			doc = r.doc != NULL ? r.doc : "-";
			doclen = r.doc != NULL ? r.doclen : 1;
		}
		count_add(t, doc, doclen, r.type, r.name, r.namelen, r.n);
	}
	c.cols = 1 + ((k >> 4) & 3) * 30;
	c.utf8 = (k >> 6) & 1;
	count_write(t, flags, (k >> 7) ? 3 : 0, (k & 0x30) == 0x30 ? &c : NULL);
	count_free(t);
	free(buf);
	return 0;
}
