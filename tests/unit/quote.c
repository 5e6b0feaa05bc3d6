/*
 * quote.c - TAP tests of lib/quote.h through its interface: what every
 * record promises (its text is the document's bytes between the marks,
 * offsets in order, the speaker as written inside the document), the
 * mark pairing, the kinds, the held records and their cap, and hostile
 * paragraphs.  Attribution on whole texts is tests/quotes.bats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "link.h"
#include "quote.h"
#include "tap.h"

#define MAXREC	8192

struct rec {
	char		 text[256];
	char		 speaker[64];
	char		 written[64];
	unsigned long long start, end, wstart, wend;
	enum quote_kind	 kind;
	size_t		 para;
};

static struct rec	 recs[MAXREC];
static size_t		 nrec, nseen;
static const char	*doc;		/* the document, for offset checks */
static size_t		 doclen;
static int		 bad_offsets;
static void
copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void
emit(const struct quote_rec *r, void *arg)
{
	struct rec *c;

	(void)arg;
	nseen++;
	if (r->end < r->start || r->end > doclen ||
	    r->len != r->end - r->start ||
	    memcmp(doc + r->start, r->text, r->len) != 0)
		bad_offsets++;
	if (r->writtenlen > 0 && (r->wend > doclen ||
	    r->wend - r->wstart != r->writtenlen ||
	    memcmp(doc + r->wstart, r->written, r->writtenlen) != 0))
		bad_offsets++;
	if (nrec == MAXREC)
		return;
	c = &recs[nrec++];
	copy(c->text, sizeof(c->text), r->text, r->len);
	copy(c->speaker, sizeof(c->speaker), r->speaker, r->speakerlen);
	copy(c->written, sizeof(c->written), r->written, r->writtenlen);
	c->start = r->start;
	c->end = r->end;
	c->kind = r->kind;
	c->para = r->para;
}

/*
 * Run one document: paragraphs are separated by blank lines, as the
 * reader would hand them out.
 */
static void
run(struct quote_doc *q, const char *text)
{
	struct para	 p;
	size_t		 i, s, n;

	doc = text;
	doclen = strlen(text);
	nrec = nseen = 0;
	bad_offsets = 0;
	quote_doc_begin(q);
	n = 0;
	for (s = i = 0; ; i++) {
		if (i == doclen || (text[i] == '\n' && i + 1 < doclen &&
		    text[i + 1] == '\n')) {
			if (i > s) {
				p.p = text + s;
				p.len = i - s;
				p.off = s;
				p.n = ++n;
				p.cont = 0;
				quote_doc_para(q, &p);
			}
			if (i == doclen)
				break;
			s = i + 2;
			i++;
		}
	}
	quote_doc_end(q);
}

int
main(void)
{
	struct link_dict *d;
	struct quote_doc *q, *qi;
	char		*big;
	size_t		 i, n;
	int		 inorder;

	d = link_dict_open(NULL);
	q = quote_doc_new(d, 0, emit, NULL);
	qi = quote_doc_new(d, 1, emit, NULL);

	run(q, "\"We will appeal,\" Maria Reyes said.");
	ok(nrec == 1 && strcmp(recs[0].text, "We will appeal,") == 0,
	    "the text between the marks");
	ok(strcmp(recs[0].speaker, "Maria Reyes") == 0 &&
	    strcmp(recs[0].written, "Maria Reyes") == 0,
	    "the speaker, canonical and as written");
	ok(recs[0].kind == QUOTE_DIRECT && recs[0].para == 1,
	    "a direct quote in paragraph 1");
	ok(bad_offsets == 0, "offsets name the document's bytes");

	run(q, "No marks here at all.\n\nNor here.");
	ok(nrec == 0, "no quote, no record");

	run(q, "Eva Lund called it \"a fraud\".\n\n\"Yes,\" she said.");
	ok(nrec == 2 && recs[0].kind == QUOTE_PARTIAL &&
	    recs[1].para == 2 && strcmp(recs[1].written, "she") == 0 &&
	    strcmp(recs[1].speaker, "Eva Lund") == 0,
	    "partial, then a pronoun resolved in the next paragraph");
	ok(bad_offsets == 0, "offsets across paragraphs");

	run(q, "Eva Lund said: \"We don't know what the '90s meant for "
	    "Reyes' plan.\"");
	ok(nrec == 1 && strcmp(recs[0].text, "We don't know what the '90s "
	    "meant for Reyes' plan.") == 0, "apostrophes are not marks");

	run(q, "Eva Lund said: \"It is \xe2\x80\x98odd\xe2\x80\x99, "
	    "'very' odd.\"");
	ok(nrec == 1 && strstr(recs[0].text, "'very' odd.") != NULL,
	    "single quotes inside a double quote belong to it");

	run(q, "Eva Lund warned: \"If it fails, we pay");
	ok(nrec == 1 && strcmp(recs[0].text, "If it fails, we pay") == 0,
	    "an unclosed quote runs to the end");

	run(q, "Eva Lund said: \"The river rose.\n\n\"Nobody came,\" "
	    "she said.");
	ok(nrec == 2 && strcmp(recs[0].text, "The river rose.") == 0 &&
	    strcmp(recs[1].speaker, "Eva Lund") == 0,
	    "a quote continued into the next paragraph");

	run(q, "\xc2\xab Oui \xc2\xbb, \xe2\x80\x9e" "Ja\xe2\x80\x9c, "
	    "\xc2\xbbJa\xc2\xab, \xe2\x80\x9cYes,\xe2\x80\x9d said Eva Lund.");
	ok(nrec >= 1 && strcmp(recs[nrec - 1].text, "Yes,") == 0 &&
	    bad_offsets == 0, "guillemets, German and curly marks pair");

	run(qi, "Maria Reyes said the merger would lower prices.");
	ok(nrec == 1 && recs[0].kind == QUOTE_INDIRECT &&
	    strcmp(recs[0].text, "the merger would lower prices") == 0,
	    "reported speech with indirect on");
	run(q, "Maria Reyes said the merger would lower prices.");
	ok(nrec == 0, "and none without it");
	ok(strcmp(quote_kind_name(QUOTE_DIRECT), "direct") == 0 &&
	    strcmp(quote_kind_name(QUOTE_PARTIAL), "partial") == 0 &&
	    strcmp(quote_kind_name(QUOTE_INDIRECT), "indirect") == 0,
	    "kind names");

	/*
	 * The tagger's answer for a name is remembered for the document
	 * only: the same words in the next document are asked again, and a
	 * name repeated within one gets the same speaker.
	 */
	run(q, "\"We will appeal,\" Maria Reyes said. \"We will win,\" "
	    "Maria Reyes said.");
	ok(nrec == 2 && strcmp(recs[0].speaker, "Maria Reyes") == 0 &&
	    strcmp(recs[1].speaker, "Maria Reyes") == 0,
	    "a name said twice: one speaker");
	run(q, "\"We will appeal,\" Maria Reyes said.");
	ok(nrec == 1 && strcmp(recs[0].speaker, "Maria Reyes") == 0,
	    "and again in the next document");

	/* A quote of many sentences: its inner ones are only counted. */
	run(q, "\"One. Two. Three. Four. Five,\" Eva Lund said.");
	ok(nrec == 1 && recs[0].kind == QUOTE_DIRECT &&
	    strcmp(recs[0].text, "One. Two. Three. Four. Five,") == 0 &&
	    strcmp(recs[0].speaker, "Eva Lund") == 0 && bad_offsets == 0,
	    "a long quote, whole, direct, attributed");

	/* More records than the cap: all come out, in order. */
	n = QUOTE_MAX_PENDING + 100;
	big = malloc(n * 40 + 1);
	if (big == NULL)
		return 1;
	big[0] = '\0';
	for (i = 0; i < n; i++)
		strcat(big, "\"Go,\" said Eva Lund.\n\n");
	run(q, big);
	inorder = 1;
	for (i = 1; i < nrec; i++)
		if (recs[i].start <= recs[i - 1].start)
			inorder = 0;
	ok(nseen == n && inorder && bad_offsets == 0,
	    "past the cap of held records, every record, in order");
	free(big);

	/* Hostile: marks only, of every kind, unpaired. */
	n = 20000;
	big = malloc(n * 12 + 1);
	if (big == NULL)
		return 1;
	big[0] = '\0';
	for (i = 0; i < n; i++)
		strcat(big, i % 3 ? "\" \xe2\x80\x9c '" : "\xc2\xbb \xe2\x80\x9e ");
	run(q, big);
	ok(bad_offsets == 0, "a paragraph of unpaired marks");
	free(big);

	quote_doc_free(q);
	quote_doc_free(qi);
	link_dict_close(d);
	return tap_done();
}
