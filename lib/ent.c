/*
 * ent.c - the entity mentions of a document (see ent.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ent_int.h"
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
void
ent_sport(struct ent_finder *f, const char *s, const struct tok *tv,
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
ent_name(const struct ent_finder *f, size_t ent, size_t *len)
{
	size_t	 r;

	if (ent == LINK_NONE || (r = link_root(f->ld, ent)) >=
	    LINK_MAX_ENTITIES || (f->ended && !(f->printed[r / 8] &
	    (1u << (r % 8)))))
		return NULL;
	return link_name(f->ld, ent, len);
}

int
ent_german(const struct ent_finder *f)
{
	return f->german > f->english;
}

/*
 * "ST. BRENDAN" as "St. Brendan": a dateline's capitals are how the place
 * is set, not how it is written, and it is named as written elsewhere.
 */
const char *
ent_title_case(char *dst, const char *s, size_t n)
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
void
ent_add(struct ent_finder *f, const char *s, unsigned long long off,
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
		name = ent_title_case(buf, name, len);
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
	    ent_dateline(f, p->p, p->len);
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
		ent_sentence(f, p->p + ps->s, ps->e - ps->s, p->off + ps->s,
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
