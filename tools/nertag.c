/*
 * nertag: development driver for lib/ner.  Reads one document on standard
 * input and prints every entity as TYPE<TAB>START<TAB>END<TAB>TEXT, with
 * byte offsets (end-exclusive) and the training types PER LOC ORG MISC
 * (-p: the product types PERSON ORG GPE LOC NORP MISC).
 *
 * Each line is a paragraph; it is cut into sentences at a full stop, ? or !
 * before a capitalised word, a rough stand-in for lib/sent.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner.h"
#include "tok.h"

static int
ends_sentence(const char *text, const struct tok *t, size_t i, size_t n)
{
	const char *s = text + t[i].off;

	if (t[i].len != 1 || (s[0] != '.' && s[0] != '!' && s[0] != '?'))
		return 0;
	return i + 1 < n && (t[i + 1].flags & TOK_UPPER);
}

static void
tag_line(struct ner *nr, struct tok_list *tl, const char *text, size_t off,
    size_t len, int product)
{
	const struct ner_span *sp;
	size_t i, k, a, ns;

	tl->n = 0;
	tok_text(tl, text + off, len);
	for (a = 0, i = 0; i < tl->n; i++) {
		if (i + 1 < tl->n && !ends_sentence(text + off, tl->v, i,
		    tl->n) && i - a < 400)
			continue;
		ns = ner_tag_sentence(nr, text + off, tl->v + a, i + 1 - a,
		    &sp);
		for (k = 0; k < ns; k++)
			printf("%s\t%zu\t%zu\t%.*s\n", product ?
			    ner_type_name(sp[k].type) :
			    ner_base_name(sp[k].base), off + sp[k].start,
			    off + sp[k].end, (int)(sp[k].end - sp[k].start),
			    text + off + sp[k].start);
		a = i + 1;
	}
}

int
main(int argc, char *argv[])
{
	struct tok_list tl;
	struct ner *nr;
	char *buf = NULL, *nl;
	size_t len = 0, cap = 0, off, n;
	int ch, product = 0;

	while ((ch = getopt(argc, argv, "p")) != -1) {
		switch (ch) {
		case 'p':
			product = 1;
			break;
		default:
			fprintf(stderr, "usage: nertag [-p] < text\n");
			return 2;
		}
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			if ((buf = reallocarray(buf, cap, 1)) == NULL)
				err(2, NULL);
		}
		if ((n = fread(buf + len, 1, cap - len, stdin)) == 0)
			break;
		len += n;
	}
	if (ferror(stdin))
		err(2, "stdin");
	tok_list_init(&tl);
	nr = ner_new();
	ner_doc_begin(nr);
	for (off = 0; off < len; off = nl - buf + 1) {
		if ((nl = memchr(buf + off, '\n', len - off)) == NULL)
			nl = buf + len;
		tag_line(nr, &tl, buf, off, (size_t)(nl - buf) - off, product);
	}
	ner_free(nr);
	tok_list_free(&tl);
	free(buf);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "stdout");
	return 0;
}
