/*
 * tok: a Penn Treebank style tokenizer for raw UTF-8 news text.
 * See tok.h for the conventions; they match the entity training data.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "tok.h"

/*
 * The words that keep their full stop (tok_w_abbrev) and the clitics
 * (tok_w_clitic), from data/tok/rules.txt.
 */
#include "tok_tab.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

void
tok_list_init(struct tok_list *tl)
{
	tl->v = NULL;
	tl->n = tl->cap = 0;
}

void
tok_list_free(struct tok_list *tl)
{
	free(tl->v);
	tok_list_init(tl);
}

size_t
tok_utf8(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		goto bad;
	if (n > len)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

/*
 * Everything from Latin-1 letters up is a letter except the symbol and
 * punctuation blocks news text actually uses; a rough rule, but it keeps
 * accented names, Greek and Cyrillic whole without Unicode tables.
 */
int
tok_isletter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)
		return 0;
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return 0;
	if (cp >= 0xFFF0 && cp <= 0xFFFF)
		return 0;
	return 1;
}

int
tok_isupper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x137)
		return (cp & 1) == 0;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) == 1;
	if (cp >= 0x14A && cp <= 0x177)
		return (cp & 1) == 0;
	if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D)
		return 1;
	if (cp >= 0x391 && cp <= 0x3AB)
		return 1;
	if (cp >= 0x400 && cp <= 0x42F)
		return 1;
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return (cp & 1) == 0;
	return 0;
}

uint32_t
tok_tolower(uint32_t cp)
{
	if (!tok_isupper(cp))
		return cp;
	if (cp < 0x80 || (cp >= 0xC0 && cp <= 0xDE) ||
	    (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp == 0x178)
		return 0xFF;
	return cp + 1;
}

/*
 * The class of each byte.  Most news text is ASCII, and a table tells
 * in one look whether a byte is white space, a letter (and which case)
 * or a digit, or may continue a word ("-.,:'&@", see word_len); a byte
 * from 0x80 up starts a UTF-8 sequence that must be decoded first.
 */
#define C_SPACE		0x01
#define C_LETTER	0x02
#define C_DIGIT		0x04
#define C_UPPER		0x08	/* with C_LETTER */
#define C_LOWER		0x10	/* with C_LETTER: a letter not upper case */
#define C_JOIN		0x20	/* may join two parts of a word */
#define C_HIGH		0x40	/* 0x80 and up */
#define C_ALNUM		(C_LETTER | C_DIGIT)

#define S_	C_SPACE
#define U_	(C_LETTER | C_UPPER)
#define L_	(C_LETTER | C_LOWER)
#define D_	C_DIGIT
#define J_	C_JOIN
#define H_	C_HIGH
#define H16_	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_

static const unsigned char cls[256] = {
	0,  0,  0,  0,  0,  0,  0,  0,  0,  S_, S_, S_, S_, S_, 0,  0,
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
	S_, 0,  0,  0,  0,  0,  J_, J_, 0,  0,  0,  0,  J_, J_, J_, 0,
	D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, J_, 0,  0,  0,  0,  0,
	J_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
	U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, 0,  0,  0,  0,  0,
	0,  L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
	L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0,  0,  0,  0,  0,
	H16_, H16_, H16_, H16_, H16_, H16_, H16_, H16_
};

#undef S_
#undef U_
#undef L_
#undef D_
#undef J_
#undef H_
#undef H16_

static int
isdig(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
isspc(uint32_t c)
{
	if (c > ' ' && c < 0x80)
		return 0;
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v' || c == 0xA0 ||
	    (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
	    c == 0x3000 || c == 0xFEFF;
}

static int
isapos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

/* Code point at s[i] (0 past the end) and its length in *n. */
static uint32_t
peek(const char *s, size_t len, size_t i, size_t *n)
{
	uint32_t c;

	if (i >= len) {
		*n = 0;
		return 0;
	}
	*n = tok_utf8(s + i, len - i, &c);
	return c;
}

/*
 * Is s[0..n) one of the words in the sorted table?  Asked of most
 * capitalised words by the rules after the tagger, so it compares in
 * place: a table word is before s when it is less in its first n bytes,
 * or equal there and shorter.  A word of 32 bytes or more, or with a NUL
 * in it, is in no table.
 */
int
tok_inlist(const char *const *tab, size_t ntab, const char *s, size_t n)
{
	size_t lo = 0, hi = ntab, mid, k;
	const unsigned char *t;
	int r;

	/* Most words asked are in no table: reject by the first byte. */
	if (n == 0 || n >= 32 || ntab == 0 ||
	    (unsigned char)s[0] < (unsigned char)tab[0][0] ||
	    (unsigned char)s[0] > (unsigned char)tab[ntab - 1][0])
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		t = (const unsigned char *)tab[mid];
		for (k = 0; k < n && t[k] != '\0' &&
		    t[k] == (unsigned char)s[k]; k++)
			;
		if (k == n)
			r = t[k] == '\0' ? 0 : 1;
		else
			r = (int)t[k] - (int)(unsigned char)s[k];
		if (r == 0)
			return 1;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Is s[0..n) an abbreviation?  Asked of every word before a full stop. */
static int
isabbrev(const char *s, size_t n)
{
	return tok_inlist(tok_w_abbrev, NELEM(tok_w_abbrev), s, n);
}

/*
 * If an apostrophe at s[i] starts a clitic ('s 're 've 'll 'd 'm) that
 * ends the word, return the clitic's length in bytes, else 0.
 */
static size_t
clitic_at(const char *s, size_t len, size_t i)
{
	char low[4];
	size_t n, a, j, k;
	uint32_t c;

	c = peek(s, len, i, &a);
	if (!isapos(c))
		return 0;
	for (j = i + a, k = 0; j < len && k < 3; j++, k++) {
		unsigned char ch = (unsigned char)s[j];

		if ((ch | 0x20) < 'a' || (ch | 0x20) > 'z')
			break;
		low[k] = (char)(ch | 0x20);
	}
	if (k == 0 || k > 2)
		return 0;
	c = peek(s, len, j, &n);
	if (tok_isletter(c) || isdig(c))
		return 0;
	return tok_inlist(tok_w_clitic, NELEM(tok_w_clitic), low, k) ? a + k : 0;
}

/* If s[i] starts "n't" ending a word, return its length, else 0. */
static size_t
nt_at(const char *s, size_t len, size_t i)
{
	size_t a, n;
	uint32_t c;

	if (i >= len || (s[i] | 0x20) != 'n')
		return 0;
	c = peek(s, len, i + 1, &a);
	if (!isapos(c) || i + 1 + a >= len || (s[i + 1 + a] | 0x20) != 't')
		return 0;
	c = peek(s, len, i + 2 + a, &n);
	if (tok_isletter(c) || isdig(c))
		return 0;
	return 2 + a;
}

static int
prefix_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p), i;

	if (n > len)
		return 0;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != p[i])
			return 0;
	return 1;
}

/* A URL runs to the next space, less trailing punctuation. */
static size_t
url_len(const char *s, size_t len)
{
	size_t i, n;
	uint32_t c;

	if (!prefix_ci(s, len, "http://") && !prefix_ci(s, len, "https://") &&
	    !prefix_ci(s, len, "www."))
		return 0;
	for (i = 0; i < len; i += n) {
		c = peek(s, len, i, &n);
		if (isspc(c) || c == '"' || c == '<' || c == '>' ||
		    c == 0x201C || c == 0x201D)
			break;
	}
	while (i > 0 && strchr(".,;:!?)]'", s[i - 1]) != NULL)
		i--;
	return i;
}

/*
 * The letter class of a code point from 0x80 up, as cls[] has it for
 * ASCII.  White space is not asked: a BOM is both, and which it is
 * depends on where it stands (see tok_text).
 */
static unsigned
cp_class(uint32_t c)
{
	if (tok_isletter(c))
		return C_LETTER | (tok_isupper(c) ? C_UPPER : C_LOWER);
	return 0;
}

/*
 * The TOK_ flags that the characters of a token give, from the classes
 * of all its characters or'ed together (cl) and of the first (first).
 */
static int
class_flags(unsigned cl, unsigned first)
{
	int flags = 0;

	if (first & C_UPPER)
		flags |= TOK_UPPER;
	if (cl & C_UPPER)
		flags |= TOK_HASUPPER;
	if (cl & C_DIGIT)
		flags |= TOK_HASDIGIT;
	if ((cl & (C_LETTER | C_LOWER)) == C_LETTER)
		flags |= TOK_ALLUPPER;
	return flags;
}

/*
 * The flags of any token s[0..len), character by character: for the
 * rarer tokens (URLs, clitics) that word_len does not scan.
 */
static int
char_flags(const char *s, size_t len)
{
	size_t i, n;
	uint32_t c;
	unsigned cl, first, all;

	first = all = 0;
	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			cl = cls[(unsigned char)s[i]];
			n = 1;
		} else {
			n = tok_utf8(s + i, len - i, &c);
			cl = cp_class(c);
		}
		if (i == 0)
			first = cl;
		all |= cl;
	}
	return class_flags(all, first);
}

/*
 * Whether the joining character c, n bytes at s[i] inside a word, goes
 * on with it: a hyphen before a letter or digit, a full stop in 3.5, in
 * U.S or in an e-mail address, a comma or colon in 1,000 or 10:30, an
 * apostrophe before letters that are no clitic, the & of AT&T, the @ of
 * an address.  *seg (characters since the last hyphen, apostrophe or
 * initial), *email and *dots are word_len's, kept up to date here.
 */
static int
joins(const char *s, size_t len, size_t i, uint32_t c, size_t n,
    size_t *seg, int *email, int *dots)
{
	size_t n2, k;
	uint32_t nx, nx2;

	nx = peek(s, len, i + n, &n2);
	if (c == '-' || c == 0x2011) {
		if (tok_isletter(nx) || isdig(nx)) {
			*seg = 0;
			return 1;
		}
		return 0;
	}
	if (c == '.') {
		unsigned char pv = (unsigned char)s[i - 1];

		if (isdig(pv) && isdig(nx))
			return 1;
		if (*email && (tok_isletter(nx) || isdig(nx)))
			return 1;
		nx2 = peek(s, len, i + n + n2, &k);
		if (*seg == 1 && tok_isletter(nx) && nx2 == '.') {
			*dots = 1;
			*seg = 0;
			return 1;
		}
		return 0;
	}
	if (c == ',' || c == ':') {
		unsigned char pv = (unsigned char)s[i - 1];

		return isdig(pv) && isdig(nx) && (c == ':' ||
		    (i + 4 <= len && isdig((unsigned char)s[i + 2]) &&
		    isdig((unsigned char)s[i + 3]) &&
		    (i + 4 == len || !isdig((unsigned char)s[i + 4]))));
	}
	if (isapos(c)) {
		if (tok_isletter(nx) && clitic_at(s, len, i) == 0) {
			*seg = 0;
			return 1;
		}
		return 0;
	}
	if (c == '&')
		return tok_isupper(nx) && tok_isupper((unsigned char)s[i - 1]);
	if (c == '@' && (tok_isletter(nx) || isdig(nx))) {
		*email = 1;
		return 1;
	}
	return 0;
}

/*
 * Scan a word or number starting at s[0]; return its length.  *dots
 * tells whether it has an inner full stop between single letters (U.S);
 * *flags gets the TOK_ flags of its characters, gathered on the way so
 * that no second pass over the word is needed.
 */
static size_t
word_len(const char *s, size_t len, int *dots, int *flags)
{
	size_t i, n, seg;
	uint32_t c;
	unsigned cl, all;
	int email = 0;

	*dots = 0;
	seg = 0;
	all = 0;
	for (i = 0; i < len; ) {
		unsigned char b = (unsigned char)s[i];

		/* A run of ASCII letters and digits: most of the text. */
		cl = cls[b];
		if (cl & C_ALNUM) {
			size_t j = i;
			unsigned run = cl;

			while (++j < len &&
			    (cls[(unsigned char)s[j]] & C_ALNUM))
				run |= cls[(unsigned char)s[j]];
			all |= run;
			seg += j - i;
			i = j;
			continue;
		}
		if (cl & C_HIGH) {
			c = peek(s, len, i, &n);
			cl = cp_class(c);
			if ((cl & C_LETTER) || (c >= 0x300 && c <= 0x36F)) {
				all |= cl;
				i += n;
				seg++;
				continue;
			}
			if (c != 0x2011 && c != 0x2019)
				break;
		} else if (!(cl & C_JOIN))
			break;
		else {
			c = b;
			n = 1;
		}
		if (i == 0)
			break;
		/*
		 * The n of "n't" starts a token of its own ("do n't"): the
		 * run above took it as a letter, so look back from the
		 * apostrophe.
		 */
		if (isapos(c) && i > 1 && (s[i - 1] | 0x20) == 'n' &&
		    nt_at(s, len, i - 1) != 0) {
			i--;
			*flags = char_flags(s, i);
			return i;
		}
		if (!joins(s, len, i, c, n, &seg, &email, dots))
			break;
		i += n;
	}
	if ((cl = cls[(unsigned char)s[0]]) & C_HIGH)
		cl = cp_class(peek(s, len, 0, &n));
	*flags = class_flags(all, cl);
	return i;
}

static void
push(struct tok_list *tl, size_t off, size_t len, int kind, int flags)
{
	struct tok *t;

	if (tl->n == tl->cap) {
		size_t ncap = tl->cap ? tl->cap * 2 : 256;
		struct tok *nv;

		if ((nv = reallocarray(tl->v, ncap, sizeof(*nv))) == NULL)
			err(2, NULL);
		tl->v = nv;
		tl->cap = ncap;
	}
	t = &tl->v[tl->n++];
	t->off = off;
	t->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)flags;
}

void
tok_list_add(struct tok_list *tl, const struct tok *v, size_t n)
{
	struct tok *nv;
	size_t ncap;

	if (n > tl->cap - tl->n) {
		for (ncap = tl->cap ? tl->cap : 256; ncap - tl->n < n; )
			ncap *= 2;
		if ((nv = reallocarray(tl->v, ncap, sizeof(*nv))) == NULL)
			err(2, NULL);
		tl->v = nv;
		tl->cap = ncap;
	}
	if (n > 0)
		memcpy(tl->v + tl->n, v, n * sizeof(*v));
	tl->n += n;
}

size_t
tok_text(struct tok_list *tl, const char *s, size_t len)
{
	size_t i, n, m, start = tl->n;
	uint32_t c;
	unsigned cl;
	int flags = 0, cf, dots, kind, prevword = 0;

	for (i = 0; i < len; i += m) {
		unsigned char b = (unsigned char)s[i];

		cl = cls[b];
		if (cl & C_HIGH) {
			/* White space first: a BOM between words is one. */
			c = peek(s, len, i, &n);
			cl = isspc(c) ? C_SPACE : cp_class(c);
		} else {
			c = b;
			n = 1;
		}
		if (cl & C_SPACE) {
			flags |= TOK_SPACE;
			if (c == '\n')
				flags |= TOK_NEWLINE;
			m = n;
			prevword = 0;
			continue;
		}
		if (cl & C_ALNUM) {
			kind = TOK_WORD;
			if (prevword && (m = nt_at(s, len, i)) != 0)
				cf = char_flags(s + i, m);
			else if (((b | 0x20) == 'h' || (b | 0x20) == 'w') &&
			    (m = url_len(s + i, len - i)) != 0)
				cf = char_flags(s + i, m);
			else {
				m = word_len(s + i, len - i, &dots, &cf);
				/* The full stop of U.S., Mr., J. */
				if (i + m < len && s[i + m] == '.' && (dots ||
				    isabbrev(s + i, m) ||
				    (m == 1 && (cl & C_UPPER))))
					m++;
				if (cl & C_DIGIT)
					kind = TOK_NUM;
			}
		} else if (prevword && isapos(c) &&
		    (m = clitic_at(s, len, i)) != 0) {
			kind = TOK_WORD;
			cf = char_flags(s + i, m);
		} else {
			/* Punctuation: its characters add no flags. */
			kind = TOK_PUNCT;
			cf = 0;
			m = n;
			if (c == '.' || c == '-')
				while (i + m < len && s[i + m] == (char)c)
					m++;
		}
		push(tl, i, m, kind, flags | cf);
		prevword = kind != TOK_PUNCT;
		flags = 0;
	}
	return tl->n - start;
}
