/*
 * sent.c - TAP tests of the sentence iterator (lib/sent.h): its offsets,
 * what it promises for any input (sentences in order, never overlapping,
 * never starting or ending in white space, every other byte covered),
 * long and hostile paragraphs, and the sorted word tables it searches.
 * What it splits where, on whole texts, is tests/sentences-cases.bats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "sent.h"
#include "tap.h"

struct sent_word {
	const char	*s;
	size_t		 len;
};

#include "sent_tab.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Split p[0, len) and check the iterator's promises.  Returns the number
 * of sentences, or -1 when a promise is broken.
 */
static int
check(const char *p, size_t len)
{
	struct sent_iter	 it;
	size_t			 s, e, last, k, count;

	sent_begin(&it, p, len);
	last = 0;
	count = 0;
	while (sent_next(&it, &s, &e)) {
		if (s < last || e <= s || e > len || count > len)
			return -1;
		if (doc_isspace((unsigned char)p[s]) ||
		    doc_isspace((unsigned char)p[e - 1]))
			return -1;
		for (k = last; k < s; k++)
			if (!doc_isspace((unsigned char)p[k]))
				return -1;
		last = e;
		count++;
	}
	for (k = last; k < len; k++)
		if (!doc_isspace((unsigned char)p[k]))
			return -1;
	return (int)count;
}

/* The sentences of a NUL-terminated text, joined by "|". */
static const char *
joined(const char *text)
{
	static char		 buf[1024];
	struct sent_iter	 it;
	size_t			 s, e, n;

	n = 0;
	sent_begin(&it, text, strlen(text));
	while (sent_next(&it, &s, &e) && n + (e - s) + 2 < sizeof(buf)) {
		if (n > 0)
			buf[n++] = '|';
		memcpy(buf + n, text + s, e - s);
		n += e - s;
	}
	buf[n] = '\0';
	return buf;
}

static void
splits(const char *text, const char *want)
{
	const char	*got;

	got = joined(text);
	ok(strcmp(got, want) == 0, text);
	if (strcmp(got, want) != 0)
		printf("# want: %s\n#  got: %s\n", want, got);
}

static int
sorted(const struct sent_word *t, size_t n)
{
	size_t	 i, m;
	int	 c;

	for (i = 1; i < n; i++) {
		m = t[i - 1].len < t[i].len ? t[i - 1].len : t[i].len;
		c = memcmp(t[i - 1].s, t[i].s, m);
		if (c > 0 || (c == 0 && t[i - 1].len >= t[i].len))
			return 0;
		if (strlen(t[i].s) != t[i].len)
			return 0;
	}
	return 1;
}

/* Random paragraphs from the characters that matter to the splitter. */
static void
fuzz(void)
{
	static const char *const bits[] = {
		".", ". ", "?", "!", "\n", " ", "  ", "\"", "'", "(", ")", "[",
		"]", "…", "—", " -- ", "•", "1", "2.", "a", "A", "Mr", "U.S",
		"Inc", "The", "the", "I", ":", "Image", "@", "/", "\xe2",
		"\xe2\x80", "\xc3", "\xc3\x89", "\r", ",", "x.Com", "...",
		". . .", "1)", "- ",
	};
	char		 buf[512];
	size_t		 n, k;
	int		 round, bad;
	unsigned	 seed;

	seed = 12345;
	bad = 0;
	for (round = 0; round < 20000 && !bad; round++) {
		n = 0;
		k = (seed = seed * 1103515245 + 12345) >> 16;
		k = k % 60 + 1;
		while (k-- > 0) {
			const char *b;

			seed = seed * 1103515245 + 12345;
			b = bits[(seed >> 16) % NELEM(bits)];
			if (n + strlen(b) >= sizeof(buf))
				break;
			memcpy(buf + n, b, strlen(b));
			n += strlen(b);
		}
		if (check(buf, n) < 0) {
			printf("# broken on: %.*s\n", (int)n, buf);
			bad = 1;
		}
	}
	ok(!bad, "random paragraphs keep the iterator's promises");
}

/* Long runs of one thing: each must end, and keep the promises. */
static void
long_runs(void)
{
	static const char *const unit[] = {
		".", ". ", "a.", "x.Ab", "?!", " ", "…", "1. ", "• ", "\n",
		"A. ", "Mr. ", "a\n", "Image: ", "U.S. ",
	};
	char	*buf;
	size_t	 i, k, n, len, total = 200000;
	int	 bad = 0;

	if ((buf = malloc(total)) == NULL)
		abort();
	for (i = 0; i < NELEM(unit); i++) {
		len = strlen(unit[i]);
		for (n = 0; n + len <= total; n += len)
			memcpy(buf + n, unit[i], len);
		k = n;
		if (check(buf, k) < 0) {
			printf("# broken on runs of \"%s\"\n", unit[i]);
			bad = 1;
		}
	}
	free(buf);
	ok(!bad, "long runs of dots, marks, markers and lines");
}

int
main(void)
{
	struct sent_iter	 it;
	size_t			 s, e;
	const char		*t;

	sent_begin(&it, "", 0);
	ok(sent_next(&it, &s, &e) == 0, "an empty paragraph has no sentence");
	sent_begin(&it, " \n\t ", 4);
	ok(sent_next(&it, &s, &e) == 0, "white space alone has no sentence");

	t = "  One.  Two? ";
	sent_begin(&it, t, strlen(t));
	ok(sent_next(&it, &s, &e) == 1 && s == 2 && e == 6,
	    "offsets of the first sentence leave white space out");
	ok(sent_next(&it, &s, &e) == 1 && s == 8 && e == 12,
	    "offsets of the second sentence");
	ok(sent_next(&it, &s, &e) == 0, "then no more");

	t = "No full stop at all";
	sent_begin(&it, t, strlen(t));
	ok(sent_next(&it, &s, &e) == 1 && s == 0 && e == strlen(t),
	    "text without punctuation is one sentence");

	splits("Mr. Lane left. He ran.", "Mr. Lane left.|He ran.");
	splits("In the U.S. Senate. In the U.S. The end.",
	    "In the U.S. Senate.|In the U.S.|The end.");
	splits("Ask Jane and co. at noon.", "Ask Jane and co. at noon.");
	splits("It cost $4.50. Cheap.", "It cost $4.50.|Cheap.");
	splits("He said \"Go.\" She went.", "He said \"Go.\"|She went.");
	splits("1) one 2) two 3) three", "1) one|2) two|3) three");
	splits("well.Then it rained.", "well.|Then it rained.");
	splits("a . b", "a . b");
	splits("wait. . . . Then", "wait.|. . . Then");
	splits("So … I see.", "So … I see.");
	splits("PARIS — Rain fell.", "PARIS —|Rain fell.");
	splits("old town Image: A. Doe.", "old town|Image: A. Doe.");
	splits("one\ntwo\nthree", "one|two|three");
	splits("A headline\nThe body goes on for a good deal longer than it.",
	    "A headline|The body goes on for a good deal longer than it.");

	ok(sorted(sent_titles, NELEM(sent_titles)),
	    "the titles table is sorted for bisection");
	ok(sorted(sent_abbrevs, NELEM(sent_abbrevs)),
	    "the abbreviations table is sorted");
	ok(sorted(sent_starters, NELEM(sent_starters)),
	    "the starters table is sorted");
	ok(sorted(sent_credits, NELEM(sent_credits)),
	    "the credits table is sorted");

	fuzz();
	long_runs();

	return tap_done();
}
