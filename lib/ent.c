/*
 * ent.c - the entity mentions of a document (see ent.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "ent_tab.h"
#include "ner.h"
#include "sent.h"
#include "tok.h"
#include "util.h"
#include "words.h"

_Static_assert(NER_PT_PERSON == (int)ENT_PERSON && NER_PT_ORG == (int)ENT_ORG &&
    NER_PT_GPE == (int)ENT_GPE && NER_PT_LOC == (int)ENT_LOC &&
    NER_PT_NORP == (int)ENT_NORP && NER_PT_MISC == (int)ENT_MISC,
    "ner.h and link.h number the types alike");

#define DATELINE_MAX	120	/* how far into a paragraph its dash may be */
#define DATELINE_SPANS	4
#define DATELINE_PARAS	6	/* it may follow a headline, byline, photo */
#define OF_WORDS	5	/* capitalised words in "Chair of the X" */
#define APPOSITION_MAX	80	/* bytes of "the company's chief executive" */
#define HEAD_PARAS	3	/* a headline is one of the first paragraphs */
#define HEAD_MAX	200	/* bytes of a headline */
#define SPORTY_MAX	512	/* sports paragraphs a document remembers */

/* Is the word s[0..n) in list l of data/ent/rules.txt (ent_tab.h)? */
#define INLIST(l, s, n)	tok_inlist(ent_w_##l, \
	sizeof(ent_w_##l) / sizeof(ent_w_##l[0]), (s), (n))

/* A mention waiting for its NAME. */
struct pending {
	unsigned long long start, end;
	size_t		 toff, tlen;	/* text, in the finder's arena */
	size_t		 ent;		/* link entity, or LINK_NONE */
	size_t		 sentence;
	enum ent_type	 type;		/* as tagged, for LINK_NONE */
	int		 german;	/* one word inside „...“ */
	int		 fixed;		/* a dateline's place, or after "in" */
	int		 team;		/* a place standing for its team */
	size_t		 para;		/* its paragraph's number */
};

/* A span of the current sentence, from the model or the dictionary. */
struct span {
	size_t		 start, end;	/* bytes of the sentence */
	enum ent_type	 type;
	size_t		 tstart, tlen;	/* a title just before it */
	int		 caps;		/* a dateline's place, in capitals */
	int		 german;	/* inside German quotation marks */
};

struct ent_finder {
	const struct link_dict *dict;
	struct link_doc	*ld;
	struct ner	*ner;
	struct ent_prep	*prep;		/* for ent_para(), or NULL */
	const struct tok *tv;		/* the sentence's tokens */
	size_t		 nt;
	ent_emit_fn	 emit;
	void		*arg;
	struct pending	*pv;
	size_t		 np, pcap;
	char		*text;
	size_t		 tlen, tcap;
	struct span	*sv;
	size_t		 ns, scap;
	size_t		 sentence;
	struct span	 dl[DATELINE_SPANS];	/* the paragraph's dateline */
	size_t		 ndl;
	struct head {
		unsigned long long off;		/* in the document */
		size_t		 sentence;
		size_t		 len;
		char		 text[HEAD_MAX];
	}		 head[HEAD_PARAS];	/* see second_look() */
	size_t		 nhead;
	struct tok_list	 htl;
	int		 scores;	/* results ("1-0") in the document */
	int		 sportw;	/* sports words from the first one on */
	size_t		 para;		/* the paragraph's number */
	size_t		 sporty[SPORTY_MAX];	/* paragraphs with either */
	size_t		 nsporty;
	uint32_t	 sbits[32];	/* see sports_word() */
	struct ent_found *fv;		/* the paragraph's, see ent_found() */
	size_t		 nf, fcap;
	/* Link entities with a mention printed, once the document ended. */
	unsigned char	 printed[LINK_MAX_ENTITIES / 8];
	int		 ended;
	long long	 german, english;	/* function words seen */
};

/* A word's first two bytes and length, as a bit of f->sbits. */
static size_t
sports_key(const char *w, size_t n)
{
	return ((unsigned char)w[0] * 31u + (unsigned char)w[1] * 7u +
	    (unsigned)n) & 1023;
}

static struct pending *new_pending(struct ent_finder *, size_t,
		    const char *, size_t);

struct ent_finder *
ent_new(const struct link_dict *d, ent_emit_fn emit, void *arg)
{
	struct ent_finder *f;
	size_t		 i, k;

	words_init();
	f = nu_calloc(1, sizeof(*f));
	f->dict = d;
	f->ld = link_doc_new(d);
	f->ner = ner_new();
	tok_list_init(&f->htl);
	f->emit = emit;
	f->arg = arg;
	for (i = 0; i < sizeof(ent_w_sport) / sizeof(ent_w_sport[0]); i++) {
		k = sports_key(ent_w_sport[i], strlen(ent_w_sport[i]));
		f->sbits[k >> 5] |= 1u << (k & 31);
	}
	return f;
}

void
ent_free(struct ent_finder *f)
{
	if (f == NULL)
		return;
	link_doc_free(f->ld);
	ner_free(f->ner);
	ent_prep_free(f->prep);
	tok_list_free(&f->htl);
	free(f->pv);
	free(f->text);
	free(f->sv);
	free(f->fv);
	free(f);
}

void
ent_doc_begin(struct ent_finder *f)
{
	link_doc_reset(f->ld);
	ner_doc_begin(f->ner);
	f->np = 0;
	f->tlen = 0;
	f->sentence = 0;
	f->nhead = 0;
	f->scores = 0;
	f->sportw = 0;
	f->nsporty = 0;
	f->nf = 0;
	f->ended = 0;
	f->german = f->english = 0;
	memset(f->printed, 0, sizeof(f->printed));
}

/*
 * A word in capitals that the tagger called a person and that spells no
 * name of the document ("KO", "MP") is an abbreviation, not a name.
 */
static int
abbreviation(const struct ent_mention *m)
{
	size_t	 i, letters;
	int	 c;

	if (m->namelen != m->textlen || memcmp(m->name, m->text,
	    m->textlen) != 0 || m->title != NULL)
		return 0;
	for (i = letters = 0; i < m->textlen; i++) {
		c = (unsigned char)m->text[i];
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c != '.')
			return 0;
	}
	return letters >= 2 && letters <= 5;
}

/*
 * A person known by one word that is a common word, capitalised as a
 * sentence or a headline opens ("Curfew begins at nine"), is no person,
 * unless a title goes before it ("Mr. Curfew").
 */
static int
common_word(struct ent_finder *f, const struct ent_mention *m)
{
	if (m->title != NULL || memchr(m->name, ' ', m->namelen) != NULL)
		return 0;
	return ner_common_word(f->ner, m->name, m->namelen);
}

/* Give every buffered mention its NAME and hand it on. */
static void
flush(struct ent_finder *f)
{
	struct ent_mention	 m;
	struct pending		*p;
	size_t			 i, r;

	for (i = 0; i < f->np; i++) {
		p = &f->pv[i];
		memset(&m, 0, sizeof(m));
		m.text = f->text + p->toff;
		m.textlen = p->tlen;
		m.start = p->start;
		m.end = p->end;
		m.sentence = p->sentence;
		if (p->ent == LINK_NONE) {
			m.type = p->type;
			m.name = m.text;
			m.namelen = m.textlen;
		} else {
			m.name = link_name(f->ld, p->ent, &m.namelen);
			m.type = p->team ? ENT_ORG : link_type(f->ld, p->ent);
			if (m.type == ENT_PERSON) {
				m.title = link_title(f->ld, p->ent,
				    &m.titlelen);
				m.gender = link_gender(f->ld, p->ent);
			}
		}
		if (m.type == ENT_PERSON && (abbreviation(&m) ||
		    common_word(f, &m) ||
		    (p->german && m.namelen == m.textlen)))
			continue;
		if (p->ent != LINK_NONE) {
			r = link_root(f->ld, p->ent);
			f->printed[r / 8] |= 1u << (r % 8);
		}
		f->emit(&m, f->arg);
	}
	f->np = 0;
	f->tlen = 0;
	f->nhead = 0;
}

/*
 * The person (by surname) or organisation (by first word) that a
 * buffered mention names in two words or more, as word w; its type.
 */
static int
named_in_full(struct ent_finder *f, const char *w, size_t n,
    enum ent_type *type)
{
	const struct pending *p;
	const char	*t, *sp;
	size_t		 i;
	enum ent_type	 ty;

	for (i = 0; i < f->np; i++) {
		p = &f->pv[i];
		if (p->ent == LINK_NONE)
			continue;
		ty = link_type(f->ld, p->ent);
		t = f->text + p->toff;
		if ((ty != ENT_PERSON && ty != ENT_ORG) || p->tlen <= n)
			continue;
		/* Its first word ends at a space or a line break. */
		for (sp = t; sp < t + p->tlen &&
		    !doc_isspace((unsigned char)*sp); sp++)
			continue;
		if (sp == t + p->tlen)
			continue;
		if ((ty == ENT_ORG && (size_t)(sp - t) == n &&
		    memcmp(t, w, n) == 0) || (ty == ENT_PERSON &&
		    doc_isspace((unsigned char)t[p->tlen - n - 1]) &&
		    memcmp(t + p->tlen - n, w, n) == 0)) {
			*type = ty;
			return 1;
		}
	}
	return 0;
}

/*
 * The first buffered mention that starts at or after start; whether one
 * overlaps [start, end).
 */
static size_t
pending_at(const struct ent_finder *f, unsigned long long start,
    unsigned long long end, int *covered)
{
	size_t i;

	*covered = 0;
	for (i = 0; i < f->np && f->pv[i].start < end; i++)
		if (f->pv[i].end > start) {
			*covered = 1;
			break;
		}
	while (i < f->np && f->pv[i].start < start)
		i++;
	return i;
}

/*
 * A second look at the headlines, when the document is over.  The tagger
 * reads a headline before the story has named anyone ("Corvane to cut
 * 1,200 jobs", "Marchetti wins"), so a capitalised word of a headline
 * that no mention covers, that is no common word, and that is the
 * surname of a person or the first word of an organisation the story
 * names in full, is a mention of them.  The parts of a hyphenated word
 * ("Halvorsen-Brightline merger") are words here.
 */
static void
second_look(struct ent_finder *f)
{
	const struct head *h;
	const struct tok *t;
	struct pending	*p;
	enum ent_type	 type;
	size_t		 i, k, a, b, at, ent;
	int		 covered;

	for (i = 0; i < f->nhead; i++) {
		h = &f->head[i];
		f->htl.n = 0;
		tok_text(&f->htl, h->text, h->len);
		for (k = 0; k < f->htl.n; k++) {
			t = &f->htl.v[k];
			if (t->kind != TOK_WORD || !(t->flags & TOK_UPPER) ||
			    (t->flags & TOK_ALLUPPER))
				continue;
			for (a = t->off; a < t->off + t->len; a = b + 1) {
				b = a;
				while (b < t->off + t->len && h->text[b] != '-')
					b++;
				if (b - a < 2 || h->text[a] < 'A' ||
				    h->text[a] > 'Z' ||
				    ner_mostly_lower(h->text + a, b - a) ||
				    !named_in_full(f, h->text + a, b - a,
				    &type))
					continue;
				at = pending_at(f, h->off + a, h->off + b,
				    &covered);
				if (covered || (ent = link_mention(f->ld, type,
				    h->text + a, b - a)) == LINK_NONE)
					continue;
				p = new_pending(f, at, h->text + a, b - a);
				p->start = h->off + a;
				p->end = h->off + b;
				p->ent = ent;
				p->sentence = h->sentence;
				p->type = type;
			}
		}
	}
}

/* The words that end a sports club's name after its town's. */
static int
team_word(const char *w, size_t n)
{
	return INLIST(team, w, n);
}

/* Clubs a document may have, for clubs(). */
#define CLUBS_MAX	64

struct club {
	size_t		 ent;
	const char	*town;		/* the name before the club's word */
	size_t		 len;
};

/* Is a[0..n) b[0..n), a line break or a tab counting as a space? */
static int
same_spaced(const char *a, const char *b, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if (a[k] != b[k] && !(doc_isspace((unsigned char)a[k]) &&
		    doc_isspace((unsigned char)b[k])))
			return 0;
	return 1;
}

/*
 * In a story about a sports club, its town's name stands for the club
 * ("Dunmore stun Port Ellison", "Dunmore's manager") except in a
 * dateline and after "in", "at" and the like: news NER calls it the
 * club.  A town two clubs share (Manchester City and United) is left
 * alone.
 */
static void
clubs(struct ent_finder *f)
{
	struct club	 cv[CLUBS_MAX];
	struct pending	*p;
	const char	*t, *w;
	size_t		 i, k, nc, wl, ent;
	enum ent_type	 ty;

	/* The clubs: "Dunmore Rovers", named after "Dunmore". */
	for (i = nc = 0; i < f->np && nc < CLUBS_MAX; i++) {
		p = &f->pv[i];
		t = f->text + p->toff;
		for (wl = 0; wl < p->tlen &&
		    !doc_isspace((unsigned char)t[p->tlen - 1 - wl]); wl++)
			continue;
		if (p->ent == LINK_NONE || wl == 0 || wl >= p->tlen ||
		    !team_word(t + p->tlen - wl, wl) ||
		    link_type(f->ld, p->ent) != ENT_ORG)
			continue;
		for (k = 0; k < nc && cv[k].ent != p->ent; k++)
			continue;
		if (k < nc)
			continue;
		cv[nc].ent = p->ent;
		cv[nc].town = t;
		cv[nc++].len = p->tlen - wl - 1;
	}
	if (nc == 0)
		return;
	for (i = 0; i < f->np; i++) {
		p = &f->pv[i];
		if (p->fixed || p->ent == LINK_NONE)
			continue;
		ty = link_type(f->ld, p->ent);
		if (ty != ENT_GPE && ty != ENT_LOC)
			continue;
		w = f->text + p->toff;
		ent = LINK_NONE;
		for (k = 0; k < nc; k++) {
			if (cv[k].len != p->tlen ||
			    !same_spaced(cv[k].town, w, p->tlen))
				continue;
			if (ent != LINK_NONE && ent != cv[k].ent)
				break;
			ent = cv[k].ent;
		}
		if (k == nc && ent != LINK_NONE)
			p->ent = ent;
	}
}

/*
 * Is w[0..n) a sports word?  Every word of every sentence comes here, so
 * a bit set for each word of the table (f->sbits) turns most away before
 * the search.
 */
static int
sports_word(const struct ent_finder *f, const char *w, size_t n)
{
	size_t	 k;

	if (n < 4)
		return 0;
	k = sports_key(w, n);
	return (f->sbits[k >> 5] >> (k & 31) & 1) &&
	    INLIST(sport, w, n);
}

/* Is token k a number of one or two digits? */
static int
small_num(const char *s, const struct tok *t)
{
	return t->kind == TOK_NUM && t->len <= 2 &&
	    s[t->off] >= '0' && s[t->off] <= '9' &&
	    (t->len == 1 || (s[t->off + 1] >= '0' && s[t->off + 1] <= '9'));
}

/* Is s[0..n) a result written as one word, "2-1" or "10-9"? */
static int
result(const char *s, size_t n)
{
	size_t	 i, a;

	for (i = 0; i < n && i < 3 && s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	if (i == 0 || i > 2 || i >= n || s[i] != '-')
		return 0;
	for (a = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	return i == n && i - a >= 1 && i - a <= 2;
}

/*
 * Count the results ("1-0", "3 \u2013 0") and the sports words of
 * sentence s, and remember its paragraph as a sports paragraph when it
 * has either, for teams().
 */
static void
sport(struct ent_finder *f, const char *s, const struct tok *tv,
    size_t nt)
{
	size_t	 k, n, res = 0, words = 0;
	const char *d;

	for (k = 0; k < nt; k++) {
		if (tv[k].kind == TOK_WORD) {
			words += sports_word(f, s + tv[k].off, tv[k].len);
			continue;
		}
		if (tv[k].kind != TOK_NUM)
			continue;
		if (result(s + tv[k].off, tv[k].len))
			res++;
		else if (k + 2 < nt && small_num(s, &tv[k]) &&
		    small_num(s, &tv[k + 2])) {
			d = s + tv[k + 1].off;
			n = tv[k + 1].len;
			res += (n == 1 && *d == '-') || (n == 3 &&
			    memcmp(d, "\xe2\x80\x93", 3) == 0);
		}
	}
	if (res + words == 0)
		return;
	f->scores += res;
	f->sportw += words;
	if (f->nsporty < SPORTY_MAX && (f->nsporty == 0 ||
	    f->sporty[f->nsporty - 1] != f->para))
		f->sporty[f->nsporty++] = f->para;
}

/*
 * In a sports report (two results or more, and three sports words), a
 * country's or a town's name in a paragraph with a result or a sports
 * word stands for its team ("Belgium defeated Panama 3-0", "Korea's Kim
 * Shin-Wook"), except in a dateline and after "in", "at" and the like,
 * and news NER calls it an organisation.  Only in such a paragraph, so
 * that a story about politics that the same input holds before or after
 * is left alone.  The mentions and the paragraphs both come in text
 * order.
 */
static void
teams(struct ent_finder *f)
{
	struct pending	*p;
	size_t		 i, j;

	if (f->scores < 2 || f->sportw < 3)
		return;
	for (i = j = 0; i < f->np && j < f->nsporty; i++) {
		p = &f->pv[i];
		while (j < f->nsporty && f->sporty[j] < p->para)
			j++;
		if (j < f->nsporty && f->sporty[j] == p->para && !p->fixed &&
		    p->ent != LINK_NONE && link_type(f->ld, p->ent) == ENT_GPE)
			p->team = 1;
	}
}

void
ent_doc_end(struct ent_finder *f)
{
	second_look(f);
	clubs(f);
	teams(f);
	flush(f);
	f->ended = 1;
}

size_t
ent_found(const struct ent_finder *f, const struct ent_found **v)
{
	*v = f->fv;
	return f->nf;
}

const char *
ent_name(const struct ent_finder *f, size_t ent, size_t *len,
    enum ent_type *type)
{
	size_t	 r;

	if (ent == LINK_NONE || (r = link_root(f->ld, ent)) >=
	    LINK_MAX_ENTITIES || (f->ended && !(f->printed[r / 8] &
	    (1u << (r % 8)))))
		return NULL;
	*type = link_type(f->ld, ent);
	return link_name(f->ld, ent, len);
}

/*
 * "ST. BRENDAN" as "St. Brendan": a dateline's capitals are how the place
 * is set, not how it is written, and it is named as written elsewhere.
 */
static const char *
title_case(char *dst, const char *s, size_t n)
{
	size_t	 i;
	int	 c, start;

	for (i = 0, start = 1; i < n; i++) {
		c = (unsigned char)s[i];
		if (!start && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		dst[i] = c;
		start = c == ' ' || c == '-' || c == '.';
	}
	return dst;
}

/* Is the word before s[b] one that makes a place of a name after it? */
static int
locative_before(const char *s, size_t b)
{
	size_t	 e, a;

	for (e = b; e > 0 && s[e - 1] == ' '; e--)
		continue;
	for (a = e; a > 0 && s[a - 1] >= 'a' && s[a - 1] <= 'z'; a--)
		continue;
	return INLIST(locative, s + a, e - a);
}

/*
 * A buffered mention at f->pv[k], the ones from k on moved up, with its
 * text s[0..len) kept.
 */
static struct pending *
new_pending(struct ent_finder *f, size_t k, const char *s, size_t len)
{
	struct pending	*p;

	if (f->np == f->pcap) {
		f->pcap = f->pcap ? f->pcap * 2 : 64;
		f->pv = nu_reallocarray(f->pv, f->pcap, sizeof(*f->pv));
	}
	if (f->tlen + len + 1 > f->tcap) {
		while (f->tlen + len + 1 > f->tcap)
			f->tcap = f->tcap ? f->tcap * 2 : 4096;
		f->text = nu_reallocarray(f->text, f->tcap, 1);
	}
	memmove(&f->pv[k + 1], &f->pv[k], (f->np - k) * sizeof(*f->pv));
	f->np++;
	p = &f->pv[k];
	memset(p, 0, sizeof(*p));
	p->toff = f->tlen;
	p->tlen = len;
	memcpy(f->text + f->tlen, s, len);
	f->tlen += len;
	return p;
}

/* Record one span of sentence s (at offset off of the document). */
static void
add(struct ent_finder *f, const char *s, unsigned long long off,
    const struct span *sp)
{
	struct pending	*p;
	size_t		 ent, len;
	char		 buf[DATELINE_MAX];
	const char	*name;

	len = sp->end - sp->start;
	if (f->np == ENT_BUF_MAX || f->tlen + len + 1 > ENT_TEXT_MAX)
		flush(f);
	name = s + sp->start;
	if (sp->caps && len <= sizeof(buf))
		name = title_case(buf, name, len);
	ent = link_mention(f->ld, sp->type, name, len);
	if (ent == LINK_NONE && len > 0) {
		/* The document has too many names: settle, start afresh. */
		flush(f);
		link_doc_reset(f->ld);
		ent = link_mention(f->ld, sp->type, name, len);
	}
	if (ent != LINK_NONE && sp->tlen > 0)
		link_title_seen(f->ld, ent, s + sp->tstart, sp->tlen);
	p = new_pending(f, f->np, s + sp->start, len);
	p->start = off + sp->start;
	p->end = off + sp->end;
	p->ent = ent;
	p->sentence = f->sentence;
	p->type = sp->type;
	p->german = sp->german;
	p->fixed = sp->caps || locative_before(s, sp->start);
	/* "in Brandon, Manitoba": the state of a place is one too. */
	if (!p->fixed && f->np >= 2 && sp->start >= 2 &&
	    s[sp->start - 1] == ' ' && s[sp->start - 2] == ',' &&
	    p[-1].fixed && p[-1].end + 2 == p->start)
		p->fixed = 1;
	p->para = f->para;
	if (f->nf == f->fcap) {
		f->fcap = f->fcap ? f->fcap * 2 : 64;
		f->fv = nu_reallocarray(f->fv, f->fcap, sizeof(*f->fv));
	}
	f->fv[f->nf].start = p->start;
	f->fv[f->nf].end = p->end;
	f->fv[f->nf].type = sp->type;
	f->fv[f->nf++].ent = ent;
}

static struct span *
new_span(struct ent_finder *f)
{
	if (f->ns == f->scap) {
		f->scap = f->scap ? f->scap * 2 : 16;
		f->sv = nu_reallocarray(f->sv, f->scap, sizeof(*f->sv));
	}
	memset(&f->sv[f->ns], 0, sizeof(f->sv[0]));
	return &f->sv[f->ns++];
}

/*
 * A leading "The" is not part of a name ("The New York Times" is "New
 * York Times"), unless the dictionary knows the name with it ("The
 * Hague").
 */
static void
strip_the(struct ent_finder *f, const char *s, struct span *sp)
{
	size_t	 k;

	if (sp->end - sp->start < 5 || memcmp(s + sp->start, "The", 3) != 0 ||
	    !doc_isspace((unsigned char)s[sp->start + 3]))
		return;
	if (link_dict_lookup(f->dict, s + sp->start, sp->end - sp->start,
	    NULL, NULL, NULL) != 0)
		return;
	for (k = sp->start + 4; k < sp->end && doc_isspace((unsigned char)s[k]);
	    k++)
		continue;
	if (k < sp->end)
		sp->start = k;
}

/*
 * The bytes of the possessive the word ends with ("Calder's",
 * "Harriers'", with a straight or a curly apostrophe), or 0.
 */
static size_t
possessive(const char *w, size_t n)
{
	if (n >= 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		return 4;
	if (n >= 3 && memcmp(w + n - 3, "\xe2\x80\x99", 3) == 0)
		return 3;
	if (n >= 2 && memcmp(w + n - 2, "'s", 2) == 0)
		return 2;
	return n >= 1 && w[n - 1] == '\'';
}

/* Does the phrase s[0..n) open as an apposition does: the, a, its, X's? */
static int
appositive(const char *s, size_t n)
{
	static const char *const det[] = {
		"the ", "a ", "an ", "its ", "his ", "her ", "their ", NULL
	};
	const char *const *d;
	size_t	 i, k;

	for (d = det; *d != NULL; d++) {
		k = strlen(*d);
		if (n > k && memcmp(s, *d, k) == 0)
			return 1;
	}
	/* A possessive first word: "the company's", "Corvane's". */
	for (i = 0; i < n && !doc_isspace((unsigned char)s[i]); i++)
		continue;
	return i > 2 && possessive(s, i);
}

/*
 * A role in apposition to a person's name, when no title stands next to
 * it: "the company's chief executive, Anjali Rao" or "Anjali Rao, the
 * company's chief executive,".  The role is the titles that end the
 * phrase (data/titles.txt); sets the span's title.
 */
static void
apposition(const char *s, size_t len, struct span *sp)
{
	size_t	 b, e, k, st, t;

	b = sp->start;
	while (b > 0 && doc_isspace((unsigned char)s[b - 1]))
		b--;
	if (b > 0 && s[b - 1] == ',' &&
	    (t = link_title_before(s, b - 1, &st, NULL)) > 0) {
		sp->tstart = st;
		sp->tlen = t;
		return;
	}
	e = sp->end;
	if (e >= len || s[e] != ',')
		return;
	for (e++; e < len && doc_isspace((unsigned char)s[e]); e++)
		continue;
	for (k = e; k < len && k < e + APPOSITION_MAX && s[k] != ',' &&
	    s[k] != ';' && s[k] != '(' && s[k] != '"'; k++)
		continue;
	if (k == e + APPOSITION_MAX || !appositive(s + e, k - e))
		return;
	/* A sentence that ends with the apposition: its full stop goes. */
	if (k == len && k > e && s[k - 1] == '.')
		k--;
	if ((t = link_title_before(s + e, k - e, &st, NULL)) > 0) {
		sp->tstart = e + st;
		sp->tlen = t;
	}
}

static size_t	cap_word(const char *, size_t);
static int	has_word(const char *, size_t);

/*
 * The word of s that ends at or before b, white space skipped: its
 * start in *a and its end, the two equal when there is no word.
 */
static size_t
word_back(const char *s, size_t b, size_t *a)
{
	size_t	 e;

	for (e = b; e > 0 && doc_isspace((unsigned char)s[e - 1]); e--)
		continue;
	for (*a = e; *a > 0 && !doc_isspace((unsigned char)s[*a - 1]); (*a)--)
		continue;
	return e;
}

/*
 * A title that names the body or place it is of before the person:
 * "Chair of the Federal Reserve Jerome Powell", "Governor of Ohio Mike
 * DeWine".  Back from b over at least min and at most OF_WORDS
 * capitalised words, then "the", then "of": the titles before that are
 * the person's.  Returns their length, their start in *start; 0 when
 * there are none.
 */
static size_t
title_of(const char *s, size_t b, size_t min, size_t *start)
{
	size_t	 a, e, nw;

	for (nw = 0;; nw++, b = a) {
		e = word_back(s, b, &a);
		if (nw == OF_WORDS || e == a || cap_word(s + a, e - a) != e - a)
			break;
	}
	if (nw < min)
		return 0;
	if (e - a == 3 && memcmp(s + a, "the", 3) == 0)
		e = word_back(s, a, &a);
	if (e - a != 2 || memcmp(s + a, "of", 2) != 0)
		return 0;
	return link_title_before(s, a, start, NULL);
}

/*
 * "Governor of Ohio Mike DeWine", which the tagger may take for one
 * place's name: after a title and "of", a name the dictionary knows, or
 * one that ends as organisations' or places' names do ("Port
 * Authority"), and two capitalised words or more are that name (*pre)
 * and a person with that title (*sp).  Returns 1 when it parts the span
 * so.
 */
static int
split_title_of(struct ent_finder *f, const char *s, struct span *sp,
    struct span *pre)
{
	size_t	 p, a, e, pe, nw, ts, tl;

	memset(pre, 0, sizeof(*pre));
	if ((tl = title_of(s, sp->start, 0, &ts)) == 0)
		return 0;
	for (p = sp->end, nw = 0;; p = a, nw++) {
		e = word_back(s, p, &a);
		if (a <= sp->start || cap_word(s + a, e - a) != e - a)
			return 0;
		pe = word_back(s, a, &p);
		if (nw >= 1 && (link_dict_lookup(f->dict, s + sp->start,
		    pe - sp->start, &pre->type, NULL, NULL) != 0 ||
		    link_name_end(s + p, pe - p, &pre->type)))
			break;
	}
	pre->start = sp->start;
	pre->end = pe;
	sp->start = a;
	sp->type = ENT_PERSON;
	sp->tstart = ts;
	sp->tlen = tl;
	return 1;
}

/*
 * A name the tagger called a person's, with words just outside its span
 * that make a thing of it: a storm's or a ship's before it ("Tropical
 * Storm" and "Selma", "USS" and "Carrow"), a work's or a product's after
 * it ("Show", "Linux"; see link_thing_word()).  The span takes them in
 * and is MISC.  Returns 1 when it is so.
 */
static int
thing_around(const char *s, size_t len, struct span *sp)
{
	size_t	 a, b, e, k;
	int	 found;

	found = 0;
	for (b = sp->start;; b = a) {
		e = word_back(s, b, &a);
		if (e == a || e + 1 != b || s[e] != ' ' ||
		    cap_word(s + a, e - a) != e - a ||
		    !link_thing_word(s + a, e - a, 0))
			break;
		sp->start = a;
		found = 1;
	}
	e = sp->end;
	if (e + 1 < len && s[e] == ' ' &&
	    (k = cap_word(s + e + 1, len - e - 1)) > 0 &&
	    link_thing_word(s + e + 1, k, 1)) {
		if (s[e + k] == '.')
			k--;
		sp->end = e + 1 + k;
		found = 1;
	}
	if (found)
		sp->type = ENT_MISC;
	return found;
}

/*
 * The length of the quotation mark or italic mark ('"', curly quotes,
 * '*', '_') that ends at s[e] (close 0) or starts there (close 1), or 0.
 */
static size_t
title_mark(const char *s, size_t len, size_t e, int close)
{
	static const char *const mark[2][5] = {
		{ "\"", "\xe2\x80\x9c", "\xe2\x80\x98", "*", "_" },
		{ "\"", "\xe2\x80\x9d", "\xe2\x80\x99", "*", "_" },
	};
	size_t	 i, n;

	for (i = 0; i < 5; i++) {
		n = strlen(mark[close][i]);
		if (close ? e + n <= len &&
		    memcmp(s + e, mark[close][i], n) == 0 :
		    e >= n && memcmp(s + e - n, mark[close][i], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A name of two words or more the tagger called a person's that is all a
 * pair of quotation marks or italic marks hold is a work's title (the
 * film "Marla Quenby"), MISC; not initials alone ("S. F."), not a
 * nickname between a given name and a surname (Jerome "Jay" Powell), nor
 * a name with more after it in the marks.  A comma or full stop may come
 * before the closing mark.
 */
static int
quoted_title(const char *s, size_t len, struct span *sp)
{
	size_t	 o, c, a, e, k;

	if (memchr(s + sp->start, ' ', sp->end - sp->start) == NULL ||
	    !has_word(s + sp->start, sp->end - sp->start) ||
	    (o = title_mark(s, len, sp->start, 0)) == 0)
		return 0;
	c = sp->end;
	if (c < len && (s[c] == ',' || s[c] == '.'))
		c++;
	if ((k = title_mark(s, len, c, 1)) == 0)
		return 0;
	e = word_back(s, sp->start - o, &a);
	if (e > a && cap_word(s + a, e - a) > 0)
		return 0;
	c += k;
	/* "‘Clara Whitby’s dog": the mark was an apostrophe. */
	if (c < len && (((s[c] | 0x20) >= 'a' && (s[c] | 0x20) <= 'z') ||
	    (unsigned char)s[c] >= 0x80))
		return 0;
	if (c + 1 < len && s[c] == ' ' && s[c + 1] >= 'A' && s[c + 1] <= 'Z')
		return 0;
	sp->type = ENT_MISC;
	return 1;
}

/*
 * Titles are not part of a person's name: take those the span starts
 * with off it, and note those just before it, as its title.  A title
 * inside the span ("Ohio Senator Dana Kell") cuts it; what
 * comes before the title is a mention of its own (*pre) when the
 * dictionary knows it.  Returns 1 when the span is nothing but a title
 * ("Dr."): no one is named; unless the title is a surname too and no
 * name follows (before_name): "Singer said", not "Singer" and "Marla
 * Quenby".
 */
static int
person_title(struct ent_finder *f, const char *s, size_t len,
    struct span *sp, int before_name, struct span *pre)
{
	size_t	 k, t, w;

	memset(pre, 0, sizeof(*pre));
	k = link_title_prefix(s + sp->start, sp->end - sp->start, NULL);
	if (k > 0 && sp->start + k >= sp->end) {
		if (before_name || !link_title_surname(s + sp->start,
		    sp->end - sp->start))
			return 1;
		k = 0;
	}
	if (k == 0) {
		for (w = sp->start + 1; w < sp->end; w++) {
			if (!doc_isspace((unsigned char)s[w - 1]) ||
			    s[w] < 'A' || s[w] > 'Z')
				continue;
			k = link_title_prefix(s + w, sp->end - w, NULL);
			if (k > 0 && w + k < sp->end)
				break;
			k = 0;
		}
		if (k > 0) {
			for (t = w; t > sp->start &&
			    doc_isspace((unsigned char)s[t - 1]); t--)
				continue;
			if (link_dict_lookup(f->dict, s + sp->start,
			    t - sp->start, &pre->type, NULL, NULL) != 0) {
				pre->start = sp->start;
				pre->end = t;
			}
			sp->start = w;
		}
	}
	if (k > 0) {
		for (t = k; t > 0 && doc_isspace((unsigned char)s[sp->start +
		    t - 1]); t--)
			continue;
		sp->tstart = sp->start;
		sp->tlen = t;
		sp->start += k;
		return 0;
	}
	sp->tlen = link_title_before(s, sp->start, &sp->tstart, NULL);
	if (sp->tlen == 0)
		sp->tlen = title_of(s, sp->start, 1, &sp->tstart);
	if (sp->tlen == 0)
		apposition(s, len, sp);
	return 0;
}

/*
 * German capitalises every noun, so a lone capitalised word inside German
 * quotation marks („Wir haben genug Geduld gezeigt“) is no sign of a
 * name; mark the one-word spans there, to be dropped unless they join a
 * fuller name.
 */
static void
german_quotes(const char *s, size_t len, struct span *sv, size_t ns)
{
	size_t	 i, k, open;

	open = (size_t)-1;
	/* Every quotation mark starts with the byte E2: jump from one to the
	 * next rather than compare at every byte. */
	for (i = 0, k = 0; i + 3 <= len; i++) {
		const char *q = memchr(s + i, 0xe2, len - 2 - i);

		if (q == NULL)
			break;
		i = (size_t)(q - s);
		if (memcmp(s + i, "\xe2\x80\x9e", 3) == 0)
			open = i;
		else if (open != (size_t)-1 &&
		    (memcmp(s + i, "\xe2\x80\x9c", 3) == 0 ||
		    memcmp(s + i, "\xe2\x80\x9d", 3) == 0)) {
			for (; k < ns && sv[k].start < i; k++)
				if (sv[k].start > open &&
				    sv[k].type == ENT_PERSON &&
				    memchr(s + sv[k].start, ' ',
				    sv[k].end - sv[k].start) == NULL)
					sv[k].german = 1;
			open = (size_t)-1;
		}
	}
}

/*
 * Has the text a word of two letters or more?  A person's name has one;
 * initials alone ("S. F.") are an abbreviation, not a name.
 */
static int
has_word(const char *s, size_t n)
{
	size_t	 i, run;
	int	 c;

	for (i = 0, run = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0x80) {
			/* A UTF-8 letter counts once, by its lead byte. */
			if (c < 0x80 || c >= 0xc0)
				run++;
			if (run >= 2)
				return 1;
		} else
			run = 0;
	}
	return 0;
}

/*
 * The user dictionary's names in the sentence, each starting and ending
 * at a token's edge; they replace the model's spans they overlap.
 */
static size_t
dict_spans(struct ent_finder *f, const char *s, size_t len)
{
	const struct tok *tv = f->tv;
	enum ent_type	 type;
	size_t		 i, j, k, n;
	struct span	*sp;

	if (f->dict == NULL || !link_dict_has_user(f->dict))
		return 0;
	n = 0;
	for (i = 0; i < f->nt; i++) {
		if (tv[i].kind == TOK_PUNCT && i > 0 &&
		    !(tv[i].flags & TOK_SPACE))
			continue;
		k = link_dict_match(f->dict, s + tv[i].off, len - tv[i].off,
		    &type);
		if (k == 0)
			continue;
		for (j = i; j < f->nt && tv[j].off + tv[j].len <
		    tv[i].off + k; j++)
			continue;
		if (j == f->nt || tv[j].off + tv[j].len != tv[i].off + k)
			continue;
		sp = new_span(f);
		sp->start = tv[i].off;
		sp->end = tv[i].off + k;
		sp->type = type;
		n++;
		i = j;
	}
	return n;
}

/*
 * The spans f->sv[from..ns) into the run f->sv[0..from) in text order,
 * by insertion: both runs are in text order already.
 */
static void
sort_spans(struct ent_finder *f, size_t from)
{
	struct span	 tmp;
	size_t		 i, d;

	for (i = from; i < f->ns; i++) {
		tmp = f->sv[i];
		for (d = i; d > 0 && f->sv[d - 1].start > tmp.start; d--)
			f->sv[d] = f->sv[d - 1];
		f->sv[d] = tmp;
	}
}

/*
 * "Typhoon Marisol", "HMS Wexcombe" where the tagger found no name: the
 * words that open a storm's or a ship's name (link_thing_word()) and the
 * capitalised words after them, none in a span, are a MISC name.  The
 * words after it stop at a common word (ner_common_word()) and after a
 * possessive.
 */
static void
storm_ship_spans(struct ent_finder *f, const char *s, size_t len)
{
	struct span	*sp;
	size_t		 i, j, a, p, e, k, n0, name, poss;

	n0 = f->ns;
	for (i = 0; i < f->nt; i++) {
		a = f->tv[i].off;
		p = a + f->tv[i].len;
		if (cap_word(s + a, p - a) != p - a ||
		    !link_thing_word(s + a, p - a, 0))
			continue;
		for (name = 0, e = p; p + 1 < len && s[p] == ' '; p += 1 + k) {
			k = cap_word(s + p + 1, len - p - 1);
			if (k > 1 && s[p + k] == '.')
				k--;
			if (k == 0)
				break;
			if (name == 0 && link_thing_word(s + p + 1, k, 0))
				continue;
			poss = possessive(s + p + 1, k);
			k -= poss;
			if (k == 0 || ner_common_word(f->ner, s + p + 1, k))
				break;
			name++;
			e = p + 1 + k;
			if (poss)
				break;
		}
		if (name == 0)
			continue;
		for (j = 0; j < f->ns; j++)
			if (f->sv[j].start < e && a < f->sv[j].end)
				break;
		if (j < f->ns)
			continue;
		sp = new_span(f);
		sp->start = a;
		sp->end = e;
		sp->type = ENT_MISC;
		while (i + 1 < f->nt && f->tv[i + 1].off < e)
			i++;
	}
	sort_spans(f, n0);
}

/*
 * The spans of the sentence at paragraph offset ps: the user
 * dictionary's, then the dateline's where no dictionary name is, in text
 * order, as f->sv[0..return).
 */
static size_t
fixed_spans(struct ent_finder *f, const char *s, size_t len, size_t ps)
{
	size_t		 nd, k, d;
	struct span	*sp;

	nd = dict_spans(f, s, len);
	for (k = 0; k < f->ndl; k++) {
		if (f->dl[k].start < ps || f->dl[k].end > ps + len)
			continue;
		for (d = 0; d < nd; d++)
			if (f->sv[d].start < f->dl[k].end - ps &&
			    f->dl[k].start - ps < f->sv[d].end)
				break;
		if (d < nd)
			continue;
		sp = new_span(f);
		*sp = f->dl[k];
		sp->start -= ps;
		sp->end -= ps;
	}
	sort_spans(f, nd);
	return f->ns;
}

/* Whether token t of s is the word w, as written. */
static int
tok_is(const char *s, const struct tok *t, const char *w)
{
	return strlen(w) == t->len && memcmp(s + t->off, w, t->len) == 0;
}

/*
 * The language of the document, for the rules that differ in German:
 * its commonest function words, counted up to 400 of them.
 */
static void
language(struct ent_finder *f, const char *s)
{
	const struct tok *t;
	size_t	 k;

	for (k = 0; k < f->nt && f->english + f->german < 400; k++) {
		t = &f->tv[k];
		if (t->len > 5 || t->kind != TOK_WORD)
			continue;
		if (tok_is(s, t, "the") || tok_is(s, t, "and") ||
		    tok_is(s, t, "of"))
			f->english++;
		else if (tok_is(s, t, "der") || tok_is(s, t, "und") ||
		    tok_is(s, t, "die") || tok_is(s, t, "nicht"))
			f->german++;
	}
}

int
ent_german(const struct ent_finder *f)
{
	return f->german > f->english;
}

/*
 * The tokens of the sentence that span sp covers, [*a, *e), found by
 * halving (a sentence may have thousands of tokens and spans); 0 when
 * the span does not start at a token.
 */
static int
span_toks(const struct ent_finder *f, const struct span *sp, size_t *a,
    size_t *e)
{
	size_t	 lo, hi, mid;

	for (lo = 0, hi = f->nt; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (f->tv[mid].off < sp->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	*a = lo;
	for (*e = lo; *e < f->nt && f->tv[*e].off < sp->end; (*e)++)
		continue;
	return lo < f->nt && f->tv[lo].off == sp->start && *e > lo;
}

static unsigned int
tok_class(const char *s, size_t len, const struct tok *t)
{
	return t->kind == TOK_WORD ? words_class(s + t->off, t->len,
	    len - t->off) : 0;
}

static int
tok_cap(const struct tok *t)
{
	return t->kind == TOK_WORD && (t->flags & TOK_UPPER);
}

/*
 * German capitalises every noun, and the tagger, trained on English,
 * takes what opens a sentence or a role before a name into the name:
 * "Auch Parteichef Jonas Adler", "Ministerpräsident Lars Holmvik".  The
 * name starts after them; a full name after an adverb is still one,
 * unlike one after a preposition ("Über Tim Wessel"), and a span that
 * still starts with a word that starts no name ("Dazu", "Nach") names
 * nothing: returns 0 then.
 */
static int
german_span(struct ent_finder *f, const char *s, size_t len, struct span *sp)
{
	const struct tok *tv = f->tv;
	size_t	 a, e, j, w;
	unsigned int b;

	if (!span_toks(f, sp, &a, &e))
		return 1;
	if (sp->type == ENT_PERSON) {
		for (j = a; j + 2 < e && ((b = tok_class(s, len, &tv[j])) &
		    QT_c) && !(b & (QT_b | QT_l)) && tok_cap(&tv[j + 1]); j++)
			continue;
		for (;;) {
			/* Hyphens join tokens into one word: "VW-Chef". */
			for (w = j; w + 1 < e && tv[w + 1].off ==
			    tv[w].off + tv[w].len; w++)
				continue;
			if (++w >= e || !tok_cap(&tv[w]) ||
			    !words_role_end(s + tv[j].off,
			    tv[w - 1].off + tv[w - 1].len - tv[j].off))
				break;
			j = w;
		}
		sp->start = tv[j].off;
		a = j;
	}
	b = tok_class(s, len, &tv[a]);
	return !(b & QT_c) || (b & QT_b);
}

/*
 * A one-word name compounded with a word that names publications and
 * websites ("Euronews", "Conservapedia"): an organisation's, not the
 * person the tagger may take it for.
 */
static int
org_end(const char *s, const struct span *sp)
{
	size_t	 n = sp->end - sp->start, k;
	const char *w = s + sp->start;

	if (memchr(w, ' ', n) != NULL)
		return 0;
	/* The endings of the list are four and five letters long. */
	for (k = 4; k <= 5 && k + 2 <= n; k++)
		if (INLIST(orgend, w + n - k, k))
			return 1;
	return 0;
}

/*
 * A person of one word that is a word starting no name ("Dazu", "Monday",
 * "Spaniards"): the tagger was misled by its capital.
 */
static int
no_person(struct ent_finder *f, const char *s, size_t len,
    const struct span *sp)
{
	size_t	 a, e;

	return span_toks(f, sp, &a, &e) && e == a + 1 &&
	    f->tv[a].off + f->tv[a].len == sp->end &&
	    (tok_class(s, len, &f->tv[a]) & QT_c);
}

/*
 * An organisation's name that runs on into a person's ("the head of the
 * Tenants Council Nils Brand said"): after the organisation's last head
 * word ("Council", "Ministry"), two or three capitalised words that
 * start with a given name, or two words that are no title, role or
 * other word the rules know, are a person of their own.  The organisation
 * goes to *org, the span becomes the person's; returns 1 then.
 */
static int
org_person(struct ent_finder *f, const char *s, size_t len,
    struct span *sp, struct span *org)
{
	const struct tok *tv = f->tv;
	size_t	 a, e, j, k;

	if (!span_toks(f, sp, &a, &e))
		return 0;
	for (j = e; j > a && !(tok_class(s, len, &tv[j - 1]) & QT_o); j--)
		continue;
	if (j == a || e - j < 2 || e - j > 3)
		return 0;
	/* Two words that the rules know no other way are a name too. */
	if (!(tok_class(s, len, &tv[j]) & (QT_f | QT_m)) && (e - j != 2 ||
	    tok_class(s, len, &tv[j]) || tok_class(s, len, &tv[j + 1])))
		return 0;
	for (k = j; k < e; k++)
		if (!tok_cap(&tv[k]) || tv[k].len < 2)
			return 0;
	memset(org, 0, sizeof(*org));
	org->start = sp->start;
	org->end = tv[j - 1].off + tv[j - 1].len;
	org->type = ENT_ORG;
	sp->start = tv[j].off;
	sp->type = ENT_PERSON;
	return 1;
}

/*
 * "Toronto Maple Leafs coach Craig Berube": capitalised words before a
 * role written in lower case before a person name the organisation the
 * person has the role in.  When the tagger left some of them out, or
 * took them for a person's name, and saw no organisation's or group's
 * name among them, the words, two or more, are one organisation's name
 * in place of the spans there ("Toronto" a place); not a possessive
 * and the words before it ("Calder's Labour mayor").  A sentence's first
 * word mostly written in lower case ("When"), or "The", is not part of
 * it.  The spans f->sv[0..f->ns) are in text order, and stay so.
 */
static void
org_before_role(struct ent_finder *f, const char *s)
{
	struct span	*sv = f->sv;
	size_t		 i, j, r, re, a, e, ts, nw;

	for (i = 0; i < f->ns; i++) {
		if (sv[i].type != ENT_PERSON ||
		    link_title_before(s, sv[i].start, &ts, NULL) == 0 ||
		    s[ts] < 'a' || s[ts] > 'z')
			continue;
		re = word_back(s, ts, &a);
		for (r = ts, nw = 0; nw < OF_WORDS; r = a, nw++) {
			e = word_back(s, r, &a);
			if (e == a || e + 1 != r || s[e] != ' ' ||
			    cap_word(s + a, e - a) != e - a ||
			    possessive(s + a, e - a))
				break;
		}
		if (r == 0 && nw > 0) {
			for (e = 0; e < re && s[e] != ' '; e++)
				continue;
			if ((e == 3 && memcmp(s, "The", 3) == 0) ||
			    ner_mostly_lower(s, e)) {
				r = e + 1;
				nw--;
			}
		}
		if (nw < 2)
			continue;
		/* The spans in [r, re): places' or people's only. */
		for (j = i; j > 0 && sv[j - 1].end > r; j--)
			if (sv[j - 1].start < r || (sv[j - 1].type != ENT_GPE &&
			    sv[j - 1].type != ENT_LOC &&
			    sv[j - 1].type != ENT_PERSON))
				break;
		if (j > 0 && sv[j - 1].end > r)
			continue;
		if (i - j == 1 && sv[j].type != ENT_PERSON &&
		    sv[j].start == r && sv[j].end == re)
			continue;
		if (j == i) {
			new_span(f);
			sv = f->sv;
			memmove(&sv[j + 1], &sv[j], (f->ns - 1 - j) * sizeof(*sv));
			i++;
		} else if (i - j > 1) {
			memmove(&sv[j + 1], &sv[i], (f->ns - i) * sizeof(*sv));
			f->ns -= i - j - 1;
			i = j + 1;
		}
		memset(&sv[j], 0, sizeof(sv[j]));
		sv[j].start = r;
		sv[j].end = re;
		sv[j].type = ENT_ORG;
	}
}

/*
 * Sentence s of paragraph offset ps, document offset off: its tokens,
 * and what ner_prepare() made of them or NULL.
 */
static void
sentence(struct ent_finder *f, const char *s, size_t len,
    unsigned long long off, size_t ps, const struct tok *tv, size_t nt,
    struct ner_tokinfo *ti, const struct ner_pre *np)
{
	const struct ner_span *ms;
	size_t		 nm, nd, i, d;
	struct span	*sp, pre;

	f->sentence++;
	if (nt == 0)
		return;
	f->tv = tv;
	f->nt = nt;
	language(f, s);
	sport(f, s, tv, nt);
	if (ti != NULL)
		nm = ner_tag_prepared(f->ner, s, tv, nt, ti, np, &ms);
	else
		nm = ner_tag_sentence(f->ner, s, tv, nt, &ms);
	f->ns = 0;
	nd = fixed_spans(f, s, len, ps);

	/* Model spans that no dictionary name overlaps, in text order. */
	for (i = 0, d = 0; i < nm; i++) {
		while (d < nd && f->sv[d].end <= ms[i].start)
			d++;
		if (d < nd && f->sv[d].start < ms[i].end)
			continue;
		sp = new_span(f);
		sp->start = ms[i].start;
		sp->end = ms[i].end;
		sp->type = (enum ent_type)ms[i].type;
	}
	sort_spans(f, nd);
	storm_ship_spans(f, s, len);
	org_before_role(f, s);
	german_quotes(s, len, f->sv, f->ns);
	for (i = 0; i < f->ns; i++) {
		sp = &f->sv[i];
		if (f->german > f->english && !german_span(f, s, len, sp))
			continue;
		strip_the(f, s, sp);
		if (sp->type == ENT_PERSON && org_end(s, sp))
			sp->type = ENT_ORG;
		if (sp->type == ENT_ORG && org_person(f, s, len, sp, &pre))
			add(f, s, off, &pre);
		if (sp->type != ENT_PERSON &&
		    split_title_of(f, s, sp, &pre))
			add(f, s, off, &pre);
		else if (sp->type == ENT_PERSON &&
		    !thing_around(s, len, sp) && !quoted_title(s, len, sp)) {
			if (no_person(f, s, len, sp) ||
			    person_title(f, s, len, sp, i + 1 < f->ns &&
			    f->sv[i + 1].type == ENT_PERSON &&
			    f->sv[i + 1].start == sp->end + 1, &pre) ||
			    !has_word(s + sp->start, sp->end - sp->start))
				continue;
			if (pre.end > pre.start)
				add(f, s, off, &pre);
		}
		add(f, s, off, sp);
	}
}

/* A word of a dateline's place: capitals, full stops, hyphens, quotes. */
static size_t
caps_word(const char *s, size_t n)
{
	size_t	 i, letters;
	int	 c;

	letters = 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c >= 0x80 && letters > 0)
			continue;
		else if (c != '.' && c != '-' && c != '\'')
			break;
	}
	return letters > 0 ? i : 0;
}

/* A capitalised word ("Calder", "Va.", "N.Y."), or 0. */
static size_t
cap_word(const char *s, size_t n)
{
	size_t	 i;
	int	 c;

	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (i = 1; i < n; i++) {
		c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0x80 || c == '.' || c == '-' || c == '\''))
			break;
	}
	return i;
}

/* The end of a run of capitalised words, one space apart, from i on. */
static size_t
cap_run(const char *p, size_t i, size_t lim)
{
	size_t	 k;

	while (i + 1 < lim && p[i] == ' ' &&
	    (k = cap_word(p + i + 1, lim - i - 1)) > 0)
		i += 1 + k;
	return i;
}

/* The length of a dash and the space after it at s, or 0. */
static size_t
dash(const char *s, size_t n)
{
	size_t	 k;

	if (n >= 3 && (memcmp(s, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x93", 3) == 0))
		k = 3;
	else if (n >= 2 && memcmp(s, "--", 2) == 0)
		k = 2;
	else if (n >= 1 && s[0] == '-')
		k = 1;
	else
		return 0;
	return k == n || doc_isspace((unsigned char)s[k]) ? k : 0;
}

/*
 * A dateline opens a news story: "BRUSSELS —", "ST. BRENDAN, Calder --",
 * "REDFIELD, Calder (Calder Wire) -".  The place in capitals and the
 * state or country after it are places, an agency in brackets is an
 * organisation; the model, which learnt from text in mixed case, often
 * gets them wrong.  Returns the spans found (in paragraph offsets).
 */
static size_t
dateline(struct ent_finder *f, const char *p, size_t n)
{
	size_t	 i, k, w, lim, ns;
	struct span *sp;
	char	 buf[DATELINE_MAX];

	lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	memset(f->dl, 0, sizeof(f->dl));
	/* The place, in capitals: one word or more. */
	for (i = 0, w = 0; (k = caps_word(p + i, lim - i)) > 0; ) {
		i += k;
		w++;
		if (i < lim && p[i] == ' ' && i + 1 < lim &&
		    caps_word(p + i + 1, lim - i - 1) > 0)
			i++;
		else
			break;
	}
	if (w == 0 || i < 2)
		return 0;
	f->dl[0].start = 0;
	f->dl[0].end = i;
	f->dl[0].type = ENT_GPE;
	f->dl[0].caps = 1;
	ns = 1;
	/* ", State" */
	if (i + 1 < lim && p[i] == ',' && p[i + 1] == ' ' &&
	    (k = cap_word(p + i + 2, lim - i - 2)) > 0) {
		sp = &f->dl[ns++];
		sp->start = i + 2;
		i = cap_run(p, i + 2 + k, lim);
		sp->end = i;
		sp->type = ENT_GPE;
	}
	/* " (Agency)" */
	if (i + 2 < lim && p[i] == ' ' && p[i + 1] == '(' &&
	    (k = cap_word(p + i + 2, lim - i - 2)) > 0) {
		sp = &f->dl[ns++];
		sp->start = i + 2;
		i = cap_run(p, i + 2 + k, lim);
		sp->end = i;
		sp->type = ENT_ORG;
		if (i >= lim || p[i] != ')')
			return 0;
		i++;
	}
	while (i < lim && doc_isspace((unsigned char)p[i]))
		i++;
	if (dash(p + i, n - i) == 0)
		return 0;
	/*
	 * Without a state or country after it, the capitals must be a place
	 * the tables know: "UPDATE -" and "EXCLUSIVE —" open stories too.
	 */
	if (ns == 1 && (f->dl[0].end > sizeof(buf) ||
	    !link_dict_lookup(f->dict, title_case(buf, p, f->dl[0].end),
	    f->dl[0].end, NULL, NULL, NULL)))
		return 0;
	return ns;
}


/*
 * Paragraphs made ready ahead: their sentences, tokens and the tagger's
 * facts and static scores.  The tokens of every sentence are kept; the
 * tagger's part, 100 bytes or so a token, only up to ENT_PREP_TOKS tokens
 * (the tagger does the rest itself), so that a paragraph of single
 * letters does not hold megabytes in each of the batches in flight.
 */
#define ENT_PREP_TOKS	32768

struct prep_sent {
	size_t		 s, e;		/* bytes of the paragraph */
	size_t		 t;		/* first token */
	size_t		 nt;
	size_t		 r;		/* its first in ti and pre */
	int		 ready;		/* ti and pre are set */
};

struct ent_prep {
	struct prep_sent *sv;
	size_t		 ns, scap;
	size_t		*pv;		/* each paragraph's first sentence */
	size_t		 np, pcap;
	struct tok_list	 tl;		/* every sentence's tokens */
	struct ner_tokinfo *ti;		/* for the first ENT_PREP_TOKS */
	struct ner_pre	*pre;
	size_t		 nready;
	unsigned	 share;		/* of the scores, per mille */
	unsigned	 acc;
};

struct ent_prep *
ent_prep_new(void)
{
	struct ent_prep *pp;

	pp = nu_calloc(1, sizeof(*pp));
	tok_list_init(&pp->tl);
	pp->ti = nu_reallocarray(NULL, ENT_PREP_TOKS, sizeof(*pp->ti));
	pp->pre = nu_reallocarray(NULL, ENT_PREP_TOKS, sizeof(*pp->pre));
	pp->share = 1000;
	return pp;
}

void
ent_prep_free(struct ent_prep *pp)
{
	if (pp == NULL)
		return;
	free(pp->sv);
	free(pp->pv);
	tok_list_free(&pp->tl);
	free(pp->ti);
	free(pp->pre);
	free(pp);
}

void
ent_prep_share(struct ent_prep *pp, unsigned share)
{
	pp->share = share > 1000 ? 1000 : share;
}

void
ent_prep_clear(struct ent_prep *pp)
{
	pp->ns = pp->np = pp->nready = 0;
	pp->tl.n = 0;
}

void
ent_prep_para(struct ent_prep *pp, const struct para *p)
{
	struct sent_iter it;
	struct prep_sent *ps;
	size_t		 s, e;

	if (pp->np == pp->pcap) {
		pp->pcap = pp->pcap ? pp->pcap * 2 : 64;
		pp->pv = nu_reallocarray(pp->pv, pp->pcap, sizeof(*pp->pv));
	}
	pp->pv[pp->np++] = pp->ns;
	sent_begin(&it, p->p, p->len);
	while (sent_next(&it, &s, &e)) {
		if (pp->ns == pp->scap) {
			pp->scap = pp->scap ? pp->scap * 2 : 256;
			pp->sv = nu_reallocarray(pp->sv, pp->scap,
			    sizeof(*pp->sv));
		}
		ps = &pp->sv[pp->ns++];
		ps->s = s;
		ps->e = e;
		ps->t = pp->tl.n;
		ps->nt = tok_text(&pp->tl, p->p + s, e - s);
		ps->ready = 0;
		if (ps->nt > 0 && pp->nready + ps->nt <= ENT_PREP_TOKS) {
			pp->acc += pp->share;
			ner_prepare(p->p + s, pp->tl.v + ps->t, ps->nt,
			    pp->ti + pp->nready, pp->pre + pp->nready,
			    pp->acc >= 1000);
			if (pp->acc >= 1000)
				pp->acc -= 1000;
			ps->r = pp->nready;
			ps->ready = 1;
			pp->nready += ps->nt;
		}
	}
}

int
ent_prep_sentence(const struct ent_prep *pp, size_t k, size_t j, size_t *s,
    size_t *e, const struct tok **tv, size_t *nt)
{
	const struct prep_sent *ps;
	size_t		 end;

	end = k + 1 < pp->np ? pp->pv[k + 1] : pp->ns;
	if (k >= pp->np || pp->pv[k] + j >= end)
		return 0;
	ps = &pp->sv[pp->pv[k] + j];
	*s = ps->s;
	*e = ps->e;
	*tv = pp->tl.v + ps->t;
	*nt = ps->nt;
	return 1;
}

void
ent_para_prepared(struct ent_finder *f, const struct para *p,
    struct ent_prep *pp, size_t k)
{
	struct prep_sent *ps;
	struct head	*h;
	size_t		 i, end;

	f->para = p->n;
	f->nf = 0;
	/* A dateline opens one of the first paragraphs of a story. */
	f->ndl = p->cont || p->n > DATELINE_PARAS ? 0 :
	    dateline(f, p->p, p->len);
	/* A short first paragraph without a full stop is a headline. */
	if (!p->cont && p->n <= HEAD_PARAS && f->nhead < HEAD_PARAS &&
	    p->len > 0 && p->len <= HEAD_MAX && p->p[p->len - 1] != '.') {
		h = &f->head[f->nhead++];
		h->off = p->off;
		h->sentence = f->sentence + 1;
		h->len = p->len;
		memcpy(h->text, p->p, p->len);
	}
	end = k + 1 < pp->np ? pp->pv[k + 1] : pp->ns;
	for (i = pp->pv[k]; i < end; i++) {
		ps = &pp->sv[i];
		sentence(f, p->p + ps->s, ps->e - ps->s, p->off + ps->s,
		    ps->s, pp->tl.v + ps->t, ps->nt,
		    ps->ready ? pp->ti + ps->r : NULL,
		    ps->ready ? pp->pre + ps->r : NULL);
	}
}

void
ent_para(struct ent_finder *f, const struct para *p)
{
	/* Made here: a caller that prepares ahead has its own. */
	if (f->prep == NULL)
		f->prep = ent_prep_new();
	ent_prep_clear(f->prep);
	ent_prep_para(f->prep, p);
	ent_para_prepared(f, p, f->prep, 0);
}
