/*
 * quote_subj.c - the subject of a speech verb (see quote_int.h): a name
 * before or after it, through appositions and descriptions ("the
 * ministry's spokeswoman, Ana Ruiz, said"), or a pronoun or description
 * resolved against the people of the document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quote_int.h"
#include "util.h"

/* Words between a subject and its speech verb: "Reyes also said". */
static const char *const skipwords[] = {
	"again", "already", "also", "had", "has", "have", "however",
	"is", "just", "later", "once", "only", "previously", "publicly",
	"recently", "repeatedly", "reportedly", "separately", "simply",
	"then", "was", "were", "will", "would", "further", "has since",
	"had earlier", "earlier", "quickly", "initially", "first", "then",
	"last", "finally", "both", "all", "himself", "herself", "has",
};


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
resolve_person(struct quote_doc *q, size_t k, unsigned int bits, int skip)
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
		if (e->type != E_PERSON || i == skip)
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

/* A verb in -ing: "saying", "calling". */
static int
is_ing(const struct quote_doc *q, size_t c)
{
	const struct tok *t = &q->tl.v[c];

	return t->len > 4 && memcmp(q->p + t->off + t->len - 3, "ing", 3) == 0;
}

/*
 * The person an opening phrase in -ing is done to, when a pronoun at k
 * follows it: "Speaking to Brandt on the radio, he said" -- he is the
 * one speaking, so not Brandt.  The entity, or -1.
 */
static int
adjunct_object(const struct quote_doc *q, size_t k)
{
	size_t	 f, j;
	int	 e = -1;

	if (k < 2 || !tis(q, k - 1, ","))
		return -1;
	f = sent_first(q, k);
	if (f + 2 >= k || !tword(q, f) || !is_ing(q, f))
		return -1;
	for (j = f + 1; j + 1 < k; j++) {
		if (tis(q, j, ",") || q->ti[j].q >= 0 || q->ti[j].mark)
			return -1;
		if (e < 0 && ent_at(q, j) >= 0 &&
		    q->ents[ent_at(q, j)].type == E_PERSON)
			e = ent_at(q, j);
	}
	return e;
}

static int
resolve_pronoun(struct quote_doc *q, size_t k)
{
	return resolve_person(q, k, q->ti[k].bits, adjunct_object(q, k));
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
		return resolve_person(q, head, QT_h | (bits & (QT_m | QT_f)),
		    -1);
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
void
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
size_t
clause_first(const struct quote_doc *q, size_t lo, size_t c)
{
	size_t	 f = sent_first(q, c);

	if (f < lo)
		f = lo;
	return c - f > SUBJ_MAX ? c - SUBJ_MAX : f;
}

size_t
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
void
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
 * The subject right before a speech verb at c, that needs no look at
 * the segments further back: a pronoun ("she said"), "I" in a labelled
 * answer, the subject of the clause ("and said", "went on to say"), a
 * person before brackets.  Returns 1 when found; else *jp is where the
 * words that may stand between a subject and its verb begin.
 */
static int
subj_near(struct quote_doc *q, size_t lo, size_t c, struct who *w,
    size_t *jp)
{
	size_t	 j, b, sn;
	const char *s;
	int	 e;

	j = c;
	while (j > lo && tword(q, j - 1) && !is_pronoun(q, j - 1) &&
	    (s = tstr(q, j - 1, &sn), is_skipword(s, sn)))
		j--;
	if (j > lo && is_pronoun(q, j - 1)) {
		who_set(w, resolve_pronoun(q, j - 1), j - 1, j);
		return 1;
	}
	/* In an answer labelled with its speaker: "I said", "you wrote". */
	if (j > lo && q->label >= 0 && (tis(q, j - 1, "I") ||
	    (tis(q, j - 1, "you") && q->label_prev >= 0 &&
	    q->label_prev != q->label))) {
		who_set(w, tis(q, j - 1, "I") ? q->label : q->label_prev,
		    j - 1, j);
		return 1;
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
		return 1;
	}
	/* "Ann Kerr (R-Ohio) said": the person before the brackets. */
	if (j > lo + 2 && tis(q, j - 1, ")")) {
		for (b = j - 2; b > lo && j - b < 8 && !tis(q, b, "(") &&
		    !tis(q, b, ")"); b--)
			continue;
		if (b > lo && tis(q, b, "(") && (e = ent_at(q, b - 1)) >= 0 &&
		    q->ti[b - 1].e1 == b && q->ents[e].type == E_PERSON) {
			who_set(w, e, q->ti[b - 1].e0, b);
			return 1;
		}
	}
	*jp = j;
	return 0;
}

/*
 * A person named at the end of the segment [s0, j) before a speech
 * verb: the subject (set in w, with the role of token desc unless it is
 * -1), or, in an apposition that names someone else, the name before
 * it.  Returns 1 when set.
 */
static int
seg_person(struct quote_doc *q, size_t lo, size_t s0, size_t j, int desc,
    struct who *w)
{
	size_t	 b, d;
	int	 e, a;

	if ((e = ent_at(q, j - 1)) < 0 || q->ti[j - 1].e1 != j ||
	    q->ents[e].type != E_PERSON)
		return 0;
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
		return 1;
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
	return 1;
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
	int	 e, desc = -1, nseg, comma, org = -1;
	size_t	 g0 = 0, g1 = 0;
	size_t	 ow0 = 0, ow1 = 0;

	w->ent = -1;
	w->w0 = w->w1 = 0;
	w->found = 0;
	if (subj_near(q, lo, c, w, &j))
		return;
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
		if (seg_person(q, lo, s0, j, desc, w))
			return;
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

/*
 * The subject written after a speech verb that ends at token c:
 * "said Reyes", "said Dr. Amara Okafor, the firm's chief economist",
 * "said the spokesman, John Smith", "added he".
 */
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
		/*
		 * A name of one word after a role is one too: "sagte
		 * Bundesinnenminister Berg".
		 */
		for (b = k; k < hi && k < b + 4 && tcap(q, k); k++)
			if ((e = ent_at(q, k)) >= 0 &&
			    q->ents[e].type == E_PERSON &&
			    (q->ti[k].e1 - q->ti[k].e0 >= 2 ||
			    known_surname(q, k, 1) || (k > b &&
			    german_role(q, k - 1, k)))) {
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
void
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
void
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
unsigned int
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
int
has_verb_before(const struct quote_doc *q, size_t lo, size_t k)
{
	size_t	 clen;

	for (; k > lo; k--)
		if (cue_at(q, k - 1, &clen) & QT_v)
			return 1;
	return 0;
}
