/*
 * sent.c - sentence boundaries (see sent.h).
 *
 * A hand-written scanner.  The inner loop only looks for the few bytes
 * that may end a sentence (full stop, ? and !, the first byte of the
 * ellipsis character, a line break, and a colon that may follow a photo
 * credit word); each candidate is then decided from the word before it
 * and the word after it.  Word lists live in data/sent/ and reach this
 * file as sorted tables in sent_tab.h (regenerate with tools/senttab.sh),
 * indexed by first byte and length and searched by bisection.
 */
#include <pthread.h>
#include <string.h>

#include "doc.h"
#include "sent.h"

struct sent_word {
	const char	*s;
	size_t		 len;
};

#include "sent_tab.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define WORD_MAX	32	/* longer words are in no table */
#define DATELINE_MAX	100	/* how far a dateline's dash may be */
#define ATTRIB_MAX	80	/* the longest "— Name" attribution */
#define SHORTLINE_MAX	40	/* a line of a list of short lines */
#define ADDRESS_MAX	256	/* a longer token is taken for an address */

/* What a token before a full stop is. */
enum { K_WORD, K_TITLE, K_ABBREV };

/* What follows a candidate boundary, after white space. */
enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_OPEN, NX_ELLIPSIS, NX_DASH,
	NX_OTHER };

/*
 * Bytes that make the scanner stop.  The second table adds white space,
 * for paragraphs that are lists whose items follow each other on a line.
 */
static const unsigned char cand[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [':'] = 1, [0xe2] = 1,
};
static const unsigned char cand_list[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [':'] = 1, [0xe2] = 1,
	[' '] = 1, ['\t'] = 1,
};

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned char c)
{
	return is_lower(c) || is_upper(c);
}

/* Whether the three bytes at p[i] are E2 80 x (a General Punctuation mark). */
static int
punct3(const unsigned char *p, size_t n, size_t i, unsigned char x)
{
	return i + 2 < n && p[i] == 0xe2 && p[i + 1] == 0x80 && p[i + 2] == x;
}

static const unsigned char close_ascii[128] = {
	['"'] = 1, ['\''] = 1, [')'] = 1, [']'] = 1, ['}'] = 1,
};
static const unsigned char open_ascii[128] = {
	['"'] = 1, ['\''] = 1, ['('] = 1, ['['] = 1, ['{'] = 1,
};

/*
 * Length of a quote or bracket mark at p[i], or 0: an ASCII character
 * marked in ascii, E2 80 x for x one of the three in x3 (curly quotes),
 * or C2 x2 (guillemets).
 */
static size_t
mark_len(const unsigned char *p, size_t n, size_t i,
    const unsigned char *ascii, const unsigned char *x3, unsigned char x2)
{
	if (i >= n)
		return 0;
	if (p[i] < 0x80)
		return ascii[p[i]];
	if (i + 2 < n && p[i] == 0xe2 && p[i + 1] == 0x80 &&
	    (p[i + 2] == x3[0] || p[i + 2] == x3[1] || p[i + 2] == x3[2]))
		return 3;
	return i + 1 < n && p[i] == 0xc2 && p[i + 1] == x2 ? 2 : 0;
}

/* Length of a closing quote or bracket at p[i] (" ' ) ] } ” ’ › »), or 0. */
static size_t
closer_len(const unsigned char *p, size_t n, size_t i)
{
	static const unsigned char x3[3] = { 0x9d, 0x99, 0xba };

	return mark_len(p, n, i, close_ascii, x3, 0xbb);
}

/* Length of an opening quote or bracket at p[i] (" ' ( [ { “ ‘ ‹ «), or 0. */
static size_t
opener_len(const unsigned char *p, size_t n, size_t i)
{
	static const unsigned char x3[3] = { 0x9c, 0x98, 0xb9 };

	return mark_len(p, n, i, open_ascii, x3, 0xab);
}

/* Length of a dash standing as a word at p[i] (— – -- -), or 0. */
static size_t
dash_len(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k;

	if (punct3(p, n, i, 0x94) || punct3(p, n, i, 0x93))
		k = 3;
	else if (i + 1 < n && p[i] == '-' && p[i + 1] == '-')
		k = 2;
	else if (i < n && p[i] == '-')
		k = 1;
	else
		return 0;
	return i + k >= n || doc_isspace(p[i + k]) ? k : 0;
}

/* Length of a bullet character at p[i], or 0. */
static size_t
bullet_len(const unsigned char *p, size_t n, size_t i)
{
	if (i < n && (p[i] == '-' || p[i] == '*'))
		return 1;
	if (punct3(p, n, i, 0xa2) || punct3(p, n, i, 0xa3))	/* • ‣ */
		return 3;
	if (i + 2 < n && p[i] == 0xe2 &&
	    ((p[i + 1] == 0x81 && p[i + 2] == 0x83) ||		/* ⁃ */
	    (p[i + 1] == 0x97 && p[i + 2] == 0xa6) ||		/* ◦ */
	    (p[i + 1] == 0x96 && p[i + 2] == 0xaa)))		/* ▪ */
		return 3;
	return 0;
}

/*
 * A word table with an index by first byte: where its entries start, and
 * which lengths occur, so that most words are turned away before any
 * comparison.
 */
struct table {
	const struct sent_word	*w;
	size_t			 n;
	unsigned short		 first[257];	/* entries of first byte b: [first[b], first[b + 1]) */
	unsigned		 lens[256];	/* bit k: one has length k (31: longer) */
};

static struct table titles = { sent_titles, NELEM(sent_titles), {0}, {0} };
static struct table abbrevs = { sent_abbrevs, NELEM(sent_abbrevs), {0}, {0} };
static struct table starters = { sent_starters, NELEM(sent_starters), {0}, {0} };
static struct table credits = { sent_credits, NELEM(sent_credits), {0}, {0} };
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;


static void
table_init(struct table *t)
{
	size_t		 i;
	unsigned	 b, c;

	for (i = 0; i < t->n; i++) {
		c = (unsigned char)t->w[i].s[0];
		t->lens[c] |= 1u << (t->w[i].len < 31 ? t->w[i].len : 31);
	}
	for (b = 0, i = 0; b <= 256; b++) {
		while (i < t->n && (unsigned char)t->w[i].s[0] < b)
			i++;
		t->first[b] = (unsigned short)i;
	}
}

/* The word tables' indexes, made once, whichever thread comes first. */
static void
tables_init(void)
{
	table_init(&titles);
	table_init(&abbrevs);
	table_init(&starters);
	table_init(&credits);
}

/* Bisection among the entries that share the word's first byte. */
static int
lookup(const struct table *t, const unsigned char *w, size_t len)
{
	const unsigned char	*e;
	size_t			 lo, hi, mid, m, k;
	int			 c;

	if (len == 0 || !(t->lens[w[0]] & (1u << (len < 31 ? len : 31))))
		return 0;
	lo = t->first[w[0]];
	hi = t->first[w[0] + 1];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = (const unsigned char *)t->w[mid].s;
		m = t->w[mid].len < len ? t->w[mid].len : len;
		/* Words are short: comparing inline beats calling memcmp. */
		for (k = 0; k < m && e[k] == w[k]; k++)
			continue;
		if (k < m)
			c = e[k] < w[k] ? -1 : 1;
		else
			c = t->w[mid].len < len ? -1 : t->w[mid].len > len;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Look a word up as written, then (for the abbreviations whose entries
 * are in lower case) folded to lower case when it is capitalised or in
 * capitals, so that "co" also finds "Co." and "CO.".
 */
static int
lookup_fold(const struct table *t, const unsigned char *w, size_t len)
{
	unsigned char	 low[WORD_MAX];
	size_t		 k;

	if (lookup(t, w, len))
		return 1;
	if (len == 0 || len > WORD_MAX || !is_upper(w[0]))
		return 0;
	for (k = 0; k < len; k++)
		low[k] = is_upper(w[k]) ? w[k] - 'A' + 'a' : w[k];
	return lookup(t, low, len);
}

/*
 * Whether a token has the shape of a dotted abbreviation: letters in
 * groups of one to three joined by full stops (U.S, a.m, Ph.D, J.P).
 */
static int
dotted(const unsigned char *w, size_t len)
{
	size_t	 k, run;
	int	 dots;

	run = 0;
	dots = 0;
	for (k = 0; k < len; k++) {
		if (is_alpha(w[k])) {
			if (++run > 3)
				return 0;
		} else if (w[k] == '.' && run > 0) {
			run = 0;
			dots++;
		} else
			return 0;
	}
	return dots > 0 && run > 0;
}

/* What the token w[0, len) before a full stop is. */
static int
classify(const unsigned char *w, size_t len)
{
	if (len == 0 || len > WORD_MAX)
		return K_WORD;
	if (lookup(&titles, w, len))
		return K_TITLE;
	if (lookup_fold(&abbrevs, w, len))
		return K_ABBREV;
	if (len == 1 && is_upper(w[0]))
		return K_ABBREV;	/* an initial */
	if (dotted(w, len))
		return K_ABBREV;
	return K_WORD;
}

/* Length of the run of ASCII letters at p[i]. */
static size_t
letters(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k;

	for (k = i; k < n && is_alpha(p[k]); k++)
		continue;
	return k - i;
}

/* Whether the word at p[i] is a common sentence starter. */
static int
starter(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k;

	k = letters(p, n, i);
	return k > 0 && lookup(&starters, p + i, k);
}

/* Whether the word at p[i] is the pronoun I (I, I'm, I'd, I’ve...). */
static int
iword(const unsigned char *p, size_t n, size_t i)
{
	return p[i] == 'I' && letters(p, n, i) == 1;
}

/*
 * Whether the lower-case word at p[i] has a capital inside (eHow,
 * iPhone): such names start sentences in lower case.
 */
static int
camel(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k;

	for (k = i; k < n && is_alpha(p[k]); k++)
		if (is_upper(p[k]))
			return 1;
	return 0;
}

/* Whether the run of dots at p[i] is an ellipsis: "...", "…", ". . .". */
static size_t
ellipsis_len(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k, dots;

	if (punct3(p, n, i, 0xa6))
		return 3;
	for (k = i, dots = 0; k < n; ) {
		if (p[k] == '.') {
			dots++;
			k++;
		} else if (k + 1 < n && p[k] == ' ' && p[k + 1] == '.' &&
		    k > i)
			k++;
		else
			break;
	}
	return dots >= 2 ? k - i : 0;
}

/* What starts at p[m]. */
static int
next_kind(const unsigned char *p, size_t n, size_t m)
{
	unsigned char	 c;

	if (m >= n)
		return NX_END;
	c = p[m];
	if (is_lower(c))
		return NX_LOWER;
	if (is_upper(c))
		return NX_UPPER;
	if (is_digit(c))
		return NX_DIGIT;
	if (opener_len(p, n, m))
		return NX_OPEN;
	if (c == '.' || punct3(p, n, m, 0xa6))
		return NX_ELLIPSIS;
	if (dash_len(p, n, m))
		return NX_DASH;
	/* Latin-1 letters: U+00C0-U+00DE are capitals, U+00DF-U+00FF not. */
	if (c == 0xc3 && m + 1 < n)
		return p[m + 1] < 0x9f && p[m + 1] != 0x97 ? NX_UPPER :
		    NX_LOWER;
	return NX_OTHER;
}

/*
 * Whether the dash at p[m] opens an attribution that ends the paragraph
 * ("... laughs about it. — Dana Kell"): a short rest with no
 * sentence punctuation.
 */
static int
attribution(const unsigned char *p, size_t n, size_t m)
{
	size_t	 k;

	if (n - m > ATTRIB_MAX)
		return 0;
	for (k = m; k < n; k++)
		if (p[k] == '.' || p[k] == '?' || p[k] == '!' || p[k] == '\n')
			return 0;
	return 1;
}

/*
 * Whether a sentence ends before the word at p[m], after a token of the
 * given kind and a full stop (or, with kind K_WORD, ? or !).
 */
static int
ends_before(const unsigned char *p, size_t n, int kind, size_t m)
{
	size_t	 k;

	switch (next_kind(p, n, m)) {
	case NX_END:
		return 1;
	case NX_LOWER:
		return kind == K_WORD && camel(p, n, m);
	case NX_UPPER:
		if (kind == K_TITLE)
			return 0;
		return kind == K_WORD || starter(p, n, m);
	case NX_OPEN:
		if (kind == K_TITLE)
			return 0;
		if (kind == K_WORD)
			return 1;
		/* After U.S. or Inc., a quote opens a sentence, "(" seldom. */
		if (p[m] == '(' || p[m] == '[' || p[m] == '{')
			return 0;
		k = m + opener_len(p, n, m);
		return k < n && is_upper(p[k]) && starter(p, n, k);
	case NX_DASH:
		if (kind != K_WORD || attribution(p, n, m))
			return 0;
		k = m + dash_len(p, n, m);
		while (k < n && is_blank(p[k]))
			k++;
		return k < n && is_upper(p[k]);
	case NX_ELLIPSIS:
		/* "word. …" opens a sentence with the ellipsis, if more follows. */
		if (kind != K_WORD || (k = ellipsis_len(p, n, m)) == 0)
			return 0;
		for (k += m; k < n && closer_len(p, n, k); )
			k += closer_len(p, n, k);
		while (k < n && doc_isspace(p[k]))
			k++;
		return k < n;
	default:
		return kind == K_WORD;
	}
}

/*
 * A missing space after a full stop at p[i] ("world.Today"): a sentence
 * ends there when a lower-case word or a number stops right before and a
 * capitalised word follows, unless the token is an address (an e-mail,
 * a URL, a file or domain name) or the word before is an abbreviation.
 */
static int
glued_end(const unsigned char *p, size_t n, size_t s0, size_t i)
{
	size_t	 ws, k, w;

	if (i + 2 >= n || !is_upper(p[i + 1]) || !is_lower(p[i + 2]))
		return 0;
	if (i == s0 || !(is_lower(p[i - 1]) || is_digit(p[i - 1])))
		return 0;
	/* The look back is bounded, so that a long token costs no more. */
	for (ws = i; ws > s0 && !doc_isspace(p[ws - 1]); ws--)
		if (p[ws - 1] == '@' || p[ws - 1] == '/' ||
		    p[ws - 1] == ':' || p[ws - 1] == '.' || i - ws > ADDRESS_MAX)
			return 0;
	while (ws < i && opener_len(p, n, ws))
		ws += opener_len(p, n, ws);
	if (classify(p + ws, i - ws) != K_WORD)
		return 0;
	w = letters(p, n, i + 1);
	k = i + 1 + w;
	if (k < n && (p[k] == '@' || p[k] == '/' ||
	    (p[k] == '.' && k + 1 < n && !doc_isspace(p[k + 1]))))
		return 0;
	return 1;
}

/*
 * A list marker at p[i]: an optional bullet, then a number of one or two
 * digits or a single letter with ".", ")" or ".)", or the bullet alone;
 * then white space.  Returns its length with the white space, or 0, and
 * its number (letters count from 'a' or 'A' as 1), suffix and bullet.
 */
static size_t
list_marker(const unsigned char *p, size_t n, size_t i, unsigned *num,
    int *suf, size_t *blen)
{
	size_t	 k, d;

	k = i;
	*blen = bullet_len(p, n, k);
	k += *blen;
	if (*blen > 0 && k < n && is_blank(p[k]))
		while (k < n && is_blank(p[k]))
			k++;
	*num = 0;
	*suf = 0;
	for (d = 0; k + d < n && is_digit(p[k + d]) && d < 3; d++)
		*num = *num * 10 + (p[k + d] - '0');
	if (d == 0 && k + 1 < n && is_alpha(p[k]) && !is_alpha(p[k + 1])) {
		*num = (unsigned)(p[k] | 0x20) - 'a' + 1;
		d = 1;
	}
	if (d > 0 && d < 3) {
		if (k + d + 1 < n && p[k + d] == '.' && p[k + d + 1] == ')') {
			*suf = 'P';
			d += 2;
		} else if (k + d < n && (p[k + d] == '.' || p[k + d] == ')')) {
			*suf = p[k + d];
			d++;
		} else
			d = 0;
		if (d > 0 && k + d < n && is_blank(p[k + d]))
			k += d;
		else
			*suf = 0;
	}
	if (*suf == 0) {
		/* A bullet alone, as in "- item"; a hyphen needs a blank. */
		if (*blen == 0 || k == i + *blen)
			return 0;
		*num = 0;
	}
	while (k < n && is_blank(p[k]))
		k++;
	return k < n ? k - i : 0;
}

/* Whether the list marker at p[i] is the next item of the paragraph's list. */
static int
next_item(struct sent_iter *it, const unsigned char *p, size_t n, size_t i)
{
	unsigned	 num;
	int		 suf;
	size_t		 blen;

	if (list_marker(p, n, i, &num, &suf, &blen) == 0)
		return 0;
	if (blen != it->bulletlen || memcmp(p + i, it->bullet, blen) != 0)
		return 0;
	return suf == it->listsuf && num == it->listnext;
}

/*
 * Where the text of a sentence starting at p[s] begins: after a list
 * marker or an ellipsis that opens it, so that neither is taken for a
 * sentence end.
 */
static size_t
skip_lead(struct sent_iter *it, const unsigned char *p, size_t n, size_t s)
{
	unsigned	 num;
	int		 suf;
	size_t		 k, blen;

	if ((k = list_marker(p, n, s, &num, &suf, &blen)) != 0) {
		if (it->list && num > 0 && suf == it->listsuf)
			it->listnext = num + 1;
		return s + k;
	}
	if ((k = ellipsis_len(p, n, s)) != 0) {
		s += k;
		while (s < n && doc_isspace(p[s]))
			s++;
	}
	return s;
}

/*
 * A dateline at the start of a paragraph ("BRUSSELS —", "ST. LOUIS --",
 * "Paris, France -"): capitalised words, the first letters in capitals or
 * a comma among them, a bracketed agency allowed, then a dash and a
 * capitalised word.  Without a dash, a date that ends in a year
 * ("Tuesday, June 9, 2026") or a place of three parts ("Preston,
 * Victoria, Australia") before a capitalised word that cannot go on the
 * list (after the year, any; after a place, a sentence starter such as
 * "On") is one too.  Returns the end of the dateline, or 0.
 */
static size_t
dateline(const unsigned char *p, size_t n)
{
	size_t	 i, k, lim, words, lower, upper, comma, wend;
	int	 year, aftercomma;

	lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	words = lower = upper = comma = wend = 0;
	year = aftercomma = 0;
	for (i = 0; i < lim; ) {
		if ((k = dash_len(p, n, i)) != 0 && words > 0) {
			if (!(comma > 0 || (lower == 0 && upper >= 2)))
				return 0;
			k += i;
			i = k;
			while (i < n && is_blank(p[i]))
				i++;
			if (i < n && (is_upper(p[i]) || opener_len(p, n, i)))
				return k;
			return 0;
		}
		if (p[i] == '(') {
			while (i < lim && p[i] != ')')
				i++;
			i++;
		} else if (is_upper(p[i]) || is_digit(p[i]) ||
		    (p[i] == 0xc3 && i + 1 < n && p[i + 1] < 0x9f)) {
			/* "On May 5, 2012 The ..." is a sentence, no dateline. */
			if (words >= 2 && comma > 0 && !aftercomma &&
			    is_upper(p[i]) && !starter(p, n, 0) &&
			    (year || (comma >= 2 && starter(p, n, i))))
				return wend;
			if (++words > 8)
				return 0;
			k = i;
			for (; i < lim && !doc_isspace(p[i]) && p[i] != ','; i++) {
				lower += is_lower(p[i]);
				upper += is_upper(p[i]);
				if (p[i] == '?' || p[i] == '!' || p[i] == ':' ||
				    p[i] == '"' || p[i] == ';')
					return 0;
			}
			wend = i;
			year = i - k == 4 && is_digit(p[k]) && is_digit(p[k + 1]) &&
			    is_digit(p[k + 2]) && is_digit(p[k + 3]) &&
			    ((p[k] == '1' && p[k + 1] == '9') ||
			    (p[k] == '2' && p[k + 1] == '0'));
		} else
			return 0;
		aftercomma = i < lim && p[i] == ',';
		if (aftercomma) {
			comma++;
			i++;
		}
		while (i < lim && is_blank(p[i]))
			i++;
	}
	return 0;
}

/*
 * Measure the lines of the paragraph once: the longest, and whether they
 * are a list of short lines none of which ends a sentence ("features /
 * contact manager / events, activities").
 */
static void
measure_lines(struct sent_iter *it)
{
	const unsigned char	*p = (const unsigned char *)it->p;
	const unsigned char	*q;
	size_t			 i, e, t, n = it->len, lines, longest;
	int			 ended;

	longest = 0;
	lines = 0;
	ended = 0;
	for (i = 0; i < n; i = e + 1) {
		q = memchr(p + i, '\n', n - i);
		e = q != NULL ? (size_t)(q - p) : n;
		for (t = e; t > i && doc_isspace(p[t - 1]); t--)
			continue;
		if (t - i > longest)
			longest = t - i;
		ended = t > i && (p[t - 1] == '.' || p[t - 1] == '?' ||
		    p[t - 1] == '!');
		lines++;
	}
	it->maxline = longest > 0 ? longest : 1;
	it->shortlines = lines >= 3 && longest <= SHORTLINE_MAX && !ended;
}

/*
 * A line break at p[i] not after sentence punctuation: it ends the
 * sentence when the next line is a list item, when the lines are a list
 * of short lines, or when the line is much shorter than the paragraph's
 * longest and the next begins with a capital (a headline); otherwise it
 * only wraps.  *e gets the end of the line.
 */
static int
line_ends(struct sent_iter *it, const unsigned char *p, size_t n, size_t s0,
    size_t i, size_t *e, size_t *next)
{
	unsigned	 num;
	int		 suf, nx;
	size_t		 b, k, m, ls, blen, w;

	for (b = i; b > s0 && doc_isspace(p[b - 1]); b--)
		continue;
	if (b == s0)
		return 0;
	for (k = b; k > s0 && closer_len(p, n, k - 1) == 1; k--)
		continue;
	if (k > s0 && (p[k - 1] == '.' || p[k - 1] == '?' || p[k - 1] == '!' ||
	    p[k - 1] == ',' || p[k - 1] == ';' || p[k - 1] == 0xa6 ||
	    p[k - 1] == 0x9d || p[k - 1] == 0x99))
		return 0;
	for (m = i + 1; m < n && doc_isspace(p[m]); m++)
		continue;
	if (m >= n)
		return 0;
	*e = b;
	*next = m;
	if (list_marker(p, n, m, &num, &suf, &blen) != 0)
		return 1;
	if (it->maxline == 0)
		measure_lines(it);
	if (it->shortlines)
		return 1;
	nx = next_kind(p, n, m);
	if (nx != NX_UPPER && nx != NX_DIGIT && nx != NX_OPEN)
		return 0;
	for (ls = b; ls > 0 && p[ls - 1] != '\n'; ls--)
		continue;
	for (w = m; w < n && !doc_isspace(p[w]); w++)
		continue;
	return (b - ls + 1 + (w - m)) * 5 < it->maxline * 4;
}

/*
 * A credit word and colon before p[i] ("... the old town Image: J. Doe")
 * starts a sentence of its own.
 */
static int
credit_starts(const unsigned char *p, size_t n, size_t s0, size_t i,
    size_t *e, size_t *next)
{
	unsigned char	 w[WORD_MAX];
	size_t		 ws, b;

	(void)n;
	for (ws = i; ws > s0 && is_alpha(p[ws - 1]); ws--)
		continue;
	if (ws == i || i - ws > WORD_MAX || ws == s0 ||
	    !doc_isspace(p[ws - 1]))
		return 0;
	memcpy(w, p + ws, i - ws);
	if (is_lower(w[0]))
		w[0] = w[0] - 'a' + 'A';
	if (!lookup(&credits, w, i - ws))
		return 0;
	for (b = ws; b > s0 && doc_isspace(p[b - 1]); b--)
		continue;
	if (b == s0)
		return 0;
	*e = b;
	*next = ws;
	return 1;
}

/* Length of a smiley standing as a word at p[i] (":)", ";-(", ":D"), or 0. */
static size_t
emoticon_len(const unsigned char *p, size_t n, size_t i)
{
	size_t	 k;

	if (i + 1 >= n || (p[i] != ':' && p[i] != ';'))
		return 0;
	k = i + 1;
	if (p[k] == '-' && k + 1 < n)
		k++;
	if (p[k] != ')' && p[k] != '(' && p[k] != 'D' && p[k] != 'P' &&
	    p[k] != 'p')
		return 0;
	k++;
	return k >= n || doc_isspace(p[k]) ? k - i : 0;
}

/*
 * A German closing mark at p[i], “ or ‘ (which open quotes in English),
 * where it can only close one: after sentence punctuation, with a space
 * or the end after it ("„Wir kommen.“ Dann ging er.").
 */
static int
german_closer(const unsigned char *p, size_t n, size_t i)
{
	return i + 2 < n && p[i] == 0xe2 && p[i + 1] == 0x80 &&
	    (p[i + 2] == 0x9c || p[i + 2] == 0x98) &&
	    (i + 3 == n || doc_isspace(p[i + 3]));
}

/*
 * After sentence punctuation ending at p[k]: skip closing quotes and
 * brackets.  Returns 0 with *k after them when a word goes on right there
 * ("Jr.'s", "mean...see"), else 1 with *m at the next word (or n).
 */
static int
space_after(const unsigned char *p, size_t n, size_t *k, size_t *m)
{
	size_t	 j, e;

	for (j = *k; j < n; )
		if (closer_len(p, n, j))
			j += closer_len(p, n, j);
		else if (german_closer(p, n, j))
			j += 3;
		else
			break;
	*k = j;
	if (j < n && !doc_isspace(p[j]))
		return 0;
	while (j < n && doc_isspace(p[j]))
		j++;
	/* A smiley after the mark belongs to the sentence it ends. */
	if ((e = emoticon_len(p, n, j)) != 0) {
		*k = j += e;
		while (j < n && doc_isspace(p[j]))
			j++;
	}
	*m = j;
	return 1;
}

/*
 * Whether w[0, len) is a plain word of four letters or more, with a
 * lower-case one among them.  A full stop after such a word ends the
 * sentence even before a lower-case word (careless writing: "... than
 * LibriVox. we find it"), since abbreviations that long are listed and
 * units (ft., in.) are shorter.
 */
static int
plain_word(const unsigned char *w, size_t len)
{
	size_t	 k;
	int	 low;

	if (len < 4)
		return 0;
	for (k = 0, low = 0; k < len; k++) {
		if (!is_alpha(w[k]))
			return 0;
		low |= is_lower(w[k]);
	}
	return low;
}

/*
 * A full stop at p[i] that stands alone (not part of an ellipsis).
 * Returns 1 with the sentence end and the next start when it ends a
 * sentence, else 0 with where to scan on.
 */
static int
stop_ends(const unsigned char *p, size_t n, size_t s0, size_t i, size_t *e,
    size_t *next)
{
	size_t	 k, m, ws;
	int	 kind;

	k = i + 1;
	for (ws = i; ws > s0 && !doc_isspace(p[ws - 1]); ws--)
		continue;
	while (ws < i && opener_len(p, n, ws))
		ws += opener_len(p, n, ws);
	if (!space_after(p, n, &k, &m)) {
		if (k == i + 1 && glued_end(p, n, s0, i)) {
			*e = *next = i + 1;
			return 1;
		}
		/*
		 * A space lost after a closing quote: "committed to
		 * Calder."Rao is expected" ends after the quote.
		 */
		if (k > i + 1 && k < n && p[k] >= 'A' && p[k] <= 'Z' &&
		    classify(p + ws, i - ws) == K_WORD) {
			*e = *next = k;
			return 1;
		}
		*next = k;
		return 0;
	}
	kind = classify(p + ws, i - ws);
	if (ends_before(p, n, kind, m) || (kind == K_WORD && k == i + 1 &&
	    next_kind(p, n, m) == NX_LOWER && plain_word(p + ws, i - ws))) {
		*e = k;
		*next = m;
		return 1;
	}
	*next = k;
	return 0;
}

/*
 * An ellipsis at p[i] ("...", ". . .", "…", "....").  A full stop glued
 * to a word and followed by a spaced ellipsis ("results. . . . The")
 * ends the sentence there, and the ellipsis opens the next one.  Four
 * dots are an ellipsis and a full stop, and end a sentence as a full stop
 * does.  Three only end one before a capitalised word other than "I",
 * since speech trails off and goes on in ellipses.
 */
static int
ellipsis_ends(const unsigned char *p, size_t n, size_t s0, size_t i,
    size_t len, size_t *e, size_t *next)
{
	size_t	 k, m, dots, ws;

	if (p[i] == '.' && i > s0 && !doc_isspace(p[i - 1]) &&
	    p[i + 1] == ' ') {
		for (k = i + len; k < n && closer_len(p, n, k); )
			k += closer_len(p, n, k);
		while (k < n && doc_isspace(p[k]))
			k++;
		if (k >= n) {
			*next = n;
			return 0;
		}
		for (ws = i; ws > s0 && !doc_isspace(p[ws - 1]); ws--)
			continue;
		if (classify(p + ws, i - ws) == K_TITLE) {
			*next = i + len;
			return 0;
		}
		*e = i + 1;
		*next = i + 2;
		return 1;
	}
	for (k = i, dots = 0; k < i + len; k++)
		dots += p[k] == '.' ? 1 : p[k] == 0xa6 ? 3 : 0;
	/* "…." is an ellipsis and a full stop too. */
	k = i + len;
	if (k < n && p[k] == '.' && len == 3 && p[i] == 0xe2) {
		dots++;
		k++;
	}
	if (!space_after(p, n, &k, &m)) {
		*next = k;
		return 0;
	}
	*e = k;
	*next = m;
	if (dots >= 4 ? ends_before(p, n, K_WORD, m) :
	    m >= n || (next_kind(p, n, m) == NX_UPPER && !iword(p, n, m)))
		return 1;
	*next = k;
	return 0;
}

/* ? or ! (and runs of them) at p[i]. */
static int
mark_ends(const unsigned char *p, size_t n, size_t i, size_t *e,
    size_t *next)
{
	size_t	 k, m;

	for (k = i; k < n && (p[k] == '?' || p[k] == '!'); k++)
		continue;
	if (!space_after(p, n, &k, &m)) {
		*next = k;
		return 0;
	}
	if (ends_before(p, n, K_WORD, m) && next_kind(p, n, m) != NX_ELLIPSIS) {
		*e = k;
		*next = m;
		return 1;
	}
	*next = k;
	return 0;
}

void
sent_begin(struct sent_iter *it, const char *p, size_t len)
{
	const unsigned char	*u = (const unsigned char *)p;
	unsigned		 num;
	int			 suf;

	pthread_once(&tables_once, tables_init);
	memset(it, 0, sizeof(*it));
	it->p = p;
	it->len = len;
	/* A paragraph that opens with "1." or "a)" or "•" may run its items on. */
	if (list_marker(u, len, 0, &num, &suf, &it->bulletlen) != 0 &&
	    it->bulletlen <= sizeof(it->bullet) && (num > 0 ||
	    (it->bulletlen > 0 && u[0] != '-' && u[0] != '*'))) {
		it->list = 1;
		it->listnext = num + (num > 0);
		it->listsuf = suf;
		memcpy(it->bullet, u, it->bulletlen);
	}
}

int
sent_next(struct sent_iter *it, size_t *start, size_t *end)
{
	const unsigned char	*p = (const unsigned char *)it->p;
	const unsigned char	*tab;
	size_t			 i, n = it->len, s0, e, next, k;
	int			 r;

	i = it->pos;
	while (i < n && doc_isspace(p[i]))
		i++;
	if (i >= n)
		return 0;
	*start = i;
	if (i == 0 && (k = dateline(p, n)) != 0) {
		*end = k;
		it->pos = k;
		return 1;
	}
	s0 = i;
	i = skip_lead(it, p, n, i);
	tab = it->list ? cand_list : cand;
	for (;;) {
		while (i < n && !tab[p[i]])
			i++;
		if (i >= n)
			break;
		r = 0;
		next = i + 1;
		switch (p[i]) {
		case '.':
			if ((k = ellipsis_len(p, n, i)) != 0)
				r = ellipsis_ends(p, n, s0, i, k, &e, &next);
			else
				r = stop_ends(p, n, s0, i, &e, &next);
			break;
		case '?':
		case '!':
			r = mark_ends(p, n, i, &e, &next);
			break;
		case '\n':
			r = line_ends(it, p, n, s0, i, &e, &next);
			if (!r)
				next = i + 1;
			if (!r && it->list && next_item(it, p, n, i + 1)) {
				r = 1;
				e = i;
				next = i + 1;
			}
			break;
		case ':':
			r = credit_starts(p, n, s0, i, &e, &next);
			if (!r)
				next = i + 1;
			break;
		case 0xe2:
			if (punct3(p, n, i, 0xa6))
				r = ellipsis_ends(p, n, s0, i, 3, &e, &next);
			break;
		default:	/* white space in a run-on list */
			if (next_item(it, p, n, i + 1)) {
				r = 1;
				e = i;
			}
			break;
		}
		if (r) {
			while (e > s0 && doc_isspace(p[e - 1]))
				e--;
			if (e > s0) {
				*end = e;
				it->pos = next;
				return 1;
			}
		}
		i = next > i ? next : i + 1;
	}
	while (n > *start && doc_isspace(p[n - 1]))
		n--;
	*end = n;
	it->pos = it->len;
	return 1;
}
