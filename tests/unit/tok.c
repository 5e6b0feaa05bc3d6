/*
 * tok.t - TAP tests for lib/tok: Penn Treebank style tokens with byte
 * offsets, on text that is not NUL-terminated and may be invalid UTF-8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tok.h"
#include "tap.h"

/*
 * Tokenize text and compare the tokens, joined by single spaces, with
 * want.  The text is copied without its NUL so that reading past the end
 * would show under a sanitizer.
 */
static int
toks_are(const char *text, const char *want)
{
	struct tok_list tl;
	size_t len = strlen(text), i, n = 0;
	char *copy, *got;
	int r;

	if ((copy = malloc(len ? len : 1)) == NULL ||
	    (got = malloc(2 * len + 2)) == NULL)
		abort();
	memcpy(copy, text, len);
	tok_list_init(&tl);
	tok_text(&tl, copy, len);
	for (i = 0; i < tl.n; i++) {
		if (i > 0)
			got[n++] = ' ';
		memcpy(got + n, copy + tl.v[i].off, tl.v[i].len);
		n += tl.v[i].len;
	}
	got[n] = '\0';
	r = strcmp(got, want) == 0;
	if (!r)
		printf("# got:  %s\n# want: %s\n", got, want);
	tok_list_free(&tl);
	free(copy);
	free(got);
	return r;
}

static void
test_tokens(void)
{
	ok(toks_are("", ""), "empty text");
	ok(toks_are("  \n\t ", ""), "only white space");
	ok(toks_are("Obama's plan", "Obama 's plan"), "possessive 's");
	ok(toks_are("Obama\xe2\x80\x99s plan", "Obama \xe2\x80\x99s plan"),
	    "possessive with a curly apostrophe");
	ok(toks_are("They don't, we can't.", "They do n't , we ca n't ."),
	    "n't");
	ok(toks_are("we're, I'll, you've, she'd, I'm",
	    "we 're , I 'll , you 've , she 'd , I 'm"), "clitics");
	ok(toks_are("Mr. O'Brien met Sean O'Neill.",
	    "Mr. O'Brien met Sean O'Neill ."), "O'Brien stays whole");
	ok(toks_are("in the U.S. and the U.K.", "in the U.S. and the U.K."),
	    "U.S. keeps its stops");
	ok(toks_are("It left the U.S.", "It left the U.S."),
	    "U.S. at the end of a sentence");
	ok(toks_are("J.P. Morgan and John F. Kennedy",
	    "J.P. Morgan and John F. Kennedy"), "initials");
	ok(toks_are("Smith & Co. Inc. Ltd.", "Smith & Co. Inc. Ltd."),
	    "company abbreviations");
	ok(toks_are("It ended.", "It ended ."), "a final stop is a token");
	ok(toks_are("$4.5 billion, 38.5% and 1,000 at 10:30",
	    "$ 4.5 billion , 38.5 % and 1,000 at 10:30"), "numbers");
	ok(toks_are("a well-known long-term Saxony-Anhalt",
	    "a well-known long-term Saxony-Anhalt"), "hyphenated words");
	ok(toks_are("wait -- no... yes", "wait -- no ... yes"),
	    "dashes and ellipses");
	ok(toks_are("Jos\xc3\xa9 M\xc3\xbcller in S\xc3\xa3o Paulo",
	    "Jos\xc3\xa9 M\xc3\xbcller in S\xc3\xa3o Paulo"), "accented letters");
	ok(toks_are("\xe2\x80\x9cYes,\xe2\x80\x9d he said \xe2\x80\x94 twice",
	    "\xe2\x80\x9c Yes , \xe2\x80\x9d he said \xe2\x80\x94 twice"),
	    "curly quotes and dashes are punctuation");
	ok(toks_are("see https://example.org/a?b=1. Or www.x.com,",
	    "see https://example.org/a?b=1 . Or www.x.com ,"), "URLs");
	ok(toks_are("AT&T's", "AT&T 's"), "AT&T");
	ok(toks_are("'self-medicating' ants", "' self-medicating ' ants"),
	    "single quotes around a word");
}

static void
test_offsets(void)
{
	const char *text = "S\xc3\xa3o Paulo's \"best\"";
	struct tok_list tl;

	tok_list_init(&tl);
	tok_text(&tl, text, strlen(text));
	ok(tl.n == 6, "six tokens");
	ok(tl.n == 6 && tl.v[0].off == 0 && tl.v[0].len == 4 &&
	    tl.v[1].off == 5 && tl.v[1].len == 5 && tl.v[2].off == 10 &&
	    tl.v[2].len == 2, "byte offsets and lengths");
	ok(tl.n == 6 && (tl.v[0].flags & TOK_UPPER) &&
	    !(tl.v[0].flags & TOK_SPACE) && (tl.v[1].flags & TOK_SPACE) &&
	    !(tl.v[2].flags & TOK_SPACE), "flags: upper case, space before");
	ok(tl.n == 6 && tl.v[0].kind == TOK_WORD && tl.v[3].kind == TOK_PUNCT,
	    "kinds");
	tok_text(&tl, "NATO 3", 6);
	ok(tl.n == 8 && (tl.v[6].flags & TOK_ALLUPPER) &&
	    tl.v[7].kind == TOK_NUM && (tl.v[7].flags & TOK_HASDIGIT),
	    "appends; all capitals; numbers");
	tok_list_free(&tl);
}

/* Every byte of any input is inside a token or is white space. */
static void
test_garbage(void)
{
	struct tok_list tl;
	unsigned char buf[4096];
	size_t i, covered, ws, k;
	unsigned seed = 12345;
	int good = 1, ordered = 1;

	tok_list_init(&tl);
	for (k = 0; k < 200; k++) {
		for (i = 0; i < sizeof(buf); i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (unsigned char)(seed >> 16);
		}
		tl.n = 0;
		tok_text(&tl, (const char *)buf, sizeof(buf));
		covered = 0;
		for (i = 0; i < tl.n; i++) {
			if (i > 0 && tl.v[i].off < tl.v[i - 1].off +
			    tl.v[i - 1].len)
				ordered = 0;
			if (tl.v[i].len == 0 ||
			    tl.v[i].off + tl.v[i].len > sizeof(buf))
				good = 0;
			covered += tl.v[i].len;
		}
		for (i = 0, ws = 0; i < sizeof(buf); i++)
			ws += buf[i] == ' ' || buf[i] == '\t' ||
			    buf[i] == '\n' || buf[i] == '\r' ||
			    buf[i] == '\f' || buf[i] == '\v';
		if (covered > sizeof(buf) || covered + ws < sizeof(buf) - 64)
			good = 0;
	}
	ok(good, "random bytes: tokens inside the text, none empty");
	ok(ordered, "random bytes: tokens in order, not overlapping");
	tok_list_free(&tl);
}

int
main(void)
{
	test_tokens();
	test_offsets();
	test_garbage();
	return tap_done();
}
