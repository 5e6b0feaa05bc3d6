/*
 * quote_names.c - the tokens of a paragraph and the people and
 * organisations of the document (see quote_int.h).  The names are the
 * mentions that `entities` finds (ent.h), so that a speaker is always a
 * NAME `entities` prints; here they are kept with when each was last
 * named or spoke, and their gender and role, for the pronouns and
 * descriptions that stand for them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "quote_int.h"
#include "sent.h"
#include "util.h"

/*
 * Tokens, sentences and names.
 */

/*
 * Room for n elements of the given size in p, which holds *cap: grown
 * by half again, so that longer and longer paragraphs cost amortised
 * time.  Returns the array, moved or not.
 */
void *
room(void *p, size_t *cap, size_t n, size_t size)
{
	if (n > *cap) {
		*cap = n + n / 2 + 64;
		p = nu_reallocarray(p, *cap, size);
	}
	return p;
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
	nh = nu_hash(s, n);
	lh = nu_hash(w, wn);
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
long long
act(const struct qent *e)
{
	return e->mention > e->speech ? e->mention : e->speech;
}

/*
 * Keep the entities that were named or spoke in a list, latest first,
 * so that the search for the latest fitting one stops early.
 */
void
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
int
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

/*
 * Whether token k is the surname of a person the document named; with
 * full, named with more than the surname ("Tobias Brandl").
 */
int
known_surname(const struct quote_doc *q, size_t k, int full)
{
	const char *w, *ew;
	size_t	 n, en;
	unsigned int lh;
	int	 x;

	w = tstr(q, k, &n);
	lh = nu_hash(w, n);
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
int
german_role(const struct quote_doc *q, size_t k, size_t e)
{
	const char *s;
	size_t	 n;

	s = q->p + q->tl.v[k].off;
	n = q->tl.v[e - 1].off + q->tl.v[e - 1].len - q->tl.v[k].off;
	return words_role_end(s, n);
}

/* The end of the word that starts at token k: hyphens join tokens. */
size_t
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
 * The next sentence, j, of the paragraph, and its tokens when
 * ent_prep_para() made them already (paragraph k of ep), else *tv is
 * NULL.
 */
static int
next_sent(const struct ent_prep *ep, size_t k, struct sent_iter *it,
    size_t j, size_t *s, size_t *e, const struct tok **tv, size_t *nt)
{
	if (ep != NULL)
		return ent_prep_sentence(ep, k, j, s, e, tv, nt);
	*tv = NULL;
	return sent_next(it, s, e);
}

/*
 * Tokenize the paragraph sentence by sentence and fill the token facts:
 * quote, sentence and word classes.  This needs nothing of the document
 * before the paragraph (see quote_prep).  The sentences and tokens are
 * taken from paragraph pk of ep when it is not NULL.
 */
void
tag_prep(struct quote_doc *q, const struct ent_prep *ep, size_t pk)
{
	struct sent_iter it;
	size_t	 s, e, first, k, i, j, n, tn, si, nt;
	struct tok *t;
	const struct tok *tv;
	const char *w;
	char	 buf[WORDS_LOOK_MAX];
	unsigned int bits;

	q->tl.n = 0;
	q->nsent = 0;
	if (ep == NULL)
		sent_begin(&it, q->p, q->len);
	i = 0;
	for (si = 0; next_sent(ep, pk, &it, si, &s, &e, &tv, &nt); si++) {
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
			q->sstart = room(q->sstart, &q->sscap, q->nsent + 1,
			    sizeof(q->sstart[0]));
			q->sstart[q->nsent++] = first;
			continue;
		}
		if (tv != NULL)
			tok_list_add(&q->tl, tv, nt);
		else
			tok_text(&q->tl, q->p + s, e - s);
		q->ti = room(q->ti, &q->ticap, q->tl.n, sizeof(q->ti[0]));
		q->sstart = room(q->sstart, &q->sscap, q->nsent + 1,
		    sizeof(q->sstart[0]));
		q->sstart[q->nsent] = first;
		for (k = first; k < q->tl.n; k++) {
			memset(&q->ti[k], 0, sizeof(q->ti[k]));
			q->ti[k].q = -1;
			q->ti[k].ent = -1;
			q->ti[k].sent = q->nsent;
			q->ti[k].link = TI_NOLINK;
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
			q->ti[j].link = m[i].ent == LINK_NONE ? TI_NOLINK :
			    (uint32_t)m[i].ent;
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
void
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
		if (ent >= 0 && q->ti[k].link != TI_NOLINK &&
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
