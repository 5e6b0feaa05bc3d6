/*
 * quote_mark.c - the quote marks of a paragraph, and their pairing into
 * quote spans (see quote_int.h): straight and curly, single inside
 * double, guillemets, German marks; apostrophes are not marks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quote_int.h"
#include "util.h"

/*
 * Marks.
 */

/* The code point before p[i], or ' ' at the start. */
static uint32_t
cp_before(const char *p, size_t i)
{
	size_t	 j;
	uint32_t c;

	if (i == 0)
		return ' ';
	j = i - 1;
	while (j > 0 && ((unsigned char)p[j] & 0xc0) == 0x80 && i - j < 4)
		j--;
	tok_utf8(p + j, i - j, &c);
	return c;
}

static uint32_t
cp_at(const char *p, size_t len, size_t i)
{
	uint32_t c;

	if (i >= len)
		return ' ';
	tok_utf8(p + i, len - i, &c);
	return c;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || tok_isletter(c);
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v' || c == 0xa0;
}

void
add_mark(struct quote_doc *q, size_t off, size_t len, int kind)
{
	q->marks = room(q->marks, &q->mcap, q->nmarks + 1,
	    sizeof(q->marks[0]));
	q->marks[q->nmarks].off = off;
	q->marks[q->nmarks].len = len;
	q->marks[q->nmarks].kind = kind;
	q->nmarks++;
}

/* The bytes that start a quote mark: " ' and the lead bytes of the rest. */
static const unsigned char mark_byte[256] = {
	['"'] = 1, ['\''] = 1, [0xc2] = 1, [0xe2] = 1
};

/* Every byte sequence that may be a quote mark, in order. */
void
find_marks(struct quote_doc *q)
{
	const unsigned char *u = (const unsigned char *)q->p;
	size_t	 i, n = q->len;

	q->nmarks = 0;
	for (i = 0; i < n; i++) {
		/* Most bytes start no mark: skip them with one test each. */
		while (i < n && !mark_byte[u[i]])
			i++;
		if (i == n)
			break;
		if (u[i] == '"')
			add_mark(q, i, 1, M_DQ);
		else if (u[i] == '\'') {
			/* '' is wiki markup for italics, not a quote. */
			if (i + 1 < n && u[i + 1] == '\'')
				i++;
			else
				add_mark(q, i, 1, M_SQ);
		}
		else if (u[i] == 0xc2 && i + 1 < n &&
		    (u[i + 1] == 0xab || u[i + 1] == 0xbb)) {
			add_mark(q, i, 2, u[i + 1] == 0xab ? M_LG : M_RG);
			i++;
		} else if (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80) {
			switch (u[i + 2]) {
			case 0x98:
				add_mark(q, i, 3, M_LSQ);
				break;
			case 0x99:
				add_mark(q, i, 3, M_RSQ);
				break;
			case 0x9c:
				add_mark(q, i, 3, M_LDQ);
				break;
			case 0x9d:
				add_mark(q, i, 3, M_RDQ);
				break;
			case 0x9e:
				add_mark(q, i, 3, M_LOWDQ);
				break;
			case 0xb9:
				add_mark(q, i, 3, M_LSG);
				break;
			case 0xba:
				add_mark(q, i, 3, M_RSG);
				break;
			default:
				break;
			}
			i += 2;
		}
	}
}

static int
is_single(int k)
{
	return k == M_SQ || k == M_LSQ || k == M_RSQ;
}

/* A single mark that may open a quote: not inside or after a word. */
static int
single_opens(const struct quote_doc *q, const struct mark_at *m)
{
	uint32_t b, a, a2;

	if (m->kind == M_RSQ)
		return 0;
	b = cp_before(q->p, m->off);
	a = cp_at(q->p, q->len, m->off + m->len);
	if (is_alnum(b) || !tok_isletter(a))
		return 0;
	/* 'tis, 'em, rock 'n' roll: a letter and then a mark again. */
	a2 = cp_at(q->p, q->len, m->off + m->len + 1);
	if (a == 'n' && a2 == '\'')
		return 0;
	return 1;
}

/* A single mark that may close a quote: after a word, not inside one. */
static int
single_closes(const struct quote_doc *q, const struct mark_at *m)
{
	uint32_t b, a;

	if (m->kind == M_LSQ)
		return 0;
	b = cp_before(q->p, m->off);
	a = cp_at(q->p, q->len, m->off + m->len);
	return !is_space(b) && !is_alnum(a);
}

/* Whether mark kind c closes a quote opened by kind o. */
static int
closes(const struct quote_doc *q, int o, const struct mark_at *c)
{
	uint32_t b, a;

	switch (o) {
	case M_DQ:
		return c->kind == M_DQ || c->kind == M_RDQ;
	case M_LDQ:
		if (c->kind == M_RDQ || c->kind == M_DQ)
			return 1;
		if (c->kind != M_LDQ)
			return 0;
		/* One kind of mark used for both ends. */
		b = cp_before(q->p, c->off);
		a = cp_at(q->p, q->len, c->off + c->len);
		return !is_space(b) && !is_alnum(a);
	case M_RDQ:
		return c->kind == M_RDQ;
	case M_LOWDQ:
		return c->kind == M_LDQ || c->kind == M_RDQ || c->kind == M_DQ;
	case M_LG:
		return c->kind == M_RG;
	case M_RG:
		return c->kind == M_LG;
	case M_LSG:
		return c->kind == M_RSG;
	case M_RSG:
		return c->kind == M_LSG;
	default:
		return 0;
	}
}

static void
add_span(struct quote_doc *q, size_t o0, size_t o1, size_t c0, size_t c1,
    int closed)
{
	struct span *s;

	/* Marks with nothing between ("" or '') quote nothing. */
	if (closed && o1 == c0)
		return;
	q->spans = room(q->spans, &q->scap, q->nspans + 1,
	    sizeof(q->spans[0]));
	s = &q->spans[q->nspans++];
	memset(s, 0, sizeof(*s));
	s->o0 = o0;
	s->o1 = o1;
	s->c0 = c0;
	s->c1 = c1;
	s->closed = closed;
}

/*
 * Pair the marks of the paragraph into top-level quote spans.  Inside a
 * double quote every other mark belongs to the quote; a single quote
 * counts only where a closing single mark follows; an unclosed double
 * quote runs to the paragraph's end.
 */
void
pair_marks(struct quote_doc *q)
{
	struct mark_at	*m = q->marks;
	size_t		 i, j, n = q->nmarks, depth = 0;
	int		 open = -1;
	uint32_t	 b, a;

	q->nspans = 0;
	/*
	 * Where a single mark that opens finds its closing mark, found for
	 * all in one pass from the end: searching from each would take
	 * time in the square of the marks of a paragraph.
	 */
	for (i = n, j = n; i > 0; i--) {
		m[i - 1].sclose = j;
		if (is_single(m[i - 1].kind) && single_closes(q, &m[i - 1]))
			j = i - 1;
	}
	for (i = 0; i < n; i++) {
		if (open >= 0) {
			/* „a „b“ c“: the same opening mark nests. */
			if (m[i].kind == m[open].kind && (m[i].kind == M_LOWDQ ||
			    m[i].kind == M_LG || (m[i].kind == M_LDQ &&
			    is_space(cp_before(q->p, m[i].off)) &&
			    is_alnum(cp_at(q->p, q->len, m[i].off + m[i].len))))) {
				depth++;
				continue;
			}
			if (closes(q, m[open].kind, &m[i]) && depth > 0) {
				depth--;
				continue;
			}
			if (closes(q, m[open].kind, &m[i])) {
				add_span(q, m[open].off, m[open].off +
				    m[open].len, m[i].off, m[i].off + m[i].len,
				    1);
				open = -1;
			}
			continue;
		}
		switch (m[i].kind) {
		case M_DQ:
		case M_LDQ:
		case M_LOWDQ:
		case M_LG:
		case M_RG:
		case M_LSG:
		case M_RSG:
			open = i;
			break;
		case M_RDQ:
			/* A closing mark used to open: Swedish style. */
			b = cp_before(q->p, m[i].off);
			a = cp_at(q->p, q->len, m[i].off + m[i].len);
			if (is_space(b) && is_alnum(a))
				open = i;
			break;
		default:
			if (!single_opens(q, &m[i]))
				break;
			if ((j = m[i].sclose) < n) {
				add_span(q, m[i].off, m[i].off + m[i].len,
				    m[j].off, m[j].off + m[j].len, 1);
				i = j;
			}
			break;
		}
	}
	if (open >= 0)
		add_span(q, m[open].off, m[open].off + m[open].len, q->len,
		    q->len, 0);
}
