/*
 * ner.t - TAP tests for lib/ner with the compiled-in model: spans on
 * sentences whose entities any sane model finds, CoNLL edges (no "the",
 * no possessive, no title), product types, and robustness.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "tok.h"
#include "tap.h"

/*
 * Tag text as one sentence and print the spans as "TYPE:text|..." into
 * out (product types).
 */
static void
tag(struct ner *n, const char *text, char *out, size_t outsz)
{
	const struct ner_span *sp;
	struct tok_list tl;
	size_t k, ns, o = 0;

	tok_list_init(&tl);
	tok_text(&tl, text, strlen(text));
	ns = ner_tag_sentence(n, text, tl.v, tl.n, &sp);
	out[0] = '\0';
	for (k = 0; k < ns && o < outsz; k++)
		o += (size_t)snprintf(out + o, outsz - o, "%s%s:%.*s",
		    k ? "|" : "", ner_type_name(sp[k].type),
		    (int)(sp[k].end - sp[k].start), text + sp[k].start);
	tok_list_free(&tl);
}

static int
has(const char *got, const char *want)
{
	int r = strstr(got, want) != NULL;

	if (!r)
		printf("# got: %s\n# want: %s\n", got, want);
	return r;
}

static void
test_spans(void)
{
	struct ner *n = ner_new();
	char out[1024];

	ner_doc_begin(n);
	tag(n, "Russian President Vladimir Putin met German Chancellor "
	    "Angela Merkel in Berlin on Monday.", out, sizeof(out));
	ok(has(out, "PERSON:Vladimir Putin"), "a person after a title");
	ok(has(out, "PERSON:Angela Merkel"), "a second person");
	ok(has(out, "GPE:Berlin"), "a city is a GPE");
	ok(strstr(out, "President") == NULL && strstr(out, "Monday") == NULL,
	    "titles and weekdays are not names");
	tag(n, "Officials in the United States said the plan would fail.",
	    out, sizeof(out));
	ok(has(out, "GPE:United States") && strstr(out, "the United") == NULL,
	    "no leading \"the\"");
	tag(n, "Microsoft's chief executive spoke to Reuters.", out,
	    sizeof(out));
	ok(has(out, "ORG:Microsoft") && strstr(out, "Microsoft's") == NULL,
	    "no possessive 's");
	tag(n, "Nobody thought that [Tomasz K.] Brenner would stay on.",
	    out, sizeof(out));
	ok(strchr(out, ']') == NULL && strchr(out, '[') == NULL,
	    "a name ends at a bracket");
	tag(n, "the", out, sizeof(out));
	ok(out[0] == '\0', "nothing in a lower-case word");
	tag(n, "", out, sizeof(out));
	ok(out[0] == '\0', "an empty sentence");
	ner_free(n);
}

/* Spans are inside the text, ordered, and do not overlap. */
static void
test_garbage(void)
{
	struct ner *n = ner_new();
	const struct ner_span *sp;
	struct tok_list tl;
	static const char *const words[] = { "The", "of", "Smith", "U.S.",
	    "New", "York", "said", ".", "\xc3\x89mile", "\"", "'s", "Bank",
	    "\xff", "and", "President", "the", "NATO", "3" };
	char buf[4000];
	size_t i, k, len, ns;
	unsigned seed = 7;
	int good = 1;

	tok_list_init(&tl);
	for (k = 0; k < 300; k++) {
		len = 0;
		if (k % 50 == 0)
			ner_doc_begin(n);
		while (len < sizeof(buf) - 32) {
			const char *w;

			seed = seed * 1103515245 + 12345;
			w = words[(seed >> 16) % (sizeof(words) /
			    sizeof(words[0]))];
			memcpy(buf + len, w, strlen(w));
			len += strlen(w);
			buf[len++] = ' ';
		}
		tl.n = 0;
		tok_text(&tl, buf, len);
		ns = ner_tag_sentence(n, buf, tl.v, tl.n, &sp);
		for (i = 0; i < ns; i++) {
			if (sp[i].start >= sp[i].end || sp[i].end > len ||
			    sp[i].tok_start >= sp[i].tok_end ||
			    sp[i].tok_end > tl.n ||
			    (i > 0 && sp[i].start < sp[i - 1].end) ||
			    sp[i].type < 0 || sp[i].type >= NER_PT_COUNT)
				good = 0;
		}
	}
	ok(good, "random word salad: spans well formed");
	tok_list_free(&tl);
	ner_free(n);
}

/* A sentence of many pieces: spans are numbered across the pieces. */
static void
test_long(void)
{
	struct ner *n = ner_new();
	const struct ner_span *sp;
	struct tok_list tl;
	static const char unit[] = "and then Angela Merkel met officials in "
	    "Berlin and ";
	size_t len = 0, i, ns, k;
	char *buf;
	int good = 1, found = 0;

	if ((buf = malloc(sizeof(unit) * 400)) == NULL)
		abort();
	for (i = 0; i < 400; i++) {
		memcpy(buf + len, unit, sizeof(unit) - 1);
		len += sizeof(unit) - 1;
	}
	tok_list_init(&tl);
	tok_text(&tl, buf, len);
	ner_doc_begin(n);
	ns = ner_tag_sentence(n, buf, tl.v, tl.n, &sp);
	for (k = 0; k < ns; k++) {
		if (tl.v[sp[k].tok_start].off != sp[k].start ||
		    tl.v[sp[k].tok_end - 1].off + tl.v[sp[k].tok_end - 1].len !=
		    sp[k].end)
			good = 0;
		if (sp[k].end - sp[k].start == 13 &&
		    memcmp(buf + sp[k].start, "Angela Merkel", 13) == 0)
			found++;
	}
	ok(tl.n == 3600 && good, "a 3,600-token sentence: token and byte "
	    "ranges agree");
	ok(found >= 390, "a 3,600-token sentence: names found throughout");
	tok_list_free(&tl);
	free(buf);
	ner_free(n);
}

static void
test_names(void)
{
	ok(strcmp(ner_type_name(NER_PT_GPE), "GPE") == 0, "type names");
}

int
main(void)
{
	test_spans();
	test_garbage();
	test_long();
	test_names();
	return tap_done();
}
