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

#include "quote_int.h"
#include "sent.h"
#include "util.h"

static const char	 empty[] = "";





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
 * Records.
 */

static void
flush(struct quote_doc *q)
{
	struct quote_rec r;
	struct pending *pd;
	size_t	 i, nl;
	const char *nm;

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
		    q->ents[pd->ent].link, &nl)) != NULL) {
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
	q->pend = room(q->pend, &q->pcap, q->npend + 1, sizeof(q->pend[0]));
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

/* What attribute() knows of quote i as it goes. */
struct att {
	struct span	*sp;
	size_t		 i;
	size_t		 lo, hi;	/* the words searched around it */
	size_t		 first;		/* its sentence's first token */
	int		 begins;	/* it opens its sentence */
	struct who	 w;		/* the speaker so far */
	size_t		 c, clen;	/* the cue, when cb is not 0 */
	unsigned int	 cb;
	size_t		 mine;		/* the cue taken, or (size_t)-1 */
	int		 cue_next;	/* the cue is right before it */
	int		 cue_after;	/* "...," said Reyes */
	int		 named_after;	/* a person named after it, no cue */
	int		 after_words;	/* words follow it in its sentence */
	int		 before;	/* the words before were searched */
	int		 far;		/* the cue after is another clause's */
	struct who	 wa;		/* what the words after found */
	size_t		 ca, clena;
	unsigned int	 cba;
	int		 same;		/* a second quote of the sentence */
};

/* The words after the quote: "...," Reyes said / said Reyes / - Reyes. */
static void
att_after(struct quote_doc *q, struct att *a, int *used)
{
	struct span *sp = a->sp;
	size_t	 i = a->i, k;

	k = sp->tc + 1;
	a->hi = sent_end(q, sp->tc);
	/*
	 * A quote that is a sentence of its own, and a short one
	 * after it: "We disagree." Reyes said.
	 */
	if (k == a->hi && k < q->tl.n && a->begins &&
	    sent_end(q, k) - k <= 6)
		a->hi = sent_end(q, k);
	if (i + 1 < q->nspans && q->spans[i + 1].to < a->hi)
		a->hi = q->spans[i + 1].to;
	/*
	 * After a quote that ended its sentence, words that end in
	 * a colon before the next quote introduce that one: "„...“
	 * Auch Christian Lindner äußerte sich: „...“".
	 */
	if (i + 1 < q->nspans && q->spans[i + 1].to == a->hi &&
	    a->hi > k && tis(q, a->hi - 1, ":") && sp->tc > sp->t0 &&
	    (tis(q, sp->tc - 1, ".") || tis(q, sp->tc - 1, "!") ||
	    tis(q, sp->tc - 1, "?")))
		a->hi = k;
	while (k < a->hi && !tword(q, k) && !q->ti[k].mark)
		k++;
	for (; k < a->hi && k < sp->tc + CTX_MAX; k++) {
		if ((a->cb = cue_at(q, k, &a->clen)) != 0 && !(a->cb & QT_s))
			break;
		a->cb = 0;
	}
	if (a->cb != 0 && k < a->hi) {
		a->c = k;
		subj_of(q, sp->tc + 1, a->hi, a->c, a->cb, a->clen, &a->w);
		if (a->w.found)
			used[a->mine = a->c] = 1;
		/* "...," said Reyes / "..." Reyes said: speech. */
		a->cue_after = a->w.found && (a->c <= sp->tc + 2 ||
		    (a->w.w0 <= sp->tc + 2 && a->w.w1 == a->c)) &&
		    sp->tc > sp->t0 && !tword(q, sp->tc - 1) &&
		    q->tl.v[sp->tc - 1].kind != TOK_NUM;
	} else if (sp->tc + 1 < a->hi && (tis(q, sp->tc + 1, "-") ||
	    tis(q, sp->tc + 1, "\xe2\x80\x94")) && sp->tc + 2 < a->hi &&
	    ent_at(q, sp->tc + 2) >= 0 &&
	    q->ents[ent_at(q, sp->tc + 2)].type != E_PLACE) {
		/* A byline: "..." - Nora Pell */
		a->w.ent = ent_at(q, sp->tc + 2);
		a->w.w0 = sp->tc + 2;
		a->w.w1 = q->ti[sp->tc + 2].e1;
		a->w.found = 1;
	}
	if (!a->w.found)
		a->cb = a->clen = 0;
	/* No cue, but a person named right after: "... », a dit X". */
	for (k = sp->tc + 1; !a->w.found && a->begins &&
	    !q->de && k < a->hi && k < sp->tc + 8; k++)
		if (ent_at(q, k) >= 0 &&
		    q->ents[ent_at(q, k)].type == E_PERSON &&
		    !q->ti[k].other && (k + 1 >= q->tl.n ||
		    !tis(q, q->ti[k].e1, "'s"))) {
			who_set(&a->w, ent_at(q, k), k, q->ti[k].e1);
			a->named_after = 1;
		}
	a->after_words = a->hi > sp->tc + 3;
}

/*
 * The words before the quote: Reyes said: "..." / according to Reyes,
 * "...", and which of them and the words after wins.
 */
static void
att_before(struct quote_doc *q, struct att *a, int *used)
{
	struct span *sp = a->sp;
	size_t	 k, blo;

	/*
	 * Before the quote: Reyes said: "..." / according to Reyes, "...".
	 * Also when the words after named nobody ("but warned that her
	 * government ..."): a name before wins then.
	 */
	a->wa = a->w;
	a->ca = a->c;
	a->cba = a->cb;
	a->clena = a->clen;
	if (a->w.found && a->w.ent < 0)
		a->w.found = 0;
	/*
	 * A quote inside its sentence whose cue after it is in a clause of
	 * its own, with a subject of its own ("Holm called it a "rare"
	 * event; Tovar said ...", "... called the demand "unusual", while
	 * Kerr called it ..."): the cue before it, in its own clause, is
	 * its, when there is one.  Not in German, whose verb often comes
	 * after a quote of its clause.
	 */
	if (a->w.found && !a->cue_after && !a->named_after && !a->begins &&
	    a->w.w0 > sp->tc && !q->de) {
		a->w.found = 0;
		a->far = 1;
	}
	if (!a->w.found && sp->to > a->lo) {
		a->before = 1;
		/* As after the quote, a cue is looked for CTX_MAX words back. */
		blo = sp->to - a->lo > CTX_MAX ? sp->to - CTX_MAX : a->lo;
		for (k = sp->to; k > blo; k--) {
			/* "said in a statement": the verb, not the phrase. */
			if ((a->cb = cue_at(q, k - 1, &a->clen)) != 0 &&
			    !used[k - 1] && (!(a->cb & QT_s) ||
			    !has_verb_before(q, blo, k - 1)))
				break;
			/* A phrase ("according to") is known at its start. */
			a->cb = 0;
		}
		if (a->cb != 0) {
			a->c = k - 1;
			/* A cue just before the quote makes it speech. */
			k = a->c + a->clen;
			if (k < sp->to && (tis(q, k, ",") || tis(q, k, ":") ||
			    tis(q, k, "that")))
				k++;
			a->cue_next = k == sp->to && (a->cb & (QT_v | QT_s)) &&
			    !(a->cb & QT_n);
			subj_of(q, a->lo, sp->to, a->c, a->cb, a->clen, &a->w);
			if (a->w.found)
				used[a->mine = a->c] = 1;
		}
		if (!a->w.found) {
			a->cb = a->clen = 0;
			/*
			 * "Reyes on the merger: "..."", "Reyes, also on the
			 * radio, defended it, "We ...": the clause's subject;
			 * after a comma, only for a quote that opens with a
			 * capital, as a sentence of speech does.
			 */
			if (tis(q, sp->to - 1, ":") ||
			    (tis(q, sp->to - 1, ",") && sp->t1 > sp->t0 &&
			    tcap(q, sp->t0))) {
				clause_subject(q, a->lo, sp->to - 1, &a->w);
				if (a->w.found && (a->w.ent < 0 ||
				    q->ents[a->w.ent].type != E_PERSON))
					a->w.found = 0;
				/*
				 * German puts the subject after the verb
				 * ("... stellte der Vorsitzende Jan Ott in
				 * Frage: „...“"): the one person of the
				 * clause.
				 */
				if (!a->w.found && q->de)
					one_person(q, clause_first(q, a->lo,
					    sp->to - 1), sp->to - 1, &a->w);
			}
		}
	}
	if (a->wa.found && (!a->w.found || a->w.ent < 0)) {
		if (a->far && a->mine != a->ca && a->mine != (size_t)-1)
			used[a->mine] = 0;
		a->w = a->wa;
		a->c = a->ca;
		a->cb = a->cba;
		a->clen = a->clena;
		a->cue_next = 0;
		a->mine = a->ca;
	} else if (a->wa.found && a->before) {
		a->cue_after = 0;	/* the name before won */
		/* The cue after, in its own clause, is for what follows. */
		if (a->far && a->ca != a->mine)
			used[a->ca] = 0;
	}
}

/*
 * Whether the quote is direct (*direct) and is kept at all: a partial
 * quote that reads as a scare quote, term or title is not, and its cue
 * is left to the next.
 */
static int
att_kind(struct quote_doc *q, struct att *a, int *used, int *direct)
{
	struct span *sp = a->sp;
	size_t	 i = a->i, nw;
	int	 titlish, allcaps, german, term, partial_ok, colon;

	/* A second quote in the writer's sentence: its speaker goes on. */
	a->same = !a->w.found && i > 0 && q->spans[i - 1].tc != (size_t)-1 &&
	    q->ti[q->spans[i - 1].tc].sent == q->ti[sp->to].sent &&
	    q->last_para == q->pn && q->last_ent >= 0;
	if (a->same)
		a->w.ent = q->last_ent;
	nw = count_words(q, sp, &titlish, &allcaps);
	german = q->de;
	/* "eine „Luftnummer“": after an indefinite article, no name. */
	if (german && allcaps && sp->to > a->lo &&
	    (q->ti[sp->to - 1].bits & QT_u))
		allcaps = 0;
	/* "the film's title: "..."": a short unattributed colon quote. */
	colon = tis(q, sp->to - 1, ":") && (a->cb != 0 || nw > 5 ||
	    (!titlish && !german));
	/*
	 * A short quote that opens a sentence which then goes on, with no
	 * punctuation of its own ("'Lumio' is a suite"), is a name.
	 */
	if (a->begins && a->cb == 0 && nw <= 4 && sp->tc != (size_t)-1 &&
	    sp->tc > sp->t0 && tword(q, sp->tc - 1) && sp->tc + 1 < q->tl.n &&
	    (tword(q, sp->tc + 1) || tis(q, sp->tc + 1, ":")) &&
	    q->ti[sp->tc + 1].sent == q->ti[sp->tc].sent) {
		a->begins = 0;
		a->w.ent = -1;
		a->w.found = 0;
	}
	*direct = a->begins || colon || a->cue_next || a->cue_after ||
	    (a->same && q->last_direct && tis(q, sp->to - 1, ",")) ||
	    (a->cb != 0 && !(a->cb & QT_n) && a->c + a->clen == sp->to) ||
	    (a->cb != 0 && a->c + a->clen + 1 == sp->to &&
	    tis(q, sp->to - 1, ",")) ||
	    (nw >= 8 && sp->tc != (size_t)-1 && sp->tc > sp->t0 &&
	    !tword(q, sp->tc - 1));
	if (!*direct) {
		/*
		 * German capitalises every noun, so a title or name stands
		 * out only as words that are all capitalised ("Berliner
		 * Zeitung", "Tea Party"), and words quoted inside reported
		 * speech are not told apart from it: a fragment is taken
		 * where it is named as someone's words ("bezeichnete den
		 * Plan als „völlig verfehlt“", "sprach von einer „…“"),
		 * even when the speaker is not found.
		 */
		term = german && !allcaps && ((term_intro(q, a->lo, sp->to) &&
		    verb_in_sentence(q, sp->to)) || joined(q, i));
		partial_ok = 1;
		if (scare_before(q, a->lo, sp->to))
			partial_ok = 0;
		else if (titlish && !german && nw <= 8)
			partial_ok = 0;
		else if ((a->cb & QT_n) && a->c + a->clen == sp->to && titlish)
			partial_ok = 0;
		else if (a->w.ent < 0 && !a->same && nw <= 1 && !term)
			partial_ok = 0;
		else if (german && !term)
			partial_ok = 0;
		else if (!a->w.found && !a->same && !term)
			partial_ok = 0;
		else if (nw == 0)
			partial_ok = 0;
		if (!partial_ok) {
			/*
			 * Words in quote marks that are no quote leave their
			 * cue to the quote after them: "sagte der
			 * „Süddeutschen Zeitung“: „...“".
			 */
			if (a->mine != (size_t)-1)
				used[a->mine] = 0;
			if (a->w.found && a->w.ent >= 0) {
				q->last_ent = a->w.ent;
				q->last_para = q->pn;
				q->last_direct = 0;
			}
			return 0;
		}
	}
	return 1;
}

/*
 * Attribute quote i of the paragraph and add its record.
 */
static void
attribute(struct quote_doc *q, size_t i, int *used)
{
	struct att at, *a = &at;
	struct span *sp = &q->spans[i];
	size_t	 k, prevc;
	int	 e, direct;

	if (sp->to == (size_t)-1)
		return;
	memset(a, 0, sizeof(*a));
	a->sp = sp;
	a->i = i;
	a->w.ent = -1;
	a->mine = (size_t)-1;
	a->first = sent_first(q, sp->to);
	/*
	 * Not before the quote before it, unless that was no quote but a
	 * name or a term: "sagte der „Süddeutschen Zeitung“: „...“".
	 */
	prevc = i > 0 && q->spans[i - 1].tc != (size_t)-1 &&
	    q->spans[i - 1].kept ? q->spans[i - 1].tc + 1 : 0;
	a->lo = a->first > prevc ? a->first : prevc;
	/* The quote opens its sentence (a dash or bracket may come first). */
	a->begins = sp->to == a->first || (sp->to == a->first + 1 &&
	    !tword(q, a->first) && !q->ti[a->first].mark);
	if (sp->closed && sp->tc != (size_t)-1)
		att_after(q, a, used);
	att_before(q, a, used);
	if (!att_kind(q, a, used, &direct))
		return;
	/* Nobody named: the speaker just before goes on. */
	if (!a->w.found && !a->same && (a->begins || sp->cont)) {
		e = -1;
		/*
		 * "Eide, a dock worker, was worried. "My father ..."": the
		 * person the sentence before is about, when it starts with
		 * one, speaks; else the speaker just before goes on.
		 */
		if (!sp->cont && a->lo > 0 && q->ti[a->lo - 1].q < 0 &&
		    !q->ti[a->lo - 1].mark) {
			k = sent_first(q, a->lo - 1);
			if ((e = ent_at(q, k)) >= 0 &&
			    (q->ents[e].type != E_PERSON ||
			    tis(q, q->ti[k].e1, "'s")))
				e = -1;
		}
		if (e < 0 && q->speech_ent >= 0 && !(a->after_words &&
		    q->speech_para != q->pn) && (q->speech_para == q->pn ||
		    (q->speech_para + 1 == q->pn && (i == 0 || sp->cont))))
			e = q->speech_ent;
		a->w.ent = e;
	}
	if (a->w.ent >= 0 && (a->w.found || !a->same) && !a->named_after)
		spoke(q, a->w.ent, a->c);
	if (a->w.ent >= 0 || a->w.found) {
		q->last_ent = a->w.ent;
		q->last_para = q->pn;
		q->last_direct = direct;
	}
	sp->kept = (direct ? QUOTE_DIRECT : QUOTE_PARTIAL) + 1;
	add_pending(q, sp->o1, sp->closed ? sp->c0 : q->len,
	    direct ? QUOTE_DIRECT : QUOTE_PARTIAL, a->c, a->cb ? a->clen : 0,
	    &a->w);
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

/*
 * The work on a paragraph that needs nothing of the document; its
 * sentences and tokens from paragraph k of ep, when not NULL.
 */
static void
prep_para(struct quote_doc *q, const struct para *pa,
    const struct ent_prep *ep, size_t k)
{
	q->p = pa->p;
	q->len = pa->len;
	q->off = pa->off;
	q->pn = pa->n;
	q->cut = pa->cont;
	find_marks(q);
	pair_marks(q);
	tag_prep(q, ep, k);
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
	tag_prep(q, NULL, 0);
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
	prep_para(q, pa, NULL, 0);
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
	/* The names' part first: the quotes' takes its tokens. */
	ent_prep_para(pp->ep, pa);
	prep_para(pp->v[pp->n], pa, pp->ep, pp->n);
	pp->n++;
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
