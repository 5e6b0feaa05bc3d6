/*
 * quote.c - quotations and their speakers (see quote.h).
 *
 * A paragraph goes through four steps:
 *  1. its quote marks are paired into quote spans (pair_marks);
 *  2. it is cut into sentences and tokens, and the names in it are those
 *     that `entities` finds (ent.h, take_mentions): a speaker is always
 *     one of the NAMEs that `entities` prints for the document;
 *  3. every cue of speech ("said", "according to") outside the quotes is
 *     found, and the subject of each is resolved to a person: a name,
 *     through appositions, or a pronoun or description resolved against
 *     the document's history of speakers (the subjects of every speech
 *     verb, not only of quotes) and of people named;
 *  4. each quote is attributed from the words after it, then the words
 *     before it, then inherited from the quote or speech just before; a
 *     partial quote that reads as a scare quote, term or title is dropped.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "link.h"
#include "ner.h"
#include "quote.h"
#include "sent.h"
#include "tok.h"
#include "util.h"
#include "words.h"


#define NAME_MAX_LEN	120	/* a longer name is cut */
#define ROLE_MAX_LEN	32
#define ENT_MAX		1024	/* people and organisations a document */
#define EHASH		4096	/* slots of the name indexes, a power of two */
#define CTX_MAX		40	/* tokens of context searched for a cue */
#define SUBJ_MAX	60	/* tokens searched for a cue's subject, each side */

/* Kinds of quote marks. */
enum mark {
	M_DQ,		/* " */
	M_LDQ,		/* U+201C */
	M_RDQ,		/* U+201D */
	M_LOWDQ,	/* U+201E */
	M_LG,		/* U+00AB */
	M_RG,		/* U+00BB */
	M_SQ,		/* ' */
	M_LSQ,		/* U+2018 */
	M_RSQ,		/* U+2019 */
	M_LSG,		/* U+2039 */
	M_RSG		/* U+203A */
};

/* A paragraph is at most DOC_PARA_MAX bytes, so 32 bits hold offsets. */
struct mark_at {
	uint32_t	 off;
	uint32_t	 sclose;	/* the next single mark that may close */
	unsigned char	 len;
	unsigned char	 kind;
};

/* A quote span of a paragraph, in bytes of the paragraph. */
struct span {
	size_t		 o0, o1;	/* the opening mark */
	size_t		 c0, c1;	/* the closing mark; c0 == c1 == len if none */
	int		 closed;
	int		 cont;		/* continues the last paragraph's quote */
	size_t		 t0, t1;	/* tokens inside: [t0, t1) */
	size_t		 to, tc;	/* token of the opening, closing mark */
	size_t		 skipped;	/* words of sentences not tokenized */
	int		 kept;		/* taken as a quote: its kind + 1, or 0 */
};

/* What a token is, besides its text. */
struct tinfo {
	size_t		 link;		/* the linked entity of its mention */
	int		 q;		/* quote it is inside, or -1 */
	int		 ent;		/* entity, or -1 */
	uint32_t	 e0, e1;	/* the entity's tokens */
	unsigned int	 bits;		/* QT_* of the word */
	unsigned int	 pbits;		/* QT_* of a phrase starting here */
	uint32_t	 sent;		/* sentence number in the paragraph */
	unsigned char	 plen;		/* its tokens */
	unsigned char	 mark;		/* it is a quote mark */
	unsigned char	 other;		/* inside a place or other name */
};

enum { G_NONE, G_MALE, G_FEMALE };
enum { E_PERSON, E_ORG, E_PLACE, E_NONAME };

/* A person or organisation of the document. */
struct qent {
	char		 name[NAME_MAX_LEN];
	size_t		 nlen;
	char		 role[ROLE_MAX_LEN];
	size_t		 rlen;
	int		 type;
	int		 gender;
	long long	 mention;	/* position last named, or -1 */
	long long	 speech;	/* position last the subject of speech */
	long long	 msent, ssent;	/* sentence of the last mention, speech */
	long long	 pmention, pmsent;	/* the mention before the last */
	size_t		 link;		/* its link entity, or LINK_NONE */
	size_t		 nwords;	/* words of the mention linked */
	unsigned int	 nh, lh;	/* hashes of the name and its last word */
	int		 lnext;		/* next entity of the same surname slot */
	int		 newer, older;	/* the recency list, when inlist */
	int		 inlist;
};

/* A record waiting for the end of its document. */
struct pending {
	size_t		 text, len;	/* in the arena */
	unsigned long long start, end;
	enum quote_kind	 kind;
	size_t		 cue, cuelen;	/* in the arena */
	size_t		 wr, wrlen;	/* in the arena */
	unsigned long long wstart, wend;
	int		 ent;		/* speaker, or -1 */
	size_t		 para;
};

/*
 * The person a sentence names first, outside quotes, and where: ent is
 * -1 when it names none, -2 when a person's pronoun comes first.
 */
struct first {
	int		 ent;
	long long	 pos;
};

/* The result of resolving who a cue's subject is. */
struct who {
	int		 ent;		/* -1 when unknown */
	size_t		 w0, w1;	/* tokens as written; w0 == w1 if none */
	int		 found;		/* something stood in the subject's place */
};

struct quote_doc {
	quote_emit_fn	 emit;
	void		*arg;
	int		 indirect;
	struct ent_finder *ef;		/* the names: entities' own */

	/* The paragraph. */
	const char	*p;
	size_t		 len;
	unsigned long long off;
	size_t		 pn;
	struct tok_list	 tl;
	struct tinfo	*ti;
	size_t		 ticap;
	int		*used;		/* cues already given a subject */
	size_t		 usedcap;
	unsigned char	*sflag;		/* SF_* of each sentence */
	size_t		 sfcap;
	struct first	*first;		/* who each sentence names first */
	size_t		 firstcap;
	struct mark_at	*marks;
	size_t		 nmarks, mcap;
	struct span	*spans;
	size_t		 nspans, scap;
	size_t		*sstart;	/* first token of each sentence */
	size_t		 nsent, sscap;

	/* The document. */
	struct qent	*ents;
	size_t		 nents;
	/*
	 * Indexes of the entities: by whole name (open addressing, entity
	 * + 1; a renamed entity keeps its old slot too, checked on use)
	 * and by surname (chains through lnext, -1 ends).
	 */
	int		*nslot, *lslot;
	size_t		 nused;
	int		 mru;		/* the entity named or speaking last */
	long long	 pos;		/* token position in the document */
	long long	 sbase;		/* sentences before the paragraph */
	int		 last_direct;	/* the last quote was direct */
	int		 open_at_end;	/* the last paragraph ended in a quote */
	int		 open_kind;	/* the mark that opened it */
	int		 cut;		/* the paragraph goes on from a cut one */
	int		 last_ent;	/* speaker of the last quote */
	size_t		 last_para;	/* its paragraph */
	int		 speech_ent;	/* subject of the last speech cue */
	size_t		 speech_para;
	long long	 anon_speech;	/* when someone unnamed spoke last */
	struct first	 lastfirst;	/* of the last paragraphs' last such */
	long long	 lastfirst_sent;	/* sentence, and which it is */
	int		 label;		/* the paragraph's speaker label, or -1 */
	int		 label_last;	/* the last label of the document */
	int		 label_prev;	/* the one before it, another person */
	int		 de;		/* the document is in German (ent.h) */

	struct pending	*pend;
	size_t		 npend, pcap;
	char		*arena;
	size_t		 alen, acap;
};

static const char	 empty[] = "";

/* What a sentence of the paragraph holds, found once (sflag). */
#define SF_MARK		0x1	/* a quote mark */
#define SF_VERB		0x2	/* a speech verb outside quotes */
#define SF_VERB_KNOWN	0x4	/* SF_VERB was found out */

/* Words between a subject and its speech verb: "Reyes also said". */
static const char *const skipwords[] = {
	"again", "already", "also", "had", "has", "have", "however",
	"is", "just", "later", "once", "only", "previously", "publicly",
	"recently", "repeatedly", "reportedly", "separately", "simply",
	"then", "was", "were", "will", "would", "further", "has since",
	"had earlier", "earlier", "quickly", "initially", "first", "then",
	"last", "finally", "both", "all", "himself", "herself", "has",
};

static unsigned int
hash_key(const char *k, size_t n)
{
	unsigned int h = 2166136261u;
	size_t	 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

static int
is_skipword(const char *s, size_t n)
{
	size_t	 i;

	/* No single word of the list is longer, and many words are. */
	if (n > 10)
		return 0;
	for (i = 0; i < sizeof(skipwords) / sizeof(skipwords[0]); i++)
		if (skipwords[i][0] == s[0] && strlen(skipwords[i]) == n &&
		    memcmp(skipwords[i], s, n) == 0)
			return 1;
	return 0;
}

/* Arena: copies of the text that records hold until the document ends. */
static size_t
arena_put(struct quote_doc *q, const char *s, size_t n)
{
	size_t	 at;

	if (q->alen + n > q->acap) {
		q->acap = q->acap ? q->acap : 4096;
		while (q->alen + n > q->acap)
			q->acap *= 2;
		q->arena = nu_reallocarray(q->arena, q->acap, 1);
	}
	at = q->alen;
	if (n > 0)
		memcpy(q->arena + at, s, n);
	q->alen += n;
	return at;
}

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

static void
add_mark(struct quote_doc *q, size_t off, size_t len, int kind)
{
	if (q->nmarks == q->mcap) {
		q->mcap = q->mcap ? q->mcap * 2 : 64;
		q->marks = nu_reallocarray(q->marks, q->mcap,
		    sizeof(q->marks[0]));
	}
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
static void
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
	if (q->nspans == q->scap) {
		q->scap = q->scap ? q->scap * 2 : 16;
		q->spans = nu_reallocarray(q->spans, q->scap,
		    sizeof(q->spans[0]));
	}
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
static void
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

/*
 * Tokens, sentences and names.
 */

static void
grow_ti(struct quote_doc *q, size_t n)
{
	if (n > q->ticap) {
		q->ticap = n + n / 2 + 64;
		q->ti = nu_reallocarray(q->ti, q->ticap, sizeof(q->ti[0]));
	}
}

static const char *
tstr(const struct quote_doc *q, size_t i, size_t *n)
{
	*n = q->tl.v[i].len;
	return q->p + q->tl.v[i].off;
}

/* Whether token i (which may be out of range) is the word w. */
static int
tis(const struct quote_doc *q, size_t i, const char *w)
{
	size_t	 n;
	const char *s;

	if (i >= q->tl.n)
		return 0;
	s = tstr(q, i, &n);

	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Whether token i is a possessive ending or an apostrophe ('s, ', curly too). */
static int
is_poss(const struct quote_doc *q, size_t i)
{
	return tis(q, i, "'s") || tis(q, i, "'") ||
	    tis(q, i, "\xe2\x80\x99s") || tis(q, i, "\xe2\x80\x99");
}

/*
 * Room for n elements of the given size in p, which holds *cap: grown
 * by half again, so that longer and longer paragraphs cost amortised
 * time.  Returns the array, moved or not.
 */
static void *
room(void *p, size_t *cap, size_t n, size_t size)
{
	if (n > *cap) {
		*cap = n + n / 2 + 64;
		p = nu_reallocarray(p, *cap, size);
	}
	return p;
}

static int
tword(const struct quote_doc *q, size_t i)
{
	return q->tl.v[i].kind == TOK_WORD;
}

static int
tcap(const struct quote_doc *q, size_t i)
{
	return q->tl.v[i].kind == TOK_WORD && (q->tl.v[i].flags & TOK_UPPER);
}

/* The last word of a name: its surname, the key of a person. */
static void
last_word(const char *s, size_t n, const char **w, size_t *wn)
{
	size_t	 i;

	i = n;
	while (i > 0 && s[i - 1] != ' ')
		i--;
	*w = s + i;
	*wn = n - i;
}

/* Index entity x under its whole name, while the index has room. */
static void
ent_index(struct quote_doc *q, size_t x)
{
	unsigned int h;

	if (q->nused >= EHASH / 2)
		return;
	for (h = q->ents[x].nh; q->nslot[h & (EHASH - 1)] != 0; h++)
		continue;
	q->nslot[h & (EHASH - 1)] = x + 1;
	q->nused++;
}

/*
 * The entity a mention stands for: a person whose name ends in the same
 * surname (a longer name replaces a shorter one), or an organisation of
 * the same name.  New entities are added while there is room.
 */
static int
find_ent(struct quote_doc *q, int type, const char *s, size_t n)
{
	const char *w, *ew;
	size_t	 wn, ewn, i;
	struct qent *e;
	int	 best = -1, x;
	unsigned int nh, lh, h;

	if (n == 0)
		return -1;
	if (n > NAME_MAX_LEN)
		n = NAME_MAX_LEN;
	last_word(s, n, &w, &wn);
	nh = hash_key(s, n);
	lh = hash_key(w, wn);
	/*
	 * The same name is the same entity, but a place and a person may
	 * share one: a headline's "Bolton" may be typed a place before the
	 * story names John Bolton.
	 */
	for (h = nh; (x = q->nslot[h & (EHASH - 1)]) != 0; h++) {
		e = &q->ents[x - 1];
		if (e->nh == nh && e->nlen == n && memcmp(e->name, s, n) == 0 &&
		    (e->type == E_PLACE) == (type == E_PLACE))
			return x - 1;
	}
	/* A full index (many renames) is no index: read them all. */
	if (q->nused >= EHASH / 2)
		for (i = 0; i < q->nents; i++) {
			e = &q->ents[i];
			if (e->nh == nh && e->nlen == n &&
			    memcmp(e->name, s, n) == 0 &&
			    (e->type == E_PLACE) == (type == E_PLACE))
				return i;
		}
	for (x = type == E_PERSON ? q->lslot[lh & (EHASH - 1)] : -1; x >= 0;
	    x = q->ents[x].lnext) {
		e = &q->ents[x];
		if (e->type != E_PERSON || e->lh != lh)
			continue;
		last_word(e->name, e->nlen, &ew, &ewn);
		if (ewn != wn || memcmp(ew, w, wn) != 0)
			continue;
		/* Two people with one surname: keep them apart. */
		if (e->nlen > ewn && n > wn && (e->nlen != n ||
		    memcmp(e->name, s, n) != 0))
			continue;
		/*
		 * Of several people with the surname, the one introduced
		 * first: news names the principal one by surname alone and
		 * the others in full, and linking (link.c) reads it so.
		 */
		if (best < 0 || x < best)
			best = x;
	}
	if (best >= 0) {
		e = &q->ents[best];
		if (n > e->nlen) {
			memcpy(e->name, s, n);
			e->nlen = n;
			e->nh = nh;
			ent_index(q, best);
		}
		return best;
	}
	if (q->nents >= ENT_MAX)
		return -1;
	e = &q->ents[q->nents];
	memset(e, 0, sizeof(*e));
	memcpy(e->name, s, n);
	e->nlen = n;
	e->nh = nh;
	e->lh = lh;
	e->type = type;
	e->mention = e->speech = e->pmention = -1;
	e->msent = e->ssent = -1;
	e->link = LINK_NONE;
	e->lnext = q->lslot[lh & (EHASH - 1)];
	q->lslot[lh & (EHASH - 1)] = q->nents;
	ent_index(q, q->nents);
	return q->nents++;
}

/* When an entity was last named or the subject of speech. */
static long long
act(const struct qent *e)
{
	return e->mention > e->speech ? e->mention : e->speech;
}

/*
 * Keep the entities that were named or spoke in a list, latest first,
 * so that the search for the latest fitting one stops early.
 */
static void
touch(struct quote_doc *q, int x)
{
	struct qent *e = &q->ents[x];
	long long v = act(e);
	int	 at, prev = -1;

	if (e->inlist) {
		if (e->newer >= 0)
			q->ents[e->newer].older = e->older;
		else
			q->mru = e->older;
		if (e->older >= 0)
			q->ents[e->older].newer = e->newer;
	}
	for (at = q->mru; at >= 0 && act(&q->ents[at]) > v;
	    at = q->ents[at].older)
		prev = at;
	e->newer = prev;
	e->older = at;
	if (prev >= 0)
		q->ents[prev].older = x;
	else
		q->mru = x;
	if (at >= 0)
		q->ents[at].newer = x;
	e->inlist = 1;
}

/*
 * Name a mention of tokens [a, b) as an entity: the tokens' text with
 * single spaces, a possessive dropped, titles in front remembered as the
 * role and, for Mr and Mrs, the gender.
 */
static int
name_ent(struct quote_doc *q, int type, size_t a, size_t b)
{
	char	 buf[NAME_MAX_LEN];
	size_t	 n, k, tn;
	const char *t;
	unsigned int bits;
	int	 e, gender = G_NONE;
	char	 role[ROLE_MAX_LEN];
	size_t	 rlen = 0;

	/* Titles before the name, as the tagger leaves them outside. */
	k = a;
	while (k > 0 && tword(q, k - 1) &&
	    ((bits = q->ti[k - 1].bits) & QT_t) && a - k < 3) {
		k--;
		if (bits & QT_m)
			gender = G_MALE;
		if (bits & QT_f)
			gender = G_FEMALE;
		if (rlen == 0) {
			t = tstr(q, k, &tn);
			if (tn < sizeof(role)) {
				memcpy(role, t, tn);
				rlen = tn;
			}
		}
	}
	while (a < b && type == E_PERSON && (q->ti[a].bits & QT_t) &&
	    b - a > 1)
		a++;
	if (b > a && tis(q, b - 1, "'s"))
		b--;
	if (a >= b)
		return -1;
	n = 0;
	for (k = a; k < b; k++) {
		t = tstr(q, k, &tn);
		if (k > a && (q->tl.v[k].flags & TOK_SPACE) && n < sizeof(buf))
			buf[n++] = ' ';
		if (n + tn > sizeof(buf))
			break;
		memcpy(buf + n, t, tn);
		n += tn;
	}
	if ((e = find_ent(q, type, buf, n)) < 0)
		return -1;
	/*
	 * A first name that says the gender, when no title did; alone
	 * ("her husband, Carl,") only for a person known by it alone, as
	 * "Calder" may be Ruth Calder's surname.
	 */
	if (gender == G_NONE && type == E_PERSON && (b - a >= 2 ||
	    (q->ents[e].gender == G_NONE && q->ents[e].nlen == n)) &&
	    !(q->ti[a].bits & (QT_h | QT_t | QT_c))) {
		if (q->ti[a].bits & QT_f)
			gender = G_FEMALE;
		else if (q->ti[a].bits & QT_m)
			gender = G_MALE;
	}
	if (gender != G_NONE)
		q->ents[e].gender = gender;
	if (rlen > 0) {
		for (k = 0; k < rlen; k++)
			if (role[k] >= 'A' && role[k] <= 'Z')
				role[k] += 32;
		memcpy(q->ents[e].role, role, rlen);
		q->ents[e].rlen = rlen;
	}
	return e;
}

static void
grow_sent(struct quote_doc *q)
{
	if (q->nsent == q->sscap) {
		q->sscap = q->sscap ? q->sscap * 2 : 32;
		q->sstart = nu_reallocarray(q->sstart, q->sscap,
		    sizeof(q->sstart[0]));
	}
}

/* First token of the sentence of token k. */
static size_t
sent_first(const struct quote_doc *q, size_t k)
{
	return q->sstart[q->ti[k].sent];
}

/*
 * Whether token k is the surname of a person the document named; with
 * full, named with more than the surname ("Tobias Brandl").
 */
static int
known_surname(const struct quote_doc *q, size_t k, int full)
{
	const char *w, *ew;
	size_t	 n, en;
	unsigned int lh;
	int	 x;

	w = tstr(q, k, &n);
	lh = hash_key(w, n);
	for (x = q->lslot[lh & (EHASH - 1)]; x >= 0; x = q->ents[x].lnext) {
		if (q->ents[x].type != E_PERSON || q->ents[x].lh != lh)
			continue;
		last_word(q->ents[x].name, q->ents[x].nlen, &ew, &en);
		if (en == n && memcmp(ew, w, n) == 0 &&
		    (!full || q->ents[x].nlen > en))
			return 1;
	}
	return 0;
}

/*
 * Whether tokens [b, e) read as a person's name, which the tagger may
 * still have typed as another kind of name: one to three capitalised
 * words, the first a known first name ("Maria Reyes") or the last the
 * surname of a person named before ("Reyes").
 */
static int
person_shape(const struct quote_doc *q, size_t b, size_t e)
{
	size_t	 k;

	if (e - b < 1 || e - b > 3 || (q->ti[b].bits & (QT_c | QT_t)))
		return 0;
	for (k = b; k < e; k++)
		if (!tcap(q, k))
			return 0;
	return (e - b >= 2 && (q->ti[b].bits & (QT_f | QT_m))) ||
	    known_surname(q, e - 1, 0);
}

/*
 * Whether the word of tokens [k, e) (a hyphenated one may be several)
 * is a German role noun or ends in one: "Sprecher",
 * "Ministerpräsident", "Landesminister", "VW-Chef".
 */
static int
german_role(const struct quote_doc *q, size_t k, size_t e)
{
	const char *s;
	size_t	 n;

	s = q->p + q->tl.v[k].off;
	n = q->tl.v[e - 1].off + q->tl.v[e - 1].len - q->tl.v[k].off;
	return words_role_end(s, n);
}

/* The end of the word that starts at token k: hyphens join tokens. */
static size_t
word_end(const struct quote_doc *q, size_t k, size_t e)
{
	while (k + 1 < e && q->tl.v[k + 1].off ==
	    q->tl.v[k].off + q->tl.v[k].len)
		k++;
	return k + 1;
}

/* Words of s, roughly: runs of bytes other than space. */
static size_t
count_bytes_words(const char *s, size_t n)
{
	size_t	 i, w = 0;
	int	 in = 0;

	for (i = 0; i < n; i++) {
		if (doc_isspace(s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/*
 * Tokenize the paragraph sentence by sentence and fill the token facts:
 * quote, sentence, word classes, and the windows worth tagging.  This
 * needs nothing of the document before the paragraph (see quote_prep).
 */
static void
tag_prep(struct quote_doc *q)
{
	struct sent_iter it;
	size_t	 s, e, first, k, i, j, n, tn;
	struct tok *t;
	const char *w;
	char	 buf[WORDS_LOOK_MAX];
	unsigned int bits;

	q->tl.n = 0;
	q->nsent = 0;
	sent_begin(&it, q->p, q->len);
	i = 0;
	while (sent_next(&it, &s, &e)) {
		first = q->tl.n;
		/*
		 * A sentence inside a quote, neither its first nor its last,
		 * names no speaker: only its words are counted.
		 */
		while (i < q->nspans && s >= q->spans[i].c0)
			i++;
		if (i < q->nspans && s >= q->spans[i].o1 &&
		    e <= q->spans[i].c0 && e > s) {
			q->spans[i].skipped +=
			    count_bytes_words(q->p + s, e - s);
			grow_sent(q);
			q->sstart[q->nsent++] = first;
			continue;
		}
		tok_text(&q->tl, q->p + s, e - s);
		grow_ti(q, q->tl.n);
		grow_sent(q);
		q->sstart[q->nsent] = first;
		for (k = first; k < q->tl.n; k++) {
			memset(&q->ti[k], 0, sizeof(q->ti[k]));
			q->ti[k].q = -1;
			q->ti[k].ent = -1;
			q->ti[k].sent = q->nsent;
			q->ti[k].link = LINK_NONE;
			q->tl.v[k].off += s;
		}
		q->nsent++;
	}
	/* Word classes, and phrases that start at each word. */
	for (k = 0; k < q->tl.n; k++) {
		if (!tword(q, k))
			continue;
		w = tstr(q, k, &tn);
		q->ti[k].bits = words_class(w, tn, q->len - q->tl.v[k].off);
		if (!(q->ti[k].bits & QT_P))
			continue;
		n = 0;
		for (j = k; j < q->tl.n && j < k + 4; j++) {
			w = tstr(q, j, &tn);
			if (n + tn + 1 >= sizeof(buf))
				break;
			if (j > k)
				buf[n++] = ' ';
			memcpy(buf + n, w, tn);
			n += tn;
			if (j == k)
				continue;
			bits = words_class(buf, n, n);
			if (bits & ~QT_P) {
				q->ti[k].pbits = bits;
				q->ti[k].plen = j - k + 1;
			}
			/* No longer phrase starts with these words. */
			if (!(bits & QT_P))
				break;
		}
	}
	/* Quote marks and quote membership, spans and tokens in order. */
	k = 0;
	for (i = 0; i < q->nspans; i++) {
		struct span *sp2 = &q->spans[i];

		sp2->to = sp2->tc = (size_t)-1;
		sp2->t0 = q->tl.n;
		sp2->t1 = 0;
		for (; k < q->tl.n; k++) {
			t = &q->tl.v[k];
			if (t->off + t->len <= sp2->o0)
				continue;
			if (t->off >= sp2->c1 && sp2->closed)
				break;
			if (t->off < sp2->o1) {
				q->ti[k].mark = 1;
				sp2->to = k;
				continue;
			}
			if (sp2->closed && t->off >= sp2->c0) {
				q->ti[k].mark = 1;
				sp2->tc = k;
				continue;
			}
			q->ti[k].q = i;
			if (k < sp2->t0)
				sp2->t0 = k;
			sp2->t1 = k + 1;
		}
		if (sp2->t1 < sp2->t0)
			sp2->t0 = sp2->t1 = 0;
		/* Opened before the paragraph (see resume_cut): by its start. */
		else if (sp2->to == (size_t)-1 && sp2->o1 == 0)
			sp2->to = sp2->t0;
	}
}

/*
 * The names of the paragraph are those `entities` finds (ent.h): each
 * of its mentions marks the tokens it covers with its kind and its link
 * entity, which names the speaker in the end.  A mention that does not
 * start and end at tokens here (inside a sentence in the middle of a
 * quote, which is not tokenized) names no one.
 */
static void
take_mentions(struct quote_doc *q)
{
	const struct ent_found *m;
	size_t	 n, i, k, a, b, j;
	unsigned long long s, e;
	int	 type;

	n = ent_found(q->ef, &m);
	for (i = 0, k = 0; i < n; i++) {
		if (m[i].start < q->off || m[i].end > q->off + q->len)
			continue;
		s = m[i].start - q->off;
		e = m[i].end - q->off;
		while (k < q->tl.n && q->tl.v[k].off < s)
			k++;
		for (a = k, b = a; b < q->tl.n &&
		    q->tl.v[b].off + q->tl.v[b].len <= e; b++)
			continue;
		if (a == b || q->tl.v[a].off != s ||
		    q->tl.v[b - 1].off + q->tl.v[b - 1].len != e)
			continue;
		switch (m[i].type) {
		case ENT_PERSON:
			type = E_PERSON;
			break;
		case ENT_MISC:
			/* The tagger's other names may read as a person's. */
			type = person_shape(q, a, b) ? E_PERSON : E_NONAME;
			break;
		case ENT_ORG:
			type = E_ORG;
			break;
		case ENT_GPE:
		case ENT_LOC:
			/*
			 * The surname of a person named in full ("Bolton"),
			 * typed a place here: the person, as linking makes
			 * it in the end.
			 */
			type = b - a == 1 && known_surname(q, a, 1) ?
			    E_PERSON : E_PLACE;
			break;
		default:
			type = E_NONAME;
		}
		for (j = a; j < b; j++) {
			q->ti[j].other = type == E_PLACE || type == E_NONAME;
			q->ti[j].link = m[i].ent;
			if (type == E_NONAME)
				continue;
			q->ti[j].ent = -3 - type;	/* named below */
			q->ti[j].e0 = a;
			q->ti[j].e1 = b;
		}
	}
}

/*
 * The entities of the paragraph, from the mentions `entities` found,
 * named in the document's history (name_ent) and noted as named.
 */
static void
tag_rest(struct quote_doc *q)
{
	size_t	 k, i, j;
	int	 ent, type;

	take_mentions(q);
	q->first = room(q->first, &q->firstcap, q->nsent, sizeof(q->first[0]));
	for (i = 0; i < q->nsent; i++)
		q->first[i].ent = -1;
	/* Entities, named now that the titles before them are known. */
	for (k = 0; k < q->tl.n; k++) {
		if (q->ti[k].ent > -3) {
			if ((q->ti[k].bits & QT_h) && q->ti[k].ent < 0 &&
			    q->ti[k].q < 0 && tword(q, k) &&
			    q->first[q->ti[k].sent].ent == -1)
				q->first[q->ti[k].sent].ent = -2;
			continue;
		}
		type = -3 - q->ti[k].ent;
		ent = name_ent(q, type, q->ti[k].e0, q->ti[k].e1);
		for (j = q->ti[k].e0; j < q->ti[k].e1; j++)
			q->ti[j].ent = ent;
		if (ent >= 0 && q->ti[k].link != LINK_NONE &&
		    (q->ents[ent].link == LINK_NONE ||
		    q->ti[k].e1 - q->ti[k].e0 >= q->ents[ent].nwords)) {
			q->ents[ent].link = q->ti[k].link;
			q->ents[ent].nwords = q->ti[k].e1 - q->ti[k].e0;
		}
		if (ent >= 0 && q->ti[k].q < 0) {
			q->ents[ent].pmention = q->ents[ent].mention;
			q->ents[ent].pmsent = q->ents[ent].msent;
			q->ents[ent].mention = q->pos + k;
			q->ents[ent].msent = q->sbase + q->ti[k].sent;
			touch(q, ent);
			if (type == E_PERSON &&
			    q->first[q->ti[k].sent].ent == -1) {
				q->first[q->ti[k].sent].ent = ent;
				q->first[q->ti[k].sent].pos = q->pos + k;
			}
		}
		k = q->ti[k].e1 - 1;
	}
}

/*
 * Subjects.
 */

static int
ent_at(const struct quote_doc *q, size_t i)
{
	return q->ti[i].ent >= 0 ? q->ti[i].ent : -1;
}

static unsigned int	cue_at(const struct quote_doc *, size_t, size_t *);
static int	person_in_title(const struct quote_doc *, size_t, size_t,
		    size_t *);

/*
 * When entity e was last named at or before position at, and in which
 * sentence (*ms): the names of a paragraph are known before its
 * pronouns are read, and a name after a pronoun is not what it means.
 */
static long long
named_by(const struct qent *e, long long at, long long *ms)
{
	if (e->mention >= 0 && e->mention <= at) {
		*ms = e->msent;
		return e->mention;
	}
	if (e->pmention >= 0 && e->pmention <= at) {
		*ms = e->pmsent;
		return e->pmention;
	}
	*ms = -1;
	return -1;
}

/*
 * The person sentence s (counted in the document) names first, at or
 * before position at, and where (*pos); -1 when it names none, a
 * pronoun comes first, or the sentence is neither in this paragraph
 * nor the last of the paragraphs before that named someone.
 */
static int
first_named(const struct quote_doc *q, long long s, long long at,
    long long *pos)
{
	const struct first *f;

	if (s >= q->sbase && s < q->sbase + (long long)q->nsent)
		f = &q->first[s - q->sbase];
	else if (s == q->lastfirst_sent)
		f = &q->lastfirst;
	else
		return -1;
	if (f->ent < 0 || f->pos > at)
		return -1;
	*pos = f->pos;
	return f->ent;
}

/* The gender a pronoun asks for; G_NONE for "it" and "they". */
static int
pron_gender(unsigned int bits)
{
	if (bits & QT_m)
		return G_MALE;
	if (bits & QT_f)
		return G_FEMALE;
	return G_NONE;
}

/*
 * A pronoun at token k: for a person, the latest subject of speech that
 * may be meant; but a person of the pronoun's gender named after that
 * subject spoke wins over one whose gender is unknown or other, and so
 * does a person named in this sentence or the one before when the
 * speaker was not.  For an organisation ("it said"), the one named last.
 */
static int
resolve_person(struct quote_doc *q, size_t k, unsigned int bits)
{
	int	 g = pron_gender(bits), sp = -1, nm = -1, i, f;
	long long here = q->sbase + (long long)q->ti[k].sent;
	long long at = q->pos + (long long)k, m, ms, nmm = -1, nms = -1;
	long long spms, fpos;
	struct qent *e;

	/* The list is latest first: past the best found, none is later. */
	if (!(bits & QT_h)) {
		for (i = q->mru; i >= 0; i = e->older) {
			e = &q->ents[i];
			if (sp >= 0 && act(e) < q->ents[sp].mention)
				break;
			if (e->type != E_ORG || e->mention < 0)
				continue;
			if (sp < 0 || e->mention > q->ents[sp].mention)
				sp = i;
		}
		return sp;
	}
	for (i = q->mru; i >= 0; i = e->older) {
		e = &q->ents[i];
		if (sp >= 0 && nm >= 0 && act(e) < q->ents[sp].speech &&
		    act(e) < nmm)
			break;
		if (e->type != E_PERSON)
			continue;
		if (g != G_NONE && e->gender != G_NONE && e->gender != g)
			continue;
		if (e->speech >= 0 &&
		    (sp < 0 || e->speech > q->ents[sp].speech))
			sp = i;
		if ((m = named_by(e, at, &ms)) >= 0 && (nm < 0 || m > nmm)) {
			nm = i;
			nmm = m;
			nms = ms;
		}
	}
	/* Someone unnamed spoke after anyone was named or spoke. */
	if (q->anon_speech >= 0 && (sp < 0 ||
	    q->anon_speech > q->ents[sp].speech) && (nm < 0 ||
	    q->anon_speech > nmm))
		return -1;
	/*
	 * Centering: a sentence is about the person it names first, who
	 * acts, and a pronoun in the sentences after it means them rather
	 * than someone named last in an object or a phrase ("Mark Olsen
	 * thanked the coach, Dan Pike, after the game.  He said ..." is
	 * Olsen's).
	 */
	if (nm >= 0 && nms < here &&
	    (f = first_named(q, nms, at, &fpos)) >= 0 && f != nm && q->ents[f].type == E_PERSON && (g == G_NONE ||
	    q->ents[f].gender == G_NONE || q->ents[f].gender == g)) {
		nm = f;
		nmm = fpos;
	}
	if (sp >= 0)
		named_by(&q->ents[sp], at, &spms);
	if (sp < 0)
		sp = nm;
	else if (nm >= 0 && nm != sp && g != G_NONE &&
	    q->ents[nm].gender == g && q->ents[sp].gender != g &&
	    nmm > q->ents[sp].speech)
		sp = nm;
	else if (nm >= 0 && nm != sp && nms >= here - 1 &&
	    spms < here - 1 && q->ents[sp].ssent < here - 1)
		sp = nm;
	if (sp >= 0 && g != G_NONE && q->ents[sp].gender == G_NONE)
		q->ents[sp].gender = g;
	return sp;
}

static int
resolve_pronoun(struct quote_doc *q, size_t k)
{
	return resolve_person(q, k, q->ti[k].bits);
}

/*
 * "the 64-year-old", "the Spaniard", "the Republican": a person named
 * before, as a pronoun is.
 */
static int
is_person_noun(const struct quote_doc *q, size_t k)
{
	size_t	 n;
	const char *s = tstr(q, k, &n);

	return (q->ti[k].bits & QT_y) ||
	    (n > 9 && memcmp(s + n - 9, "-year-old", 9) == 0);
}

/* Is the description whose head is token k led by "the"? */
static int
definite(const struct quote_doc *q, size_t k)
{
	size_t	 i;

	for (i = k; i > 0 && k - i < 4 && tword(q, i - 1); i--) {
		if (tis(q, i - 1, "the") || tis(q, i - 1, "The"))
			return 1;
		if (q->ti[i - 1].bits & QT_d)
			return 0;
	}
	return 0;
}

/*
 * A description ("the senator", "the ministry"): the person whose role
 * it names, or the organisation whose name holds its head word.
 */
static int
resolve_desc(struct quote_doc *q, size_t head)
{
	const char *w;
	size_t	 wn, i, k;
	struct qent *e;
	int	 best = -1, x;
	unsigned int bits = q->ti[head].bits;

	if (is_person_noun(q, head)) {
		/* "a Spaniard said" is someone new, not someone named. */
		if ((bits & QT_y) && !definite(q, head))
			return -1;
		return resolve_person(q, head, QT_h | (bits & (QT_m | QT_f)));
	}
	w = tstr(q, head, &wn);
	/* Latest first: past the best found, none was named later. */
	for (x = q->mru; x >= 0; x = e->older) {
		e = &q->ents[x];
		if (best >= 0 && act(e) < q->ents[best].mention)
			break;
		if (e->mention < 0)
			continue;
		if ((bits & QT_r) && e->type != E_PLACE && e->rlen == wn &&
		    memcmp(e->role, w, wn) == 0) {
			if (best < 0 || e->mention > q->ents[best].mention)
				best = x;
		}
		if ((bits & QT_o) && e->type == E_ORG && e->nlen >= wn) {
			for (k = 0; k + wn <= e->nlen; k++)
				if ((e->name[k] | 32) == (w[0] | 32) &&
				    memcmp(e->name + k + 1, w + 1, wn - 1) == 0)
					break;
			if (k + wn <= e->nlen &&
			    (best < 0 || e->mention > q->ents[best].mention))
				best = x;
		}
	}
	/*
	 * "the company said": a company's name seldom holds the word, so
	 * the organisation named last is meant.
	 */
	if (best < 0 && ((wn == 7 && memcmp(w, "company", 7) == 0) ||
	    (wn == 4 && memcmp(w, "firm", 4) == 0)))
		for (i = 0; i < q->nents; i++)
			if (q->ents[i].type == E_ORG && q->ents[i].mention >= 0 &&
			    (best < 0 ||
			    q->ents[i].mention > q->ents[best].mention))
				best = i;
	return best;
}

/*
 * The author of a document named by the description [a, head]: "Ann
 * Cole's statement", "the union's letter", "the Harbour Trust report".
 * A statement stands for whoever wrote it: the possessor, or the person
 * or organisation named before the head; -1 when none is named ("the
 * statement read" speaks for no one known), -2 when the description
 * holds a role ("a spokesman's statement": the usual rules).
 */
static int
author(struct quote_doc *q, size_t a, size_t head)
{
	size_t	 k;
	int	 e;

	for (k = head; k > a; k--) {
		if ((e = ent_at(q, k - 1)) >= 0)
			return q->ents[e].type != E_PLACE ? e : -1;
		if (is_poss(q, k - 1))
			continue;
		if (q->ti[k - 1].bits & (QT_r | QT_o))
			return (e = resolve_desc(q, k - 1)) >= 0 ? e : -2;
	}
	return -1;
}

/*
 * The noun phrase of a description that ends at token j: back to its
 * determiner.  Returns the first token, or (size_t)-1 when the words
 * before j are not a description.
 */
static size_t
desc_start(const struct quote_doc *q, size_t lo, size_t j)
{
	size_t	 k;

	if (!is_person_noun(q, j) && (!tword(q, j) ||
	    !(q->ti[j].bits & (QT_r | QT_o | QT_w))))
		return (size_t)-1;
	for (k = j + 1; k > lo && j + 1 - k < 6; k--) {
		if (q->ti[k - 1].bits & QT_d)
			return k - 1;
		if (tis(q, k - 1, "'s"))
			return k - 1;
		if (!tword(q, k - 1) && !tis(q, k - 1, "-"))
			break;
	}
	/* "Police said", "officials said": a bare role at the start. */
	return k;
}

/* Set a subject: entity e written as tokens [a, b). */
static void
who_set(struct who *w, int e, size_t a, size_t b)
{
	w->ent = e;
	w->w0 = a;
	w->w1 = b;
	w->found = 1;
}

/*
 * Where the clause of a cue at token c is searched from: its sentence's
 * start, but no earlier than lo nor more than SUBJ_MAX words back.
 */
static size_t
clause_first(const struct quote_doc *q, size_t lo, size_t c)
{
	size_t	 f = sent_first(q, c);

	if (f < lo)
		f = lo;
	return c - f > SUBJ_MAX ? c - SUBJ_MAX : f;
}

static size_t
sent_end(const struct quote_doc *q, size_t k)
{
	size_t	 s = q->ti[k].sent;

	return s + 1 < q->nsent ? q->sstart[s + 1] : q->tl.n;
}

/* A boundary of the comma-separated segments before a verb. */
static int
seg_edge(const struct quote_doc *q, size_t k)
{
	if (q->ti[k].mark || q->ti[k].q >= 0)
		return 1;
	if (q->tl.v[k].len != 1)
		return 0;
	switch (q->p[q->tl.v[k].off]) {
	case ',': case ';': case ':': case '(': case ')': case '.':
		return 1;
	default:
		return 0;
	}
}

static int
is_pronoun(const struct quote_doc *q, size_t k)
{
	return tword(q, k) && (q->ti[k].bits & (QT_h | QT_i)) &&
	    q->ti[k].ent < 0;
}

/*
 * The person or organisation named at token k, titles skipped, and in
 * German the roles apply_span left out of the name.
 */
static int
ent_from(const struct quote_doc *q, size_t k, size_t hi, size_t *b)
{
	size_t	 e;

	for (;;) {
		if (k >= hi || !tword(q, k) || ent_at(q, k) >= 0)
			break;
		if (q->ti[k].bits & (QT_t | QT_d))
			k++;
		else if (q->de && tcap(q, k) &&
		    german_role(q, k, e = word_end(q, k, hi)))
			k = e;
		else
			break;
	}
	if (k >= hi || ent_at(q, k) < 0)
		return -1;
	*b = k;
	return ent_at(q, k);
}

static void
set_role(struct quote_doc *q, int e, size_t desc)
{
	const char *s;
	size_t	 sn;

	if (e < 0 || q->ents[e].type != E_PERSON || q->ents[e].rlen > 0)
		return;
	s = tstr(q, desc, &sn);
	if (sn < ROLE_MAX_LEN) {
		memcpy(q->ents[e].role, s, sn);
		q->ents[e].rlen = sn;
	}
}

/* A verb in -ing: "saying", "calling". */
static int
is_ing(const struct quote_doc *q, size_t c)
{
	const struct tok *t = &q->tl.v[c];

	return t->len > 4 && memcmp(q->p + t->off + t->len - 3, "ing", 3) == 0;
}

/* Whether the segment before the comma at s0 - 1 is just a name. */
static int
prev_is_name(const struct quote_doc *q, size_t lo, size_t s0)
{
	size_t	 k;
	int	 e;

	if (s0 < lo + 2 || !tis(q, s0 - 1, ","))
		return 0;
	k = s0 - 2;
	if ((e = ent_at(q, k)) < 0 || q->ents[e].type != E_PERSON)
		return 0;
	k = q->ti[k].e0;
	return k == lo || seg_edge(q, k - 1) ||
	    (q->ti[k - 1].bits & QT_t);
}

/*
 * The person a segment [s0, j) before a speech verb is about, when a
 * description may go before the name and where the person works after
 * it: "Co-lead author Tom Vale of Kellport University said", "study
 * co-author Ned Hale from the institute said".  The words before the
 * name may be lower case, titles, roles or determiners, but no
 * preposition or verb ("a lawyer representing Tom Vale of ..." is about
 * someone else); after it comes "of", "from", "at" or the segment's
 * end.  The person and the name's first token (*b), or -1.
 */
static int
person_head(const struct quote_doc *q, size_t s0, size_t j, size_t *b)
{
	size_t	 k, end;
	int	 e;

	for (k = s0; k < j && k < s0 + 6; k++) {
		if ((e = ent_at(q, k)) >= 0) {
			if (q->ents[e].type != E_PERSON || k == s0)
				return -1;
			end = q->ti[k].e1;
			if (end < j && !tis(q, end, "of") &&
			    !tis(q, end, "from") && !tis(q, end, "at"))
				return -1;
			*b = k;
			return e;
		}
		if (tis(q, k, "-"))
			continue;
		if (!tword(q, k) || is_ing(q, k) || tis(q, k, "for") ||
		    tis(q, k, "of") || tis(q, k, "to") || tis(q, k, "by") ||
		    tis(q, k, "with") || tis(q, k, "on") || tis(q, k, "in") ||
		    (tcap(q, k) && k != sent_first(q, k) &&
		    !(q->ti[k].bits & (QT_t | QT_r | QT_d))))
			return -1;
	}
	return -1;
}

/*
 * The subject of a clause that starts at lo: the first segment that
 * starts with a name or a pronoun ("After the vote, Okafor defended
 * ... whilst promising"), for a verb whose own subject is left out.
 */
static void
clause_subject(struct quote_doc *q, size_t lo, size_t c, struct who *w)
{
	size_t	 k, b, j;
	int	 e, e2;

	for (k = lo; k < c; k++) {
		if (k > lo && !tis(q, k - 1, ","))
			continue;
		if (q->ti[k].q >= 0 || q->ti[k].mark)
			return;
		if (is_pronoun(q, k) && (q->ti[k].bits & QT_h)) {
			who_set(w, resolve_pronoun(q, k), k, k + 1);
			return;
		}
		if ((e = ent_from(q, k, c, &b)) < 0 &&
		    (e = person_in_title(q, k, c, &b)) < 0)
			continue;
		if (q->ents[e].type == E_PLACE)
			continue;
		/* "the Greens' Deputy Leader Helen Marsh": the person. */
		for (j = b; j < c && !seg_edge(q, j); j++)
			if ((e2 = ent_at(q, j)) >= 0 &&
			    q->ents[e2].type == E_PERSON) {
				who_set(w, e2, q->ti[j].e0, q->ti[j].e1);
				return;
			}
		who_set(w, e, b, q->ti[b].e1);
		return;
	}
}

/*
 * The organisation a description of a source names: "a spokesman for the
 * Border Force", "the Transport Board letter", "a Google engineer".  Only
 * when [a, b) holds a role or organisation word, and one organisation.
 */
static int
org_within(struct quote_doc *q, size_t a, size_t b)
{
	size_t	 k, sn;
	int	 e, org = -1, head = -1;
	const char *s;

	for (k = a; k < b; k++) {
		if (tword(q, k) && ent_at(q, k) < 0 && !tcap(q, k) &&
		    (q->ti[k].bits & (QT_r | QT_o)) && head < 0)
			head = k;
		if ((e = ent_at(q, k)) >= 0 && q->ents[e].type == E_ORG) {
			if (org >= 0 && org != e)
				return -1;
			org = e;
		}
	}
	if (head < 0 || org < 0)
		return -1;
	/* "A spokesman for the Coast Guard": later, "the spokesman". */
	if (q->ents[org].rlen == 0 && (q->ti[head].bits & QT_r)) {
		s = tstr(q, head, &sn);
		if (sn < ROLE_MAX_LEN) {
			memcpy(q->ents[org].role, s, sn);
			q->ents[org].rlen = sn;
		}
	}
	return org;
}

/*
 * The subject of a speech verb at token c, written before it within
 * [lo, c): a name, a pronoun, a description, or a name behind
 * appositions that may span several commas ("Reyes, the firm's chief
 * economist, said"; "the ministry spokeswoman, Ana Ruiz, said"; "al-Amr,
 * in remarks to the television, said").
 */
static void
subj_before(struct quote_doc *q, size_t lo, size_t c, struct who *w)
{
	size_t	 j, s0, b, d, dw0 = 0, dw1 = 0, clen;
	unsigned int cb;
	int	 e, desc = -1, nseg, a, comma, org = -1;
	size_t	 g0 = 0, g1 = 0;
	size_t	 ow0 = 0, ow1 = 0;
	const char *s;
	size_t	 sn;

	w->ent = -1;
	w->w0 = w->w1 = 0;
	w->found = 0;
	j = c;
	while (j > lo && tword(q, j - 1) && !is_pronoun(q, j - 1) &&
	    (s = tstr(q, j - 1, &sn), is_skipword(s, sn)))
		j--;
	if (j > lo && is_pronoun(q, j - 1)) {
		who_set(w, resolve_pronoun(q, j - 1), j - 1, j);
		return;
	}
	/* In an answer labelled with its speaker: "I said", "you wrote". */
	if (j > lo && q->label >= 0 && (tis(q, j - 1, "I") ||
	    (tis(q, j - 1, "you") && q->label_prev >= 0 &&
	    q->label_prev != q->label))) {
		who_set(w, tis(q, j - 1, "I") ? q->label : q->label_prev,
		    j - 1, j);
		return;
	}
	/*
	 * "Reyes ... and said", "..., saying", "whilst promising", "went
	 * on to say": the subject is the clause's, before the quote that
	 * may sit between.
	 */
	if (j > lo && (tis(q, j - 1, "and") || tis(q, j - 1, "but") ||
	    tis(q, j - 1, "to") ||
	    (is_ing(q, c) &&
	    ent_at(q, j - 1) < 0 && !tcap(q, j - 1)))) {
		clause_subject(q, clause_first(q, 0, c), j - 1, w);
		return;
	}
	/* "Ann Kerr (R-Ohio) said": the person before the brackets. */
	if (j > lo + 2 && tis(q, j - 1, ")")) {
		for (b = j - 2; b > lo && j - b < 8 && !tis(q, b, "(") &&
		    !tis(q, b, ")"); b--)
			continue;
		if (b > lo && tis(q, b, "(") && (e = ent_at(q, b - 1)) >= 0 &&
		    q->ti[b - 1].e1 == b && q->ents[e].type == E_PERSON) {
			who_set(w, e, q->ti[b - 1].e0, b);
			return;
		}
	}
	comma = j > lo && tis(q, j - 1, ",");
	for (nseg = 0; nseg < 5 && j > lo; nseg++) {
		if (tis(q, j - 1, ","))
			j--;
		for (s0 = j; s0 > lo && !seg_edge(q, s0 - 1); s0--)
			continue;
		if (s0 == j)
			break;
		if (nseg == 0) {
			g0 = s0;
			g1 = j;
		}
		/*
		 * A person named at the segment's end, or at its start; an
		 * organisation only as the segment's whole, and a person
		 * further back goes first ("Ruiz, of the Times, said").
		 */
		if ((e = ent_at(q, j - 1)) >= 0 && q->ti[j - 1].e1 == j &&
		    q->ents[e].type == E_PERSON) {
			b = q->ti[j - 1].e0;
			d = j;
			/*
			 * "Ruiz, a lawyer representing Okafor, said": a name
			 * after a verb or preposition in an apposition is
			 * not who it describes; the name before it is.
			 */
			if (b > s0 + 1 && (q->ti[s0].bits & QT_d) &&
			    tword(q, b - 1) && !tcap(q, b - 1) &&
			    !(q->ti[b - 1].bits & (QT_r | QT_t | QT_k)) &&
			    prev_is_name(q, lo, s0)) {
				a = ent_at(q, s0 - 2);
				who_set(w, a, q->ti[s0 - 2].e0, s0 - 1);
				return;
			}
			/*
			 * "Tom Becker of Morgan Stanley said": a firm that
			 * reads as a person's name is where the person
			 * before works.
			 */
			if (b >= s0 + 2 && (tis(q, b - 1, "of") ||
			    tis(q, b - 1, "at") || tis(q, b - 1, "from")) &&
			    (a = ent_at(q, b - 2)) >= 0 &&
			    q->ti[b - 2].e1 == b - 1 &&
			    q->ents[a].type == E_PERSON) {
				e = a;
				d = b - 1;
				b = q->ti[d - 1].e0;
			}
			who_set(w, e, b, d);
			if (desc >= 0)
				set_role(q, e, desc);
			return;
		}
		if ((e = person_head(q, s0, j, &b)) >= 0) {
			who_set(w, e, b, q->ti[b].e1);
			if (desc >= 0)
				set_role(q, e, desc);
			return;
		}
		e = ent_at(q, j - 1);
		/* A place speaks only as the verb's own subject: "Russia said". */
		if (e >= 0 && q->ti[j - 1].e1 == j && q->ti[j - 1].e0 <= s0 + 1 &&
		    org < 0 && (q->ents[e].type != E_PLACE ||
		    (nseg == 0 && !comma))) {
			org = e;
			ow0 = q->ti[j - 1].e0;
			ow1 = j;
			if (nseg == 0 && !comma)
				break;
		}
		if ((e = ent_from(q, s0, j, &b)) >= 0 &&
		    q->ents[e].type == E_PERSON && !(q->ti[b].e1 < j &&
		    tis(q, q->ti[b].e1, "'s"))) {
			who_set(w, e, b, q->ti[b].e1);
			if (desc >= 0)
				set_role(q, e, desc);
			return;
		}
		/*
		 * "The European Commission, in a statement, called": a
		 * speech context between commas describes no one.
		 */
		if ((cb = cue_at(q, s0, &clen)) != 0 && (cb & QT_s) &&
		    s0 + clen == j)
			d = (size_t)-1;
		else
			d = desc_start(q, s0, j - 1);
		if (d != (size_t)-1 && desc < 0) {
			desc = j - 1;
			dw0 = d;
			dw1 = j;
			/* "The mayor's office" is written with its possessor. */
			if (tis(q, d, "'s"))
				while (dw0 > s0 && d - dw0 < 4 &&
				    tword(q, dw0 - 1) && !(q->ti[dw0].bits & QT_d))
					dw0--;
			/*
			 * "the spokesman said": the description is the
			 * subject, unless the segment before it is just a
			 * name ("Ostrow, the spokesman said").
			 */
			if (nseg == 0 && !comma && (d > s0 ||
			    !prev_is_name(q, lo, s0)))
				break;
		}
		if (s0 == lo || !tis(q, s0 - 1, ","))
			break;
		j = s0;
	}
	if (org >= 0 && (desc < 0 || ow0 >= dw0))
		who_set(w, org, ow0, ow1);
	else if (desc >= 0 && (q->ti[desc].bits & QT_w) &&
	    (e = author(q, dw0, desc)) != -2) {
		/* A document no one is named the author of: no subject. */
		if (e >= 0 || (q->ti[desc].bits & (QT_r | QT_o)))
			who_set(w, e, dw0, dw1);
	} else if (desc >= 0) {
		if ((e = resolve_desc(q, desc)) < 0)
			e = org_within(q, g0, g1);
		who_set(w, e, dw0, dw1);
	} else if (g1 > g0 && (e = org_within(q, g0, g1)) >= 0)
		who_set(w, e, g0, g1);
}

/*
 * A person named at the end of the title that starts at token j, where
 * an organisation or place and a role come before the name: "said Marin
 * County Sheriff Dale Brooks", "according to Eastfield University
 * labour historian Mara Linde", "Mayor of Dunmore Alan Price", and at
 * a clause's start "Farmers' union leader Jan Nowak was blunt:".  The
 * words before the name are capitalised ones, roles and titles, and
 * "of", "and", "the" or a possessive, with an organisation, a place or a
 * role among them; at most eight, and no comma.  Other words in lower
 * case ("labour historian") are let in when a role or title ends the
 * run, right before the name.  Returns the person and its first token
 * in *b, or -1.
 */
static int
person_in_title(const struct quote_doc *q, size_t j, size_t hi, size_t *b)
{
	size_t	 k;
	int	 e, lead = 0, lower = 0;

	for (k = j; k < hi && k < j + 8 && (tword(q, k) || tis(q, k, "'") ||
	    tis(q, k, "\xe2\x80\x99")); k++) {
		if ((e = ent_at(q, k)) >= 0) {
			if (q->ents[e].type == E_PERSON && q->ti[k].e0 == k &&
			    k > j)
				return lead && (!lower ||
				    (q->ti[k - 1].bits & (QT_r | QT_t))) ?
				    (*b = k, e) : -1;
			lead = 1;
			k = q->ti[k].e1 - 1;
			continue;
		}
		if (q->ti[k].bits & (QT_r | QT_t | QT_o))
			lead = 1;
		else if (!tcap(q, k) && !tis(q, k, "of") && !tis(q, k, "and") &&
		    !tis(q, k, "the") && !is_poss(q, k))
			/* "labour historian": then a role must come last. */
			lower = 1;
	}
	return -1;
}

/*
 * The subject written after a speech verb that ends at token c:
 * "said Reyes", "said Dr. Amara Okafor, the firm's chief economist",
 * "said the spokesman, John Smith", "added he".
 */
/*
 * "writes Vale's longtime partner Ola Brandt", "said the university's
 * chancellor, Ola Brandt": after a possessive at k, a description of a
 * few lower-case words or roles, then a person's name, perhaps after a
 * comma: the person speaks, not the possessor.  The name's first token
 * and its end (*b); with no name after it, the description's role
 * word, and *b the same; (size_t)-1 when there is no description.
 */
static size_t
possessed(const struct quote_doc *q, size_t k, size_t hi, size_t *b)
{
	size_t	 j, n;
	int	 e;

	if (k >= hi || !is_poss(q, k))
		return (size_t)-1;
	for (j = k + 1, n = 0; j < hi && j < k + 7 && ent_at(q, j) < 0 &&
	    (tis(q, j, "-") || (tword(q, j) && (!tcap(q, j) ||
	    (q->ti[j].bits & (QT_r | QT_t))))); j++)
		if (tword(q, j) && (q->ti[j].bits & QT_r))
			n++;
	if (n == 0)
		return (size_t)-1;
	/* No name after it ("said Vale's lawyer."): the role, *b == it. */
	for (k = j; k > 0 && !(tword(q, k - 1) && (q->ti[k - 1].bits & QT_r));
	    k--)
		continue;
	*b = k - 1;
	if (j < hi && tis(q, j, ","))
		j++;
	if (j >= hi || (e = ent_at(q, j)) < 0 || q->ents[e].type != E_PERSON ||
	    q->ti[j].e0 != j)
		return k - 1;
	*b = q->ti[j].e1;
	return j;
}

static void
subj_after(struct quote_doc *q, size_t c, size_t hi, struct who *w)
{
	size_t	 j, b, k;
	int	 e;

	w->ent = -1;
	w->w0 = w->w1 = 0;
	w->found = 0;
	j = c;
	if (j >= hi || q->ti[j].mark || q->ti[j].q >= 0)
		return;
	if (tword(q, j) && (q->ti[j].bits & QT_h)) {
		who_set(w, resolve_pronoun(q, j), j, j + 1);
		return;
	}
	/*
	 * German writes the role before the name, as capitalised nouns,
	 * after an article and its adjectives or without one: "sagte der
	 * zuständige SPD-Vorsitzende Manfred Quast", "sagte
	 * Landesminister Dirk Halloway".  As every noun is
	 * capitalised, only a full name or a known surname will do.
	 */
	if (q->de) {
		k = j;
		if (tis(q, j, "der") || tis(q, j, "die"))
			for (k++; k < hi && k < j + 4 && tword(q, k) &&
			    !tcap(q, k); k++)
				;
		for (b = k; k < hi && k < b + 4 && tcap(q, k); k++)
			if ((e = ent_at(q, k)) >= 0 &&
			    q->ents[e].type == E_PERSON &&
			    (q->ti[k].e1 - q->ti[k].e0 >= 2 ||
			    known_surname(q, k, 1))) {
				who_set(w, e, j, q->ti[k].e1);
				return;
			}
	}
	while (j < hi && (q->ti[j].bits & QT_t) && ent_at(q, j) < 0)
		j++;
	if ((e = person_in_title(q, j, hi, &b)) >= 0) {
		who_set(w, e, b, q->ti[b].e1);
		return;
	}
	if (j < hi && (e = ent_at(q, j)) >= 0 && q->ents[e].type != E_PLACE) {
		if ((k = possessed(q, q->ti[j].e1, hi, &b)) != (size_t)-1) {
			if (b > k)
				who_set(w, ent_at(q, k), k, b);
			else	/* "said Vale's lawyer": the lawyer, if known */
				who_set(w, resolve_desc(q, k), j, k + 1);
			return;
		}
		who_set(w, e, j, q->ti[j].e1);
		return;
	}
	/* A description, then perhaps the name in apposition. */
	for (k = c; k < hi && k < c + 7 && tword(q, k); k++)
		if (q->ti[k].bits & (QT_r | QT_o | QT_y))
			break;
	if (k >= hi || k >= c + 7 || !tword(q, k))
		return;
	/* "said union leader Omar Haddad": the role is the last word. */
	while (k + 1 < hi && tword(q, k + 1) &&
	    (q->ti[k + 1].bits & (QT_r | QT_t)) && ent_at(q, k + 1) < 0)
		k++;
	if (k + 2 < hi && tis(q, k + 1, ",") && (e = ent_at(q, k + 2)) >= 0) {
		who_set(w, e, k + 2, q->ti[k + 2].e1);
		return;
	}
	if (k + 1 < hi && (e = ent_at(q, k + 1)) >= 0 &&
	    q->ents[e].type == E_PERSON) {
		who_set(w, e, k + 1, q->ti[k + 1].e1);
		return;
	}
	/* "according to a statement from the Chamber of Commerce". */
	if ((e = resolve_desc(q, k)) < 0)
		e = org_within(q, k, hi < k + 8 ? hi : k + 8);
	who_set(w, e, c, k + 1);
}

/*
 * The person of [a, b), when it names just one (in one or more
 * mentions) and no organisation, and the name is no lone capitalised
 * word the tagger took for one, as German nouns are: a name of two
 * capitalised words or more (particles aside), or a surname the document
 * gave in full.
 */
static void
one_person(struct quote_doc *q, size_t a, size_t b, struct who *w)
{
	size_t	 k, w0 = 0, w1 = 0;
	int	 e, one = -1;

	for (k = a; k < b; k++) {
		if ((e = ent_at(q, k)) < 0)
			continue;
		if (q->ents[e].type == E_ORG || (one >= 0 && e != one &&
		    q->ents[e].type == E_PERSON))
			return;
		if (q->ents[e].type == E_PERSON && one < 0) {
			one = e;
			w0 = q->ti[k].e0;
			w1 = q->ti[k].e1;
		}
		k = q->ti[k].e1 - 1;
	}
	if (one < 0 || (w1 - w0 < 2 && !known_surname(q, w1 - 1, 1)))
		return;
	/* "Ankunft nach Mitternacht" is none either. */
	for (k = w0; k < w1; k++)
		if (!tcap(q, k) && !(q->ti[k].bits & QT_k))
			return;
	who_set(w, one, w0, w1);
}

/*
 * The subject of the cue at token c (cue bits cb), within [lo, hi).
 */
static void
subj_of(struct quote_doc *q, size_t lo, size_t hi, size_t c, unsigned int cb,
    size_t clen, struct who *w)
{
	struct who wa;
	size_t	 k;

	/*
	 * A subject stands near its verb: the bound keeps the work on a
	 * cue constant however long its sentence (a paragraph of "said
	 * said said ..." would take time in the square of its length).
	 */
	if (c - lo > SUBJ_MAX)
		lo = c - SUBJ_MAX;
	if (hi - (c + clen) > SUBJ_MAX)
		hi = c + clen + SUBJ_MAX;
	if (cb & (QT_p | QT_a)) {
		subj_after(q, c + clen, hi, w);
		return;
	}
	if (cb & QT_z) {
		subj_before(q, lo, c, w);
		return;
	}
	/*
	 * The agent of a passive naming verb speaks, and of "told": "was
	 * described by the Courier as", "was told by the fire chief, Rob
	 * Dunn, of".  Only a name or a description that resolves ("told
	 * by phone" is no agent); not of a reporting verb ("as reported
	 * by", "quoted by the paper as saying": a source, not the speaker).
	 */
	k = c + clen;
	if (!q->de && k + 1 < hi && tis(q, k, "by") &&
	    ((cb & QT_n) || tis(q, c, "told")) && !tis(q, c - 1, "as")) {
		k++;
		if (tis(q, k, "the") && k + 1 < hi)
			k++;
		subj_after(q, k, hi, &wa);
		if (wa.found && wa.ent >= 0) {
			*w = wa;
			return;
		}
	}
	subj_before(q, lo, c, w);
	/*
	 * German puts the verb second, so the subject follows it when
	 * something else opens the clause: "Nach der Sitzung sagte
	 * Innenminister Otto Berg:", "Danach äußerte sich Anna Wolf:".
	 * A person right before the verb is its subject still, when the
	 * name is more than one capitalised word the tagger took for one.
	 */
	if (q->de && !(w->found && w->ent >= 0 &&
	    q->ents[w->ent].type == E_PERSON && (w->w1 == c ||
	    tis(q, c - 1, ")")) && (w->w1 - w->w0 >= 2 ||
	    known_surname(q, w->w1 - 1, 1)))) {
		k = c + clen;
		if (k < hi && tis(q, k, "sich"))
			k++;
		subj_after(q, k, hi, &wa);
		if (wa.found && wa.ent >= 0 && q->ents[wa.ent].type != E_PLACE) {
			*w = wa;
			return;
		}
	}
	if (!w->found)
		subj_after(q, c + clen, hi, w);
	/*
	 * German puts the verb of a compound tense last: "So hatte der
	 * frühere Minister Otto Berg im Mai zugesichert:".  The one
	 * person the clause names before it is then its subject.
	 */
	if (!w->found && q->de)
		one_person(q, clause_first(q, lo, c), c, w);
}

/* The cue bits of token k (a phrase or a word) and its length. */
static unsigned int
cue_at(const struct quote_doc *q, size_t k, size_t *clen)
{
	unsigned int b;

	if (q->ti[k].q >= 0 || q->ti[k].mark || !tword(q, k))
		return 0;
	if ((b = q->ti[k].pbits &
	    (QT_v | QT_p | QT_s | QT_z | QT_a | QT_n)) != 0) {
		*clen = q->ti[k].plen;
		return b | (q->ti[k].pbits & QT_n);
	}
	b = q->ti[k].bits & (QT_v | QT_p | QT_s | QT_z | QT_a | QT_n);
	*clen = 1;
	/* A capitalised cue word inside a name is part of the name. */
	if (b != 0 && ent_at(q, k) >= 0)
		return 0;
	return b;
}

/* Whether a speech verb stands in [lo, k), outside quotes. */
static int
has_verb_before(const struct quote_doc *q, size_t lo, size_t k)
{
	size_t	 clen;

	for (; k > lo; k--)
		if (cue_at(q, k - 1, &clen) & QT_v)
			return 1;
	return 0;
}

/*
 * Records.
 */

static void
flush(struct quote_doc *q)
{
	struct quote_rec r;
	struct pending *pd;
	size_t	 i, nl;
	const char *nm;
	enum ent_type type;

	for (i = 0; i < q->npend; i++) {
		pd = &q->pend[i];
		r.text = q->arena + pd->text;
		r.len = pd->len;
		r.start = pd->start;
		r.end = pd->end;
		r.kind = pd->kind;
		r.cue = pd->cuelen ? q->arena + pd->cue : empty;
		r.cuelen = pd->cuelen;
		r.written = pd->wrlen ? q->arena + pd->wr : empty;
		r.writtenlen = pd->wrlen;
		r.wstart = pd->wstart;
		r.wend = pd->wend;
		r.para = pd->para;
		r.speaker = empty;
		r.speakerlen = 0;
		/*
		 * The speaker is named as `entities` names the entity; one
		 * it printed no mention of is no one.
		 */
		if (pd->ent >= 0 && (nm = ent_name(q->ef,
		    q->ents[pd->ent].link, &nl, &type)) != NULL) {
			r.speaker = nm;
			r.speakerlen = nl;
		}
		q->emit(&r, q->arg);
	}
	q->npend = 0;
	q->alen = 0;
}

static void
add_pending(struct quote_doc *q, size_t a, size_t b, enum quote_kind kind,
    size_t cue, size_t clen, const struct who *w)
{
	struct pending *pd;
	size_t	 n, k;
	const char *s;

	while (a < b && doc_isspace(q->p[a]))
		a++;
	while (b > a && doc_isspace(q->p[b - 1]))
		b--;
	if (a >= b)
		return;
	if (q->npend >= QUOTE_MAX_PENDING || q->alen > QUOTE_MAX_TEXT)
		flush(q);
	if (q->npend == q->pcap) {
		q->pcap = q->pcap ? q->pcap * 2 : 64;
		q->pend = nu_reallocarray(q->pend, q->pcap,
		    sizeof(q->pend[0]));
	}
	pd = &q->pend[q->npend++];
	memset(pd, 0, sizeof(*pd));
	pd->text = arena_put(q, q->p + a, b - a);
	pd->len = b - a;
	pd->start = q->off + a;
	pd->end = q->off + b;
	pd->kind = kind;
	pd->para = q->pn;
	pd->ent = w->ent;
	if (clen > 0) {
		s = q->p + q->tl.v[cue].off;
		k = cue + clen - 1;
		n = q->tl.v[k].off + q->tl.v[k].len - q->tl.v[cue].off;
		pd->cue = arena_put(q, s, n);
		pd->cuelen = n;
	}
	if (w->w1 > w->w0) {
		s = q->p + q->tl.v[w->w0].off;
		k = w->w1 - 1;
		n = q->tl.v[k].off + q->tl.v[k].len - q->tl.v[w->w0].off;
		pd->wr = arena_put(q, s, n);
		pd->wrlen = n;
		pd->wstart = q->off + q->tl.v[w->w0].off;
		pd->wend = pd->wstart + n;
	}
}

/*
 * Quotes.
 */

/* Words inside a quote, and whether they look like a title or name. */
static size_t
count_words(const struct quote_doc *q, const struct span *sp, int *titlish,
    int *allcaps)
{
	size_t	 k, n = 0, caps = 0, small = 0, nums = 0;

	/* The words of inner sentences count, as neither names nor small. */
	n = sp->skipped;
	for (k = sp->t0; k < sp->t1; k++) {
		if (!tword(q, k) && q->tl.v[k].kind != TOK_NUM)
			continue;
		n++;
		if (tcap(q, k))
			caps++;
		else {
			if (q->tl.v[k].kind == TOK_NUM)
				nums++;
			if (q->tl.v[k].len <= 4)
				small++;
		}
	}
	*titlish = n > 0 && caps > 0 && caps + small == n &&
	    caps * 2 >= n;
	*allcaps = n > 0 && caps > 0 && caps + nums == n;
	return n;
}

/* A scare-quote marker ("so-called", "the term") just before token k. */
static int
scare_before(const struct quote_doc *q, size_t lo, size_t k)
{
	size_t	 j;

	for (j = k; j > lo && k - j < 4; j--) {
		if (q->ti[j - 1].bits & QT_x)
			return 1;
		if (q->ti[j - 1].plen > 0 && (q->ti[j - 1].pbits & QT_x) &&
		    j - 1 + q->ti[j - 1].plen >= k)
			return 1;
		if (!tword(q, j - 1))
			break;
	}
	return 0;
}

/*
 * A word that introduces a term or quoted words ("als", "von", "wie")
 * just before the mark at token k, or before one article or adjective
 * in lower case ("als eine „…“"); or a naming verb a few words before,
 * with its object between ("nannte die Entscheidung „…“").
 */
static int
term_intro(const struct quote_doc *q, size_t lo, size_t k)
{
	size_t	 j, clen;

	if (k > lo && (q->ti[k - 1].bits & QT_g))
		return 1;
	if (k > lo + 1 && tword(q, k - 1) && !tcap(q, k - 1) &&
	    q->tl.v[k - 1].len <= 6 && (q->ti[k - 2].bits & QT_g))
		return 1;
	for (j = k; j > lo && k - j < 6 && tword(q, j - 1); j--)
		if ((cue_at(q, j - 1, &clen) & (QT_v | QT_n)) ==
		    (QT_v | QT_n))
			return 1;
	return 0;
}

/*
 * Whether quote i is joined to the quote before it, which was taken, by
 * "and" or "or" ("Parolen wie „…“ und „…“"), an article between.
 */
static int
joined(const struct quote_doc *q, size_t i)
{
	const struct span *a, *b;

	if (i == 0)
		return 0;
	a = &q->spans[i - 1];
	b = &q->spans[i];
	if (a->kept != QUOTE_PARTIAL + 1 || a->tc == (size_t)-1 ||
	    b->to == (size_t)-1 || b->to <= a->tc + 1 || b->to > a->tc + 3 ||
	    !(q->ti[a->tc + 1].bits & QT_j))
		return 0;
	/* An article may follow the conjunction: "oder die „…“". */
	return b->to == a->tc + 2 || (tword(q, a->tc + 2) &&
	    !tcap(q, a->tc + 2) && q->tl.v[a->tc + 2].len <= 3);
}

/* Whether a speech verb stands in the sentence of token k. */
static int
verb_in_sentence(struct quote_doc *q, size_t k)
{
	unsigned char *f = &q->sflag[q->ti[k].sent];
	size_t	 j, e = sent_end(q, k), clen;

	if (!(*f & SF_VERB_KNOWN)) {
		*f |= SF_VERB_KNOWN;
		for (j = sent_first(q, k); j < e; j++)
			if (cue_at(q, j, &clen) & QT_v) {
				*f |= SF_VERB;
				break;
			}
	}
	return (*f & SF_VERB) != 0;
}

/*
 * Update the history: e was the subject of speech at token k.  Someone
 * unnamed (e < 0: "One engineer, who asked that her name not be used,
 * said") is remembered too, so that the "she said" after is theirs, not
 * the last named woman's.
 */
static void
spoke(struct quote_doc *q, int e, size_t k)
{
	if (e < 0) {
		q->anon_speech = q->pos + k;
		q->speech_ent = -1;
		q->speech_para = q->pn;
		return;
	}
	q->ents[e].speech = q->pos + k;
	q->ents[e].ssent = q->sbase + q->ti[k].sent;
	touch(q, e);
	q->speech_ent = e;
	q->speech_para = q->pn;
}

/*
 * Attribute quote i of the paragraph and add its record.
 */
static void
attribute(struct quote_doc *q, size_t i, int *used)
{
	struct span *sp = &q->spans[i];
	struct who w;
	size_t	 lo, hi, k, c = 0, clen = 0, nw, first, prevc;
	unsigned int cb = 0;
	int	 titlish, allcaps, german, term, direct, partial_ok, begins;
	int	 same, cue_next = 0, colon;
	int	 named_after = 0, after_words = 0, e, cue_after = 0;
	int	 before = 0, far = 0;
	struct who wa;
	size_t	 ca, clena, mine = (size_t)-1, blo;
	unsigned int cba;

	w.ent = -1;
	w.w0 = w.w1 = 0;
	w.found = 0;
	if (sp->to == (size_t)-1)
		return;
	first = sent_first(q, sp->to);
	/*
	 * Not before the quote before it, unless that was no quote but a
	 * name or a term: "sagte der „Süddeutschen Zeitung“: „...“".
	 */
	prevc = i > 0 && q->spans[i - 1].tc != (size_t)-1 &&
	    q->spans[i - 1].kept ? q->spans[i - 1].tc + 1 : 0;
	lo = first > prevc ? first : prevc;
	/* The quote opens its sentence (a dash or bracket may come first). */
	begins = sp->to == first || (sp->to == first + 1 && !tword(q, first) &&
	    !q->ti[first].mark);

	/* After the quote: "...," Reyes said / said Reyes / - Reyes. */
	if (sp->closed && sp->tc != (size_t)-1) {
		k = sp->tc + 1;
		hi = sent_end(q, sp->tc);
		/*
		 * A quote that is a sentence of its own, and a short one
		 * after it: "We disagree." Reyes said.
		 */
		if (k == hi && k < q->tl.n && begins &&
		    sent_end(q, k) - k <= 6)
			hi = sent_end(q, k);
		if (i + 1 < q->nspans && q->spans[i + 1].to < hi)
			hi = q->spans[i + 1].to;
		/*
		 * After a quote that ended its sentence, words that end in
		 * a colon before the next quote introduce that one: "„...“
		 * Auch Christian Lindner äußerte sich: „...“".
		 */
		if (i + 1 < q->nspans && q->spans[i + 1].to == hi &&
		    hi > k && tis(q, hi - 1, ":") && sp->tc > sp->t0 &&
		    (tis(q, sp->tc - 1, ".") || tis(q, sp->tc - 1, "!") ||
		    tis(q, sp->tc - 1, "?")))
			hi = k;
		while (k < hi && !tword(q, k) && !q->ti[k].mark)
			k++;
		for (; k < hi && k < sp->tc + CTX_MAX; k++) {
			if ((cb = cue_at(q, k, &clen)) != 0 && !(cb & QT_s))
				break;
			cb = 0;
		}
		if (cb != 0 && k < hi) {
			c = k;
			subj_of(q, sp->tc + 1, hi, c, cb, clen, &w);
			if (w.found)
				used[mine = c] = 1;
			/* "...," said Reyes / "..." Reyes said: speech. */
			cue_after = w.found && (c <= sp->tc + 2 ||
			    (w.w0 <= sp->tc + 2 && w.w1 == c)) &&
			    sp->tc > sp->t0 && !tword(q, sp->tc - 1) &&
			    q->tl.v[sp->tc - 1].kind != TOK_NUM;
		} else if (sp->tc + 1 < hi && (tis(q, sp->tc + 1, "-") ||
		    tis(q, sp->tc + 1, "\xe2\x80\x94")) && sp->tc + 2 < hi &&
		    ent_at(q, sp->tc + 2) >= 0 &&
		    q->ents[ent_at(q, sp->tc + 2)].type != E_PLACE) {
			/* A byline: "..." - Nora Pell */
			w.ent = ent_at(q, sp->tc + 2);
			w.w0 = sp->tc + 2;
			w.w1 = q->ti[sp->tc + 2].e1;
			w.found = 1;
		}
		if (!w.found)
			cb = clen = 0;
		/* No cue, but a person named right after: "... », a dit X". */
		for (k = sp->tc + 1; !w.found && begins &&
		    !q->de && k < hi && k < sp->tc + 8; k++)
			if (ent_at(q, k) >= 0 &&
			    q->ents[ent_at(q, k)].type == E_PERSON &&
			    !q->ti[k].other && (k + 1 >= q->tl.n ||
			    !tis(q, q->ti[k].e1, "'s"))) {
				who_set(&w, ent_at(q, k), k, q->ti[k].e1);
				named_after = 1;
			}
		after_words = hi > sp->tc + 3;
	}
	/*
	 * Before the quote: Reyes said: "..." / according to Reyes, "...".
	 * Also when the words after named nobody ("but warned that her
	 * government ..."): a name before wins then.
	 */
	wa = w;
	ca = c;
	cba = cb;
	clena = clen;
	if (w.found && w.ent < 0)
		w.found = 0;
	/*
	 * A quote inside its sentence whose cue after it is in a clause of
	 * its own, with a subject of its own ("Holm called it a "rare"
	 * event; Tovar said ...", "... called the demand "unusual", while
	 * Kerr called it ..."): the cue before it, in its own clause, is
	 * its, when there is one.  Not in German, whose verb often comes
	 * after a quote of its clause.
	 */
	if (w.found && !cue_after && !named_after && !begins &&
	    w.w0 > sp->tc && !q->de) {
		w.found = 0;
		far = 1;
	}
	if (!w.found && sp->to > lo) {
		before = 1;
		/* As after the quote, a cue is looked for CTX_MAX words back. */
		blo = sp->to - lo > CTX_MAX ? sp->to - CTX_MAX : lo;
		for (k = sp->to; k > blo; k--) {
			/* "said in a statement": the verb, not the phrase. */
			if ((cb = cue_at(q, k - 1, &clen)) != 0 && !used[k - 1] &&
			    (!(cb & QT_s) || !has_verb_before(q, blo, k - 1)))
				break;
			/* A phrase ("according to") is known at its start. */
			cb = 0;
		}
		if (cb != 0) {
			c = k - 1;
			/* A cue just before the quote makes it speech. */
			k = c + clen;
			if (k < sp->to && (tis(q, k, ",") || tis(q, k, ":") ||
			    tis(q, k, "that")))
				k++;
			cue_next = k == sp->to && (cb & (QT_v | QT_s)) &&
			    !(cb & QT_n);
			subj_of(q, lo, sp->to, c, cb, clen, &w);
			if (w.found)
				used[mine = c] = 1;
		}
		if (!w.found) {
			cb = clen = 0;
			/*
			 * "Reyes on the merger: "..."", "Reyes, also on the
			 * radio, defended it, "We ...": the clause's subject;
			 * after a comma, only for a quote that opens with a
			 * capital, as a sentence of speech does.
			 */
			if (tis(q, sp->to - 1, ":") || (tis(q, sp->to - 1, ",") &&
			    sp->t1 > sp->t0 && tcap(q, sp->t0))) {
				clause_subject(q, lo, sp->to - 1, &w);
				if (w.found && (w.ent < 0 ||
				    q->ents[w.ent].type != E_PERSON))
					w.found = 0;
			}
		}
	}
	if (wa.found && (!w.found || w.ent < 0)) {
		if (far && mine != ca && mine != (size_t)-1)
			used[mine] = 0;
		w = wa;
		c = ca;
		cb = cba;
		clen = clena;
		cue_next = 0;
		mine = ca;
	} else if (wa.found && before) {
		cue_after = 0;	/* the name before won */
		/* The cue after, in its own clause, is for what follows. */
		if (far && ca != mine)
			used[ca] = 0;
	}
	/* A second quote in the writer's sentence: its speaker goes on. */
	same = !w.found && i > 0 && q->spans[i - 1].tc != (size_t)-1 &&
	    q->ti[q->spans[i - 1].tc].sent == q->ti[sp->to].sent &&
	    q->last_para == q->pn && q->last_ent >= 0;
	if (same)
		w.ent = q->last_ent;
	nw = count_words(q, sp, &titlish, &allcaps);
	german = q->de;
	/* "eine „Luftnummer“": after an indefinite article, no name. */
	if (german && allcaps && sp->to > lo && (q->ti[sp->to - 1].bits & QT_u))
		allcaps = 0;
	/* "the film's title: "..."": a short unattributed colon quote. */
	colon = tis(q, sp->to - 1, ":") && (cb != 0 || nw > 5 ||
	    (!titlish && !german));
	/*
	 * A short quote that opens a sentence which then goes on, with no
	 * punctuation of its own ("'Lumio' is a suite"), is a name.
	 */
	if (begins && cb == 0 && nw <= 4 && sp->tc != (size_t)-1 &&
	    sp->tc > sp->t0 && tword(q, sp->tc - 1) && sp->tc + 1 < q->tl.n &&
	    (tword(q, sp->tc + 1) || tis(q, sp->tc + 1, ":")) &&
	    q->ti[sp->tc + 1].sent == q->ti[sp->tc].sent) {
		begins = 0;
		w.ent = -1;
		w.found = 0;
	}
	direct = begins || colon || cue_next || cue_after ||
	    (same && q->last_direct && tis(q, sp->to - 1, ",")) ||
	    (cb != 0 && !(cb & QT_n) && c + clen == sp->to) ||
	    (cb != 0 && c + clen + 1 == sp->to && tis(q, sp->to - 1, ",")) ||
	    (nw >= 8 && sp->tc != (size_t)-1 && sp->tc > sp->t0 &&
	    !tword(q, sp->tc - 1));
	if (!direct) {
		/*
		 * German capitalises every noun, so a title or name stands
		 * out only as words that are all capitalised ("Berliner
		 * Zeitung", "Tea Party"), and words quoted inside reported
		 * speech are not told apart from it: a fragment is taken
		 * where it is named as someone's words ("bezeichnete den
		 * Plan als „völlig verfehlt“", "sprach von einer „…“"),
		 * even when the speaker is not found.
		 */
		term = german && !allcaps && ((term_intro(q, lo, sp->to) &&
		    verb_in_sentence(q, sp->to)) || joined(q, i));
		partial_ok = 1;
		if (scare_before(q, lo, sp->to))
			partial_ok = 0;
		else if (titlish && !german && nw <= 8)
			partial_ok = 0;
		else if ((cb & QT_n) && c + clen == sp->to && titlish)
			partial_ok = 0;
		else if (w.ent < 0 && !same && nw <= 1 && !term)
			partial_ok = 0;
		else if (german && !term)
			partial_ok = 0;
		else if (!w.found && !same && !term)
			partial_ok = 0;
		else if (nw == 0)
			partial_ok = 0;
		if (!partial_ok) {
			/*
			 * Words in quote marks that are no quote leave their
			 * cue to the quote after them: "sagte der
			 * „Süddeutschen Zeitung“: „...“".
			 */
			if (mine != (size_t)-1)
				used[mine] = 0;
			if (w.found && w.ent >= 0) {
				q->last_ent = w.ent;
				q->last_para = q->pn;
				q->last_direct = 0;
			}
			return;
		}
	}
	/* Nobody named: the speaker just before goes on. */
	if (!w.found && !same && (begins || sp->cont)) {
		e = -1;
		/*
		 * "Eide, a dock worker, was worried. "My father ..."": the
		 * person the sentence before is about, when it starts with
		 * one, speaks; else the speaker just before goes on.
		 */
		if (!sp->cont && lo > 0 && q->ti[lo - 1].q < 0 &&
		    !q->ti[lo - 1].mark) {
			k = sent_first(q, lo - 1);
			if ((e = ent_at(q, k)) >= 0 &&
			    (q->ents[e].type != E_PERSON ||
			    tis(q, q->ti[k].e1, "'s")))
				e = -1;
		}
		if (e < 0 && q->speech_ent >= 0 && !(after_words &&
		    q->speech_para != q->pn) && (q->speech_para == q->pn ||
		    (q->speech_para + 1 == q->pn && (i == 0 || sp->cont))))
			e = q->speech_ent;
		w.ent = e;
	}
	if (w.ent >= 0 && (w.found || !same) && !named_after)
		spoke(q, w.ent, c);
	if (w.ent >= 0 || w.found) {
		q->last_ent = w.ent;
		q->last_para = q->pn;
		q->last_direct = direct;
	}
	sp->kept = (direct ? QUOTE_DIRECT : QUOTE_PARTIAL) + 1;
	add_pending(q, sp->o1, sp->closed ? sp->c0 : q->len,
	    direct ? QUOTE_DIRECT : QUOTE_PARTIAL, c, cb ? clen : 0, &w);
}

static const char *const preps[] = {
	"about", "at", "by", "for", "from", "in", "into", "of", "on", "out",
	"over", "to", "up", "with"
};

static int
is_prep(const struct quote_doc *q, size_t k)
{
	size_t	 i;

	for (i = 0; i < sizeof(preps) / sizeof(preps[0]); i++)
		if (tis(q, k, preps[i]))
			return 1;
	return 0;
}

/*
 * Speech without marks: the subjects of every speech verb outside the
 * quotes join the history, and with -i the reported clause is a record.
 */
static void
reported(struct quote_doc *q, size_t c, size_t clen, unsigned int cb,
    int *used)
{
	struct who w;
	size_t	 lo, hi, a, k;

	if (q->sflag[q->ti[c].sent] & SF_MARK)
		return;
	lo = sent_first(q, c);
	hi = sent_end(q, c);
	subj_of(q, lo, hi, c, cb, clen, &w);
	if (!w.found)
		return;
	used[c] = 1;
	spoke(q, w.ent, c);
	if (!q->indirect || !(cb & QT_v) || w.w1 > c)
		return;
	a = c + clen;
	/* "spoke with", "urged Petrie to": no reported clause follows. */
	if (a < hi && is_prep(q, a))
		return;
	/* "told reporters that": past the hearer to the clause. */
	for (k = a; k < hi && k < a + 5; k++)
		if (tis(q, k, "that")) {
			a = k + 1;
			break;
		}
	if (k == hi || k == a + 5) {
		if (a < hi && tcap(q, a) && !tis(q, a, "I"))
			return;
	}
	if (a < hi && tis(q, a, ","))
		a++;
	while (hi > a && !tword(q, hi - 1) &&
	    q->tl.v[hi - 1].kind != TOK_NUM)
		hi--;
	if (hi <= a + 2)
		return;
	add_pending(q, q->tl.v[a].off,
	    q->tl.v[hi - 1].off + q->tl.v[hi - 1].len, QUOTE_INDIRECT, c,
	    clen, &w);
}

/*
 * An interview printed as a transcript labels each answer with its
 * speaker: "((Ann Kerr)) I said ...", "Ann Kerr: I said ...".  A label
 * is one to four capitalised words that open the paragraph, in double
 * brackets, or of two words or a person's name before a colon.  In its
 * paragraph "I" is the labelled person, and "you" the one labelled
 * before, to whom the questions are put.
 */
static void
find_label(struct quote_doc *q)
{
	size_t	 a, b, br;
	int	 e;

	q->label = -1;
	for (a = 0; a < q->tl.n && a < 2 && tis(q, a, "("); a++)
		continue;
	br = a;
	for (b = a; b < q->tl.n && b < a + 4 && tcap(q, b) &&
	    q->ti[b].q < 0 && !(q->ti[b].bits & (QT_c | QT_t)); b++)
		continue;
	if (b == a || b + 1 >= q->tl.n)
		return;
	e = ent_at(q, a);
	if (br == 2 ? !tis(q, b, ")") || !tis(q, b + 1, ")") :
	    br != 0 || !tis(q, b, ":") || (b - a < 2 && (e < 0 ||
	    q->ents[e].type != E_PERSON)))
		return;
	if (e < 0 || q->ti[a].e1 != b || q->ents[e].type != E_PERSON)
		e = name_ent(q, E_PERSON, a, b);
	if (e < 0)
		return;
	q->label = e;
	if (q->label_last >= 0 && q->label_last != e)
		q->label_prev = q->label_last;
	q->label_last = e;
}

/*
 * Walk the paragraph in text order: a cue outside quotes updates the
 * history as it is met, a quote is attributed where it opens.
 */
static void
walk(struct quote_doc *q)
{
	int	*used;
	size_t	 k, i, clen, nextto;
	unsigned int cb;

	used = q->used = room(q->used, &q->usedcap, q->tl.n + 1, sizeof(int));
	memset(used, 0, (q->tl.n + 1) * sizeof(int));
	find_label(q);
	q->sflag = room(q->sflag, &q->sfcap, q->nsent, 1);
	memset(q->sflag, 0, q->nsent);
	for (k = 0; k < q->tl.n; k++)
		if (q->ti[k].mark)
			q->sflag[q->ti[k].sent] |= SF_MARK;
	for (i = 0; i < q->nspans && q->spans[i].to == (size_t)-1; i++)
		continue;
	nextto = i < q->nspans ? q->spans[i].to : (size_t)-1;
	for (k = 0; k < q->tl.n; k++) {
		if (k == nextto) {
			attribute(q, i, used);
			for (i++; i < q->nspans && q->spans[i].to == (size_t)-1;
			    i++)
				continue;
			nextto = i < q->nspans ? q->spans[i].to : (size_t)-1;
			continue;
		}
		/* Most words are no speech verb: one test for them. */
		if (used[k] || !((q->ti[k].bits | q->ti[k].pbits) & QT_v) ||
		    !((cb = cue_at(q, k, &clen)) & QT_v))
			continue;
		/* A cue right after a quote was that quote's. */
		reported(q, k, clen, cb, used);
	}
}

/*
 * The interface.
 */

static void	 para_free(struct quote_doc *);

/* The mentions themselves are entities' output, not ours. */
static void
no_emit(const struct ent_mention *m, void *arg)
{
	(void)m;
	(void)arg;
}

struct quote_doc *
quote_doc_new(const struct link_dict *dict, int indirect, quote_emit_fn emit,
    void *arg)
{
	struct quote_doc *q;

	words_init();
	q = nu_calloc(1, sizeof(*q));
	q->emit = emit;
	q->arg = arg;
	q->indirect = indirect;
	q->ef = ent_new(dict, no_emit, NULL);
	tok_list_init(&q->tl);
	q->ents = nu_reallocarray(NULL, ENT_MAX, sizeof(q->ents[0]));
	q->nslot = nu_reallocarray(NULL, EHASH, sizeof(q->nslot[0]));
	q->lslot = nu_reallocarray(NULL, EHASH, sizeof(q->lslot[0]));
	return q;
}

void
quote_doc_free(struct quote_doc *q)
{
	if (q == NULL)
		return;
	ent_free(q->ef);
	para_free(q);
	free(q->ents);
	free(q->nslot);
	free(q->lslot);
	free(q->pend);
	free(q->arena);
	free(q);
}

/* Free the paragraph's part of a quote_doc. */
static void
para_free(struct quote_doc *q)
{
	tok_list_free(&q->tl);
	free(q->ti);
	free(q->marks);
	free(q->spans);
	free(q->sstart);
	free(q->used);
	free(q->sflag);
	free(q->first);
}

void
quote_doc_begin(struct quote_doc *q)
{
	ent_doc_begin(q->ef);
	q->nents = 0;
	q->mru = -1;
	q->nused = 0;
	memset(q->nslot, 0, EHASH * sizeof(q->nslot[0]));
	memset(q->lslot, 0xff, EHASH * sizeof(q->lslot[0]));
	q->pos = 0;
	q->sbase = 0;
	q->open_at_end = 0;
	q->last_ent = q->speech_ent = -1;
	q->last_para = q->speech_para = 0;
	q->anon_speech = -1;
	q->lastfirst.ent = -1;
	q->lastfirst_sent = -1;
	q->label = q->label_last = q->label_prev = -1;
	q->de = 0;
	q->npend = 0;
	q->alen = 0;
}

/* The work on a paragraph that needs nothing of the document. */
static void
prep_para(struct quote_doc *q, const struct para *pa)
{
	q->p = pa->p;
	q->len = pa->len;
	q->off = pa->off;
	q->pn = pa->n;
	q->cut = pa->cont;
	find_marks(q);
	pair_marks(q);
	tag_prep(q);
}

/*
 * A paragraph cut at DOC_PARA_MAX inside a quote goes on inside it:
 * doc.c cuts outside quotes where it can, but a quote may be longer
 * than half the cut, or inch marks may mislead it.  The marks are
 * paired again from an opening mark before the first byte, so that the
 * first closing mark ends the quote rather than opening one, and the
 * speaker named after it is found.
 */
static void
resume_cut(struct quote_doc *q)
{
	add_mark(q, 0, 0, q->open_kind);
	memmove(q->marks + 1, q->marks, (q->nmarks - 1) * sizeof(q->marks[0]));
	q->marks[0].off = 0;
	q->marks[0].len = 0;
	q->marks[0].kind = q->open_kind;
	pair_marks(q);
	tag_prep(q);
}

/* The rest: the tagger, the speakers, the records. */
static void
para_rest(struct quote_doc *q)
{
	const struct span *sp;
	size_t	 i;

	if (q->cut && q->open_at_end)
		resume_cut(q);
	if (q->nspans > 0 && q->open_at_end && q->spans[0].o0 == 0)
		q->spans[0].cont = 1;
	q->open_at_end = q->nspans > 0 && !q->spans[q->nspans - 1].closed;
	if (q->open_at_end) {
		sp = &q->spans[q->nspans - 1];
		for (i = q->nmarks; i > 0 && q->marks[i - 1].off != sp->o0; i--)
			continue;
		q->open_kind = i > 0 ? q->marks[i - 1].kind : M_DQ;
	}
	q->de = ent_german(q->ef);
	tag_rest(q);
	walk(q);
	for (i = q->nsent; i > 0; i--)
		if (q->first[i - 1].ent != -1) {
			q->lastfirst = q->first[i - 1];
			q->lastfirst_sent = q->sbase + (long long)(i - 1);
			break;
		}
	q->pos += q->tl.n + 1;
	q->sbase += q->nsent;
}

void
quote_doc_para(struct quote_doc *q, const struct para *pa)
{
	ent_para(q->ef, pa);
	prep_para(q, pa);
	para_rest(q);
}

/*
 * Paragraphs made ready ahead: each is held by a quote_doc of its own,
 * of which only the paragraph's part is used, and handed to the document
 * by swapping that part.
 */
struct quote_prep {
	struct quote_doc **v;
	size_t		 n, cap;
	struct ent_prep	*ep;		/* the names' part */
};

#define PREP_KEEP	4096	/* tokens a slot's arrays keep room for */

struct quote_prep *
quote_prep_new(void)
{
	struct quote_prep *pp;

	pp = nu_calloc(1, sizeof(*pp));
	pp->ep = ent_prep_new();
	return pp;
}

void
quote_prep_free(struct quote_prep *pp)
{
	size_t	 i;

	if (pp == NULL)
		return;
	/* Each holds a paragraph and nothing of a document. */
	for (i = 0; i < pp->cap; i++)
		if (pp->v[i] != NULL) {
			para_free(pp->v[i]);
			free(pp->v[i]);
		}
	free(pp->v);
	ent_prep_free(pp->ep);
	free(pp);
}

void
quote_prep_clear(struct quote_prep *pp)
{
	pp->n = 0;
	ent_prep_clear(pp->ep);
}

void
quote_prep_share(struct quote_prep *pp, unsigned share)
{
	ent_prep_share(pp->ep, share);
}

void
quote_prep_para(struct quote_prep *pp, const struct para *pa)
{
	if (pp->n == pp->cap) {
		pp->cap = pp->cap ? pp->cap * 2 : 64;
		pp->v = nu_reallocarray(pp->v, pp->cap, sizeof(*pp->v));
		memset(pp->v + pp->n, 0, (pp->cap - pp->n) * sizeof(*pp->v));
	}
	if (pp->v[pp->n] == NULL)
		pp->v[pp->n] = nu_calloc(1, sizeof(struct quote_doc));
	prep_para(pp->v[pp->n++], pa);
	ent_prep_para(pp->ep, pa);
}

/* Free a paragraph's arrays grown past what a usual one needs. */
static void
para_trim(struct quote_doc *r)
{
	if (r->tl.cap <= PREP_KEEP && r->ticap <= PREP_KEEP &&
	    r->mcap <= PREP_KEEP &&
	    r->scap <= PREP_KEEP && r->sscap <= PREP_KEEP &&
	    r->usedcap <= PREP_KEEP)
		return;
	para_free(r);
	tok_list_init(&r->tl);
	r->ti = NULL;
	r->marks = NULL;
	r->spans = NULL;
	r->sstart = NULL;
	r->used = NULL;
	r->sflag = NULL;
	r->first = NULL;
	r->firstcap = 0;
	r->ticap = r->mcap = r->scap = r->sscap = 0;
	r->usedcap = r->sfcap = 0;
}

#define SWAP(a, b) do {							\
	__typeof__(a) swap_tmp_ = (a);					\
	(a) = (b);							\
	(b) = swap_tmp_;						\
} while (0)

void
quote_doc_para_prepared(struct quote_doc *q, const struct para *pa,
    struct quote_prep *pp, size_t k)
{
	struct quote_doc *r = pp->v[k];

	ent_para_prepared(q->ef, pa, pp->ep, k);
	SWAP(q->tl, r->tl);
	SWAP(q->ti, r->ti);
	SWAP(q->ticap, r->ticap);
	SWAP(q->marks, r->marks);
	SWAP(q->nmarks, r->nmarks);
	SWAP(q->mcap, r->mcap);
	SWAP(q->spans, r->spans);
	SWAP(q->nspans, r->nspans);
	SWAP(q->scap, r->scap);
	SWAP(q->sstart, r->sstart);
	SWAP(q->nsent, r->nsent);
	SWAP(q->sscap, r->sscap);
	/*
	 * What the slot now holds was grown for paragraphs before: keep no
	 * more than a usual paragraph needs, so that a few long paragraphs
	 * do not leave their arrays in every slot of the pool.
	 */
	para_trim(r);
	q->p = pa->p;
	q->len = pa->len;
	q->off = pa->off;
	q->pn = pa->n;
	q->cut = pa->cont;
	para_rest(q);
	/* Nor in the document's, while the next is made ready. */
	para_trim(q);
}

void
quote_doc_end(struct quote_doc *q)
{
	ent_doc_end(q->ef);
	flush(q);
}

const char *
quote_kind_name(enum quote_kind k)
{
	switch (k) {
	case QUOTE_DIRECT:
		return "direct";
	case QUOTE_PARTIAL:
		return "partial";
	default:
		return "indirect";
	}
}
