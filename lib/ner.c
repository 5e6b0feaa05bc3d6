/*
 * ner: decode sentences with the compiled-in perceptron model.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "ner_model.h"
#include "ner_tab.h"
#include "nerfeat.h"

/*
 * Document history: the type each capitalised word (as written) got most
 * recently.  A fixed table, emptied when it fills, so memory does not grow
 * with the document.
 */
#define HIST_SLOTS	8192
#define HIST_MAX	6000
#define PER_SLOTS	1024
#define NER_PIECE	512	/* longest piece tagged at once, tokens */
#define PER_MAX		700

/* Lexicon bits of a word that is no part of a person's name. */
#define NOT_IN_NAME	(NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY | \
	NER_LX_ORGWORD | NER_LX_DEMONYM | NER_LX_DATE | NER_LX_LOCWORD | \
	NER_LX_ORGNAME | NER_LX_TITLE)

/* Is the word s[0..n) in list l of data/ner/rules.txt (ner_tab.h)? */
#define INLIST(l, s, n)	tok_inlist(ner_w_##l, \
	sizeof(ner_w_##l) / sizeof(ner_w_##l[0]), (s), (n))

struct ner {
	struct ner_tokinfo *ti;		/* the facts of the piece in hand */
	struct ner_tokinfo *own;	/* of a piece not prepared apart */
	const char	**sp;
	size_t		*lp;
	uint8_t		*lab;
	uint8_t		*up;		/* has an upper-case letter */
	size_t		 cap;		/* of the five arrays above */
	struct ner_span	*spans;
	size_t		 nspans, cspans;
	uint64_t	 hkey[HIST_SLOTS];
	uint8_t		 hval[HIST_SLOTS];
	size_t		 hn;
	uint64_t	 pkey[PER_SLOTS];	/* surnames of full names */
	size_t		 pn;
};

static const char *const ptype_names[NER_PT_COUNT] = {
	"PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"
};

static const char *const base_names[NER_NTYPES] = {
	"O", "PER", "LOC", "ORG", "MISC"
};

const char *
ner_type_name(int t)
{
	return t >= 0 && t < NER_PT_COUNT ? ptype_names[t] : "?";
}

const char *
ner_base_name(int t)
{
	return t >= 0 && t < NER_NTYPES ? base_names[t] : "?";
}

struct ner *
ner_new(void)
{
	struct ner *n;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		err(2, NULL);
	return n;
}

void
ner_free(struct ner *n)
{
	if (n == NULL)
		return;
	free(n->own);
	free(n->sp);
	free(n->lp);
	free(n->lab);
	free(n->up);
	free(n->spans);
	free(n);
}

void
ner_doc_begin(struct ner *n)
{
	memset(n->hkey, 0, sizeof(n->hkey));
	n->hn = 0;
	memset(n->pkey, 0, sizeof(n->pkey));
	n->pn = 0;
}

/*
 * The surnames of people named in full earlier in the document: a later
 * "Paris" after "Odile Paris" is the person, whatever the model thinks.
 */
static int
surname(struct ner *n, uint64_t k, int add)
{
	size_t i;

	k |= 1;
	for (i = k & (PER_SLOTS - 1); n->pkey[i] != 0;
	    i = (i + 1) & (PER_SLOTS - 1))
		if (n->pkey[i] == k)
			return 1;
	if (!add)
		return 0;
	if (n->pn >= PER_MAX) {
		memset(n->pkey, 0, sizeof(n->pkey));
		n->pn = 0;
		i = k & (PER_SLOTS - 1);
	}
	n->pkey[i] = k;
	n->pn++;
	return 1;
}

static uint8_t *
hist_slot(struct ner *n, uint64_t k, int create)
{
	size_t i;

	k |= 1;
	for (i = k & (HIST_SLOTS - 1); n->hkey[i] != 0;
	    i = (i + 1) & (HIST_SLOTS - 1))
		if (n->hkey[i] == k)
			return &n->hval[i];
	if (!create)
		return NULL;
	if (n->hn >= HIST_MAX) {
		ner_doc_begin(n);
		i = k & (HIST_SLOTS - 1);
	}
	n->hkey[i] = k;
	n->hn++;
	return &n->hval[i];
}

/* Lexicon lookup in the compiled table. */
static int
model_look(void *ctx, uint64_t h, struct ner_lexent *e)
{
	uint32_t key = NER_MODEL_KEY(h), i;

	(void)ctx;
	for (i = (uint32_t)h & ner_model_lmask; ner_model_lex[i].key != 0;
	    i = (i + 1) & ner_model_lmask)
		if (ner_model_lex[i].key == key) {
			e->bits = ner_model_lex[i].bits;
			e->lcr = ner_model_lex[i].lcr;
			return 1;
		}
	return 0;
}

int
ner_mostly_lower(const char *s, size_t len)
{
	struct ner_lexent e;

	return model_look(NULL, ner_hash_word(s, len), &e) &&
	    e.lcr >= NER_LCR_MOSTLY;
}

/*
 * A common word, not a name: one the training text writes mostly in
 * lower case, or one this document has written in lower case, and no
 * given name or surname the lexicon knows ("Lockdown" opening a sentence
 * of a text about a lockdown).
 */
int
ner_common_word(struct ner *n, const char *s, size_t len)
{
	struct ner_lexent e;
	uint64_t	 w = ner_hash_word(s, len);
	uint8_t		*h;

	if (model_look(NULL, w, &e)) {
		if (e.bits & (NER_LX_GIVEN | NER_LX_FIRST | NER_LX_LAST))
			return 0;
		if (e.lcr >= NER_LCR_MOSTLY)
			return 1;
	}
	return (h = hist_slot(n, NER_LOWKEY(w), 0)) != NULL &&
	    *h == NER_HIST_LOWER;
}

static void
grow(struct ner *n, size_t ntok)
{
	size_t c = n->cap ? n->cap : 64;

	if (ntok <= n->cap)
		return;
	while (c < ntok)
		c *= 2;
	if ((n->own = reallocarray(n->own, c, sizeof(*n->own))) == NULL ||
	    (n->sp = reallocarray(n->sp, c, sizeof(*n->sp))) == NULL ||
	    (n->lp = reallocarray(n->lp, c, sizeof(*n->lp))) == NULL ||
	    (n->lab = reallocarray(n->lab, c, 1)) == NULL ||
	    (n->up = reallocarray(n->up, c, 1)) == NULL)
		err(2, NULL);
	n->cap = c;
}

/*
 * The weight table is larger than the caches, so each feature costs a
 * memory access; fetching all of a token's slots before reading any lets
 * the accesses overlap instead of waiting for each in turn.
 */
#if defined(__GNUC__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

_Static_assert(NER_NLABELS == 9, "decide() sums exactly nine labels");

/* Add the weights of features f[0..nf) to sc. */
static void
score(const uint64_t *f, size_t nf, int32_t *sc)
{
	uint32_t row[NER_MAXFEAT];
	const struct ner_wslot *b1, *b2;
	size_t k;
	uint32_t key, r, s;

	for (k = 0; k < nf; k++) {
		PREFETCH(&ner_model_wslot[NER_MODEL_B1(f[k],
		    ner_model_wmask) * 4]);
		PREFETCH(&ner_model_wslot[NER_MODEL_B2(f[k],
		    ner_model_wmask) * 4]);
	}
	/* Eight compares, no branches: the row, or 0 when not found. */
	for (k = 0; k < nf; k++) {
		key = NER_MODEL_KEY(f[k]);
		b1 = &ner_model_wslot[NER_MODEL_B1(f[k], ner_model_wmask) * 4];
		b2 = &ner_model_wslot[NER_MODEL_B2(f[k], ner_model_wmask) * 4];
		r = 0;
		for (s = 0; s < 4; s++) {
			r |= b1[s].row & -(uint32_t)(b1[s].key == key);
			r |= b2[s].row & -(uint32_t)(b2[s].key == key);
		}
		row[k] = r;
		PREFETCH(ner_model_wval[r]);
	}
	/* Spelt out so that the sums stay in registers. */
	{
		int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0,
		    a6 = 0, a7 = 0, a8 = 0;

		for (k = 0; k < nf; k++) {
			const int16_t *w = ner_model_wval[row[k]];

			a0 += w[0];
			a1 += w[1];
			a2 += w[2];
			a3 += w[3];
			a4 += w[4];
			a5 += w[5];
			a6 += w[6];
			a7 += w[7];
			a8 += w[8];
		}
		sc[0] += a0;
		sc[1] += a1;
		sc[2] += a2;
		sc[3] += a3;
		sc[4] += a4;
		sc[5] += a5;
		sc[6] += a6;
		sc[7] += a7;
		sc[8] += a8;
	}
}

/* The scores of token i's static features (ner_feat_static). */
static void
score_static(const struct ner_tokinfo *ti, size_t ntok, size_t i,
    int32_t *sc, unsigned *blim)
{
	uint64_t f[NER_MAXFEAT];

	memset(sc, 0, NER_NLABELS * sizeof(*sc));
	score(f, ner_feat_static(ti, ntok, i, f, blim), sc);
}

/*
 * Score token i and return the best label allowed after y1; pre, when
 * not NULL, holds the scores of its static features, worked out ahead.
 */
static int
decide(const struct ner_tokinfo *ti, size_t ntok, size_t i, int y1, int y2,
    const struct ner_pre *pre)
{
	uint64_t f[NER_MAXFEAT];
	int32_t sc[NER_NLABELS];
	unsigned blim;
	int y, best;

	if (pre != NULL) {
		memcpy(sc, pre->sc, sizeof(sc));
		blim = pre->blim;
	} else
		score_static(ti, ntok, i, sc, &blim);
	score(f, ner_feat_dynamic(ti, i, y1, y2, blim, f), sc);
	best = NER_O;
	for (y = 1; y < NER_NLABELS; y++)
		if (ner_label_ok(y1, y) && sc[y] > sc[best])
			best = y;
	return best;
}

/*
 * Do tokens [a, b) read as a person's name: two or three capitalised
 * words, the first a given name, none a place's or organisation's word?
 * The model sometimes calls such a name MISC when a quotation comes
 * before it ("..." Maria Reyes, the firm's chief executive, said).
 */
static int
person_shape(const struct ner *n, size_t a, size_t b)
{
	const uint16_t other = NOT_IN_NAME;
	size_t i;

	if (b - a < 2 || b - a > 3 ||
	    !(n->ti[a].bits & (NER_LX_FIRST | NER_LX_GIVEN)))
		return 0;
	for (i = a; i < b; i++)
		if (!n->ti[i].cap || !n->ti[i].alpha || !n->ti[i].done ||
		    (n->ti[i].bits & other))
			return 0;
	return 1;
}

/*
 * "Chad Smith", "Georgia Brown": a given name that is also a place's,
 * and a surname, which the model, seeing the place, may take for one.
 * The surname must be no place's nor organisation's word, as "Park" in
 * "Florence Park" is; a whole name the lexicon knows is a place.
 */
static int
placed_person(const struct ner *n, size_t a, size_t b)
{
	const uint16_t place = NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY;
	const uint16_t other = NOT_IN_NAME | NER_LX_LOCTOK;
	const struct ner_tokinfo *f = &n->ti[a], *l = &n->ti[b - 1];

	/* "Chad Edward Renwick": a middle name may come between. */
	if (b - a == 3 && !(n->ti[a + 1].cap && n->ti[a + 1].done &&
	    (n->ti[a + 1].bits & (NER_LX_FIRST | NER_LX_GIVEN)) &&
	    !(n->ti[a + 1].bits & other)))
		return 0;
	return (b - a == 2 || b - a == 3) && f->cap && l->cap && l->alpha &&
	    f->done && l->done && (f->bits & (NER_LX_FIRST | NER_LX_GIVEN)) &&
	    (f->bits & place) && (f->pbits & place) == (f->bits & place) &&
	    (l->bits & NER_LX_LAST) && !(l->bits & other);
}

/*
 * Is token i a title before a name?  The lexicon's titles, and a few it
 * lacks that British and local news put before names ("Chief Constable
 * Sarah Boyd", "Det. Supt. Ana Ruiz"), which the model saw too rarely to
 * learn and which are not among its features.
 */
static int
titled(const struct ner *n, size_t i)
{
	return (n->ti[i].bits & NER_LX_TITLE) || (n->ti[i].cap &&
	    INLIST(title, n->sp[i], n->lp[i]));
}

/*
 * A word that opens the name of a mountain, lake or cape and no
 * person's: "Mont Blanc", which the model, seeing a surname, may take
 * for a person.  Not "Rio" or "Sierra", which are given names too.
 */
static int
geo_first(const struct ner *n, size_t a)
{
	return INLIST(geo_first, n->sp[a], n->lp[a]);
}

/*
 * A word that opens a storm's name, an event and no person's:
 * "Hurricane Milton", "Typhoon Haiyan".
 */
static int
storm(const struct ner *n, size_t a)
{
	return INLIST(storm, n->sp[a], n->lp[a]);
}

/*
 * Does token i start with a letter?  As ner_tokinfo's alpha, which only
 * tokens near a capitalised word have (ner_feat_sentence()).
 */
static int
word_at(const struct ner *n, size_t i)
{
	unsigned char c = (unsigned char)n->sp[i][0];

	return n->lp[i] > 0 && (tok_isletter(c) || c >= 0xC0);
}

static void
add_span(struct ner *n, const struct tok *toks, size_t a, size_t b, int base)
{
	struct ner_span *s;
	struct ner_lexent e;
	uint64_t h;
	size_t i;

	if (n->nspans == n->cspans) {
		size_t c = n->cspans ? n->cspans * 2 : 16;

		if ((s = reallocarray(n->spans, c, sizeof(*s))) == NULL)
			err(2, NULL);
		n->spans = s;
		n->cspans = c;
	}
	s = &n->spans[n->nspans++];
	s->base = base;
	s->tok_start = a;
	s->tok_end = b;
	s->start = toks[a].off;
	s->end = toks[b - 1].off + toks[b - 1].len;
	s->title = (size_t)-1;
	if (a > 0 && titled(n, a - 1) && n->ti[a - 1].cap)
		s->title = a - 1;

	/* Product types: the lexicon tells a GPE and a nationality. */
	h = n->ti[a].word;
	for (i = a + 1; i < b; i++)
		h = ner_hash_phrase(h, n->ti[i].word);
	if (!model_look(NULL, h, &e))
		e.bits = 0;
	/*
	 * A known organisation's full name is one, even where the training
	 * data called a website or a newspaper a work or a place.
	 */
	if ((e.bits & NER_LX_ORGNAME) && base != NER_PER)
		s->base = base = NER_ORG;
	else if ((base == NER_MISC && person_shape(n, a, b)) ||
	    (base == NER_LOC && placed_person(n, a, b)))
		s->base = base = NER_PER;
	switch (base) {
	case NER_PER:
		s->type = NER_PT_PERSON;
		break;
	case NER_ORG:
		s->type = NER_PT_ORG;
		break;
	case NER_LOC:
		s->type = e.bits & (NER_LX_COUNTRY | NER_LX_REGION |
		    NER_LX_CITY) ? NER_PT_GPE : NER_PT_LOC;
		break;
	default:
		s->type = e.bits & NER_LX_DEMONYM ? NER_PT_NORP : NER_PT_MISC;
		break;
	}
}

/* An article, whatever its case: GUM and CoNLL leave it out of names. */
static int
is_article(const char *s, size_t len)
{
	return (len == 3 && (s[0] | 0x20) == 't' && s[1] == 'h' &&
	    s[2] == 'e') || (len == 1 && (s[0] | 0x20) == 'a') ||
	    (len == 2 && (s[0] | 0x20) == 'a' && s[1] == 'n');
}

static int
is_poss(const char *s, size_t len)
{
	return (len == 2 && memcmp(s, "'s", 2) == 0) ||
	    (len == 4 && memcmp(s, "\xe2\x80\x99s", 4) == 0);
}

static int
is_bracket(const char *s, size_t len)
{
	return len == 1 && (s[0] == '[' || s[0] == ']' || s[0] == '(' ||
	    s[0] == ')' || s[0] == '{' || s[0] == '}');
}

/* May token i begin (end) an entity span? */
static int
edge_ok(const struct ner *n, const struct tok *toks, size_t i, int end)
{
	if (is_poss(n->sp[i], n->lp[i]))
		return 0;
	switch (toks[i].kind) {
	case TOK_PUNCT:
		return 0;
	case TOK_NUM:
		return 1;
	default:
		/* Weekdays and months are never part of a name. */
		if (n->ti[i].bits & NER_LX_DATE)
			return 0;
		/*
		 * A lower-case noun may end a name ("Republican party",
		 * "Cape Wrath lighthouse"), a short function word may not.
		 */
		if (end)
			return n->ti[i].cap || n->lp[i] > 3;
		/* "Texas-based Delmar Energy": where it is, not its name. */
		if (n->lp[i] > 6 &&
		    memcmp(n->sp[i] + n->lp[i] - 6, "-based", 6) == 0)
			return 0;
		return !is_article(n->sp[i], n->lp[i]);
	}
}

/*
 * A word the lexicon knows as one written in lower case, of four
 * letters or more, between capitalised words is no part of a person's
 * or an organisation's name ("The Federal Trade Commission sued Amazon"
 * names two), whatever the labels say; short function words ("Bank of
 * America") are shorter, and a lower-case noun that ends a name
 * ("Republican party") has no capitalised word after it.
 */
static int
verb_inside(const struct ner *n, size_t i)
{
	return !n->ti[i].cap && n->ti[i].done && n->ti[i].alpha &&
	    n->lp[i] >= 4 && n->ti[i].lcr >= NER_LCR_MOSTLY;
}

/*
 * A name does not begin with a middle initial: in "Image: Edna P.
 * Marchetti" the capitalised word the model left before "P." is the
 * first name, unless it is a title or a common word.
 */
static int
first_before(const struct ner *n, size_t a)
{
	const struct ner_tokinfo *p = &n->ti[a - 1];

	return n->lp[a] == 2 && n->sp[a][1] == '.' &&
	    n->sp[a][0] >= 'A' && n->sp[a][0] <= 'Z' &&
	    n->lab[a - 1] == NER_O && p->cap && p->alpha && p->done &&
	    !(p->bits & NER_LX_TITLE) && (p->lcr < NER_LCR_MOSTLY ||
	    (p->bits & (NER_LX_FIRST | NER_LX_GIVEN)));
}

static int	place_of(const struct ner *, size_t);

/*
 * "The regional newspaper Le Courrier de la Sarre", "the broadcaster
 * RTE": a name right after the kind of the press is an organisation's,
 * as news NER has it, where the model saw a work or a place.
 */
static int
press_before(const struct ner *n, size_t a)
{
	return a >= 1 && INLIST(press_kind, n->sp[a - 1], n->lp[a - 1]);
}

/*
 * A kind of company or of press after a modifier before the name: "the
 * software company X", "store chains X", "Greek daily X" name an
 * organisation, whatever the model saw.  Not after an article or a
 * possessive, when the name may be the subject of a clause that
 * follows ("the company Jane Roe founded").  No kind is shorter than
 * four letters, which spares the look-up after "the", "of" and "and".
 */
static int
kind_before(const struct ner *n, size_t a)
{
	unsigned char c;

	if (a < 2 || n->lp[a - 1] < 4 ||
	    (!INLIST(org_kind, n->sp[a - 1], n->lp[a - 1]) &&
	    !INLIST(press_kind, n->sp[a - 1], n->lp[a - 1])))
		return 0;
	c = (unsigned char)n->sp[a - 2][0];
	return (c >= 0x80 || (c | 0x20) - 'a' < 26) &&
	    !INLIST(determiner, n->sp[a - 2], n->lp[a - 2]);
}

/*
 * No name at all: a title alone ("in Washington, Sen. Ana Ruiz", where
 * the model took "Sen." for a place), or a lawmaker's party and state
 * after the name (", D-Mass.," "(R-Texas)").
 */
static int
no_name(const struct ner *n, size_t a, size_t b)
{
	const char *s = n->sp[a];

	if (b - a != 1)
		return 0;
	if ((n->ti[a].bits & NER_LX_TITLE) &&
	    !(n->ti[a].bits & (NER_LX_FIRST | NER_LX_LAST)))
		return 1;
	return a > 0 && n->lp[a] >= 3 && (s[0] == 'D' || s[0] == 'R' ||
	    s[0] == 'I') && s[1] == '-' && s[2] >= 'A' && s[2] <= 'Z' &&
	    n->lp[a - 1] == 1 && (n->sp[a - 1][0] == ',' ||
	    n->sp[a - 1][0] == '(');
}

/*
 * A nationality said as a noun ("the Spaniard said") is a NORP, which
 * the model, seeing a capitalised subject, may take for a person.
 */
static int
demonym_noun(const struct ner *n, size_t a, size_t b)
{
	return b - a == 1 && INLIST(nation_noun, n->sp[a], n->lp[a]);
}

#define PLACE_BITS	(NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY)

/*
 * The people of a place, named by the place and a suffix ("Kenyans",
 * "Berliners", "Ohioans"), or a nationality of the lexicon and a plural
 * s, is a NORP, which the model, seeing a capitalised word it does not
 * know, may take for a person or a place.  Not a word the lexicon knows
 * as a person's name ("Roman").  Only words that end as the suffixes do
 * are looked up.
 */
static int
people_of(const struct ner *n, size_t a, size_t b)
{
	const char *const *suf = ner_w_people_suffix;
	const char	*s = n->sp[a];
	size_t		 len = n->lp[a], i, k;
	struct ner_lexent e;

	if (b - a != 1 || len < 5 || !n->ti[a].done ||
	    (s[len - 1] != 's' && s[len - 1] != 'n' && s[len - 1] != 'e') ||
	    (n->ti[a].bits & (NER_LX_FIRST | NER_LX_LAST | NER_LX_GIVEN)))
		return 0;
	if (s[len - 1] == 's' && model_look(NULL, ner_hash_word(s, len - 1),
	    &e) && (e.bits & NER_LX_DEMONYM))
		return 1;
	for (i = 0; i < sizeof(ner_w_people_suffix) / sizeof(*suf); i++) {
		k = strlen(suf[i]);
		if (len >= k + 4 && memcmp(s + len - k, suf[i], k) == 0 &&
		    model_look(NULL, ner_hash_word(s, len - k), &e) &&
		    (e.bits & PLACE_BITS))
			return 1;
	}
	return 0;
}

/*
 * Turn labels into spans, with the CoNLL clean-ups the model sometimes
 * misses: an article, a possessive, a weekday or punctuation at either
 * edge, a short lower-case word at the end, and a leading title inside a
 * person's name.
 */
static void
make_spans(struct ner *n, const struct tok *toks, size_t ntok, size_t base)
{
	size_t i, a, b, first = n->nspans;
	int t, norp;

	for (i = 0; i < ntok; ) {
		if (n->lab[i] == NER_O) {
			i++;
			continue;
		}
		t = NER_LABEL_TYPE(n->lab[i]);
		a = i;
		/*
		 * A bracket ends a name: "[Anna K.] Berg" in an edited
		 * quotation is two mentions, whatever the labels say.
		 */
		for (b = i + 1; b < ntok && n->lab[b] == 2 * t &&
		    !is_bracket(n->sp[b], n->lp[b]); b++)
			if ((t == NER_ORG || t == NER_PER) && b + 1 < ntok &&
			    n->lab[b + 1] == 2 * t && n->ti[b + 1].cap &&
			    verb_inside(n, b)) {
				n->lab[b] = NER_O;
				break;
			}
		i = b;
		while (a < b && !edge_ok(n, toks, a, 0))
			a++;
		while (b > a && !edge_ok(n, toks, b - 1, 1))
			b--;
		if (t == NER_PER)
			while (b - a > 1 && titled(n, a) &&
			    !(n->ti[a].bits & (NER_LX_FIRST | NER_LX_LAST)))
				a++;
		/*
		 * A title before a person is no part of the name before it
		 * either: "FMC Chair Ingrid Solberg" is FMC, then a person.
		 */
		else if (b == i && b < ntok && n->lab[b] == NER_B_PER)
			while (b - a > 1 && titled(n, b - 1))
				b--;
		/*
		 * Nor are the words between a place and a title before a
		 * person: "U.S. District Judge Lewis Kaplan", "U.S. Trade
		 * Representative Katherine Tai" name the country alone.
		 */
		else if (t == NER_LOC && b == i && b + 1 < ntok &&
		    n->lab[b] == NER_O && n->lab[b + 1] == NER_B_PER &&
		    titled(n, b))
			while (b - a > 1 && !(n->ti[b - 1].bits &
			    (NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY)))
				b--;
		if (a >= b || no_name(n, a, b))
			continue;
		if (t == NER_PER && a > 0 && first_before(n, a))
			a--;
		/*
		 * A person's surname the document gave in a full name goes
		 * on a first name the tagger stopped at: "Tom" in "the Tom
		 * Cruise video" once "Tom Cruise" was named.
		 */
		if (t == NER_PER && b == i && b < ntok && n->lab[b] == NER_O &&
		    n->ti[b].cap && n->ti[b].done &&
		    surname(n, n->ti[b].exact, 0))
			i = ++b;
		if (t == NER_PER && b - a >= 2 && geo_first(n, a))
			t = NER_LOC;
		else if (t == NER_PER && b - a >= 2 && storm(n, a))
			t = NER_MISC;
		if (t == NER_PER && b - a >= 2 && n->ti[b - 1].cap)
			surname(n, n->ti[b - 1].exact, 1);
		else if (b - a == 1 && t != NER_PER &&
		    surname(n, n->ti[a].exact, 0))
			t = NER_PER;
		if (t != NER_ORG && ((t != NER_PER && press_before(n, a)) ||
		    kind_before(n, a)))
			t = NER_ORG;
		if ((norp = demonym_noun(n, a, b) || people_of(n, a, b)))
			t = NER_MISC;
		add_span(n, toks, a, b, t);
		if (t == NER_LOC && place_of(n, a))
			n->spans[n->nspans - 1].type = NER_PT_GPE;
		else if (norp)
			n->spans[n->nspans - 1].type = NER_PT_NORP;
	}
	/* Token numbers count from the start of the whole sentence. */
	for (i = first; i < n->nspans; i++) {
		n->spans[i].tok_start += base;
		n->spans[i].tok_end += base;
		if (n->spans[i].title != (size_t)-1)
			n->spans[i].title += base;
	}
}

/*
 * A company's legal form, which ends its name: "Inc.", "Corp", "Ltd.",
 * "GmbH" (a full stop after it or not), or its trade, which ends a
 * company's name as its form does and no person's ("Halvorsen Biotech",
 * "Brannock Textiles").
 */
static int
legal_form(const char *s, size_t len)
{
	if (len > 1 && s[len - 1] == '.')
		len--;
	return INLIST(legal_form, s, len) || INLIST(trade, s, len);
}

/*
 * A word that ends the name of a public body or an institution
 * ("Federal Markets Commission", "Calder State University").  Not
 * "Bank" (the West Bank), "Party" or "Court" (Earls Court).
 */
static int
org_head(const char *s, size_t len)
{
	return INLIST(public_head, s, len);
}

#define LEGAL_RUN	4	/* capitalised words before a legal form */

/*
 * The start of the name the model left out that ends at token i: up to
 * LEGAL_RUN capitalised words before it that it left out too and that
 * are no title or date, less an article or a common word opening the
 * sentence ("Shares").  Returns i when no word is left before it.
 */
static size_t
left_out_run(const struct ner *n, size_t i)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t a = i;

	while (a > 0 && i - a < LEGAL_RUN && ti[a - 1].cap &&
	    ti[a - 1].alpha && ti[a - 1].done &&
	    !(ti[a - 1].bits & (NER_LX_TITLE | NER_LX_DATE)) &&
	    n->lab[a - 1] == NER_O)
		a--;
	while (a < i && (is_article(n->sp[a], n->lp[a]) ||
	    (ti[a].init && ti[a].lcr >= NER_LCR_MOSTLY)))
		a++;
	return a;
}

/*
 * A name ending in a legal form is an organisation's, whatever the
 * model said: a name it typed otherwise ("Pellworth" PER, "Data Corp."
 * O) becomes one ORG, and capitalised words it left out before "Corp."
 * are taken, up to LEGAL_RUN of them, less an opening common word
 * ("Shares").  So is a run of capitalised words ending in the head word
 * of a public body that the model left out altogether ("The Federal
 * Markets Commission on Thursday sued").
 */
static void
legal_names(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i, a, k;

	for (i = 1; i < ntok; i++) {
		if (!ti[i].cap || !ti[i - 1].cap || (n->lab[i] != NER_O &&
		    NER_LABEL_TYPE(n->lab[i]) == NER_ORG))
			continue;
		if (!legal_form(n->sp[i], n->lp[i]) &&
		    (n->lab[i] != NER_O || n->lab[i - 1] != NER_O ||
		    !org_head(n->sp[i], n->lp[i])))
			continue;
		a = i;
		if (n->lab[i - 1] != NER_O) {
			while (a > 0 && n->lab[a - 1] != NER_O &&
			    !NER_LABEL_ISB(n->lab[a]))
				a--;
		} else
			a = left_out_run(n, i);
		if (a == i)
			continue;
		n->lab[a] = NER_B_ORG;
		for (k = a + 1; k <= i; k++)
			n->lab[k] = NER_I_ORG;
	}
}

/*
 * "The Kremlin said", "Downing Street said": a known organisation's
 * name (data/ner/orgs.txt) that the model left out is one, when it is
 * the whole of its run of capitalised words (an article may open it) and
 * no common word: a name of one word must be one rarely written in
 * lower case ("Kremlin", not "Shell" or "Target").
 */
static void
known_orgs(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	struct ner_lexent e;
	uint64_t h;
	size_t a, b, k;
	int rare;

	for (a = 0; a < ntok; a++) {
		if (!(ti[a].pbits & NER_LX_ORGNAME) || n->lab[a] != NER_O ||
		    !ti[a].cap || (a > 0 && ti[a - 1].cap &&
		    !is_article(n->sp[a - 1], n->lp[a - 1])))
			continue;
		h = ti[a].word;
		b = model_look(NULL, h, &e) && (e.bits & NER_LX_ORGNAME) ?
		    a + 1 : 0;
		for (k = a + 1; k < ntok && k < a + NER_MAXPHRASE; k++) {
			h = ner_hash_phrase(h, ti[k].word);
			if (!model_look(NULL, h, &e))
				break;
			if (e.bits & NER_LX_ORGNAME)
				b = k + 1;
			if (!(e.bits & NER_LX_PHRASE))
				break;
		}
		if (b == 0 || (b < ntok && ti[b].cap))
			continue;
		for (k = a, rare = 0; k < b && n->lab[k] == NER_O; k++)
			rare |= ti[k].cap && ti[k].lcr <= NER_LCR_RARE;
		if (k < b || (!rare && b - a < 2))
			continue;
		n->lab[a] = NER_B_ORG;
		for (k = a + 1; k < b; k++)
			n->lab[k] = NER_I_ORG;
		a = b - 1;
	}
}

/*
 * "A Home Office spokesperson said", "an Interior Ministry official":
 * two or more capitalised words the model left out before the word for
 * someone who speaks for an organisation are the organisation's name,
 * unless one is a date, a title, a nationality or a place the lexicon
 * knows.
 */
static void
speakers_for(struct ner *n, size_t ntok)
{
	const uint16_t not = NER_LX_DATE | NER_LX_TITLE | NER_LX_DEMONYM |
	    NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY;
	size_t i, a, k;

	for (i = 1; i < ntok; i++) {
		if (n->lab[i] != NER_O || n->lab[i - 1] != NER_O ||
		    !n->ti[i - 1].cap ||
		    !INLIST(speaker_role, n->sp[i], n->lp[i]))
			continue;
		/* One word may be a people's ("Ilocano officials"). */
		if ((a = left_out_run(n, i - 1)) + 1 >= i)
			continue;
		for (k = a; k < i; k++)
			if (n->ti[k].bits & not)
				break;
		if (k < i)
			continue;
		n->lab[a] = NER_B_ORG;
		for (k = a + 1; k < i; k++)
			n->lab[k] = NER_I_ORG;
	}
}

/*
 * "Russian President Vladimir Putin": a nationality the lexicon knows,
 * standing alone before a title, is a NORP (a MISC span of a demonym, see
 * add_span()), which the model leaves out, having learnt from data that
 * does not mark nationalities.  Not everywhere: a NORP of every
 * nationality adjective changes how the document's other names link
 * ("Australian" and the Australian broadcaster), and cost F1 0.003 on
 * the dev sets.
 */
static void
nationalities(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i;

	for (i = 0; i < ntok; i++)
		if (n->lab[i] == NER_O && ti[i].cap &&
		    (ti[i].bits & NER_LX_DEMONYM) &&
		    (i == 0 || n->lab[i - 1] != NER_O || !ti[i - 1].cap) &&
		    i + 1 < ntok && n->lab[i + 1] == NER_O &&
		    ti[i + 1].cap && titled(n, i + 1))
			n->lab[i] = NER_B_MISC;
}

/*
 * "Downing Street said", "stocks on Wall Street": a run of capitalised
 * words the model left out that ends in the kind of a street, river or
 * the like is a place's name, as one ending in a public body's head word
 * is an organisation's (legal_names()).  Not "Park" or "Hill", which
 * end people's names too.
 */
static int
place_head(const char *s, size_t len)
{
	return INLIST(place_head, s, len);
}

static void
place_names(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i, a, k;

	for (i = 1; i < ntok; i++) {
		if (n->lab[i] != NER_O || !ti[i].cap || !ti[i - 1].cap ||
		    n->lab[i - 1] != NER_O || !place_head(n->sp[i], n->lp[i]))
			continue;
		if ((a = left_out_run(n, i)) == i)
			continue;
		n->lab[a] = NER_B_LOC;
		for (k = a + 1; k <= i; k++)
			n->lab[k] = NER_I_LOC;
	}
}

/*
 * "The canton of Vellen", "the city of Harwick": a name after a kind of
 * place and "of" is that place's, whatever the model said (see
 * places_of()).
 */
static int
place_of(const struct ner *n, size_t a)
{
	if (a < 2 || n->lp[a - 1] != 2 || memcmp(n->sp[a - 1], "of", 2) != 0)
		return 0;
	return INLIST(place_kind, n->sp[a - 2], n->lp[a - 2]);
}

/*
 * The model's labels for a capitalised word after a kind of place and
 * "of" ("the canton of Vellen", which it read as a person or as no name)
 * become a place's; make_spans() types it GPE.
 */
static void
places_of(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i;

	for (i = 2; i < ntok; i++) {
		if (!ti[i].cap || !ti[i].alpha || !ti[i].done ||
		    (n->lab[i] != NER_O && n->lab[i] != NER_B_PER) ||
		    ti[i].lcr >= NER_LCR_MOSTLY || !place_of(n, i))
			continue;
		n->lab[i] = NER_B_LOC;
		while (++i < ntok && (n->lab[i] == NER_I_PER ||
		    (n->lab[i] == NER_O && ti[i].cap && ti[i].alpha)))
			n->lab[i] = NER_I_LOC;
	}
}

/*
 * A picture's credit, "(Jonah Reyes/Calder Wire)": the capitalised
 * words after the photographer's name and a slash, up to the closing
 * bracket, are the agency's, which the model does not see.
 */
static void
credits(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i, k;

	for (i = 1; i + 2 < ntok; i++) {
		if (n->lp[i] != 1 || n->sp[i][0] != '/' ||
		    NER_LABEL_TYPE(n->lab[i - 1]) != NER_PER)
			continue;
		for (k = i + 1; k < ntok && ti[k].cap && ti[k].alpha &&
		    n->lab[k] == NER_O; k++)
			continue;
		if (k == i + 1 || k == ntok || n->lp[k] != 1 ||
		    n->sp[k][0] != ')')
			continue;
		n->lab[i + 1] = NER_B_ORG;
		while (++i + 1 < k)
			n->lab[i + 1] = NER_I_ORG;
	}
}

/*
 * A capitalised word inside a sentence that the document gave a type
 * before, standing alone, keeps it where the model let it go ("who
 * co-founded Corvane in 2011" after "Corvane" was an ORG four times).
 */
static void
same_again(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i;

	for (i = 0; i < ntok; i++)
		if (n->lab[i] == NER_O && ti[i].cap && !ti[i].init &&
		    ti[i].alpha && ti[i].done &&
		    ti[i].hist >= NER_PER && ti[i].hist <= NER_MISC &&
		    ti[i].lcr < NER_LCR_MOSTLY &&
		    (i == 0 || n->lab[i - 1] == NER_O) &&
		    (i + 1 == ntok || !ti[i + 1].cap))
			n->lab[i] = (uint8_t)(2 * ti[i].hist - 1);
}

/*
 * A capitalised word standing alone that is the surname of a person the
 * document named in full before is that person, even where the model let
 * it go because the word is common in lower case ("Day", "West", "Long"
 * after "Oriel Day", "Marcus West", "Hana Long").  Not a month or a
 * weekday ("May" after "Lucy May"), nor a word beside another
 * capitalised one ("West Bank", "Long Island").
 */
static void
own_surnames(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	size_t i;

	for (i = 0; i < ntok; i++)
		if (n->lab[i] == NER_O && ti[i].cap && ti[i].alpha &&
		    ti[i].done && !(ti[i].bits & NER_LX_DATE) &&
		    (i == 0 || (n->lab[i - 1] == NER_O &&
		    (ti[i].init || !ti[i - 1].cap))) &&
		    (i + 1 == ntok || !ti[i + 1].cap) &&
		    surname(n, ti[i].exact, 0))
			n->lab[i] = NER_B_PER;
}

/*
 * A headline in title case ("Biden Meets Xi In San Francisco") joins
 * names over the verb between them: a headline's verb inside a name
 * ends the name before it.  Called for pieces in title case (see
 * tag_piece()).
 */
static void
headline_verbs(struct ner *n, size_t ntok)
{
	size_t i;

	for (i = 1; i + 1 < ntok; i++) {
		if (n->lab[i] == NER_O || NER_LABEL_ISB(n->lab[i]) ||
		    n->lab[i + 1] != n->lab[i] ||
		    !INLIST(headline_verb, n->sp[i], n->lp[i]))
			continue;
		n->lab[i] = NER_O;
		n->lab[i + 1] = (uint8_t)(n->lab[i + 1] - 1);	/* B- */
	}
}

/*
 * Nouns of a person, as the head of an apposition: "Odile Paris, an
 * Australian woman", "the author, Lena Park,".
 */
static int
person_head(const struct ner *n, size_t k)
{
	return INLIST(person_head, n->sp[k], n->lp[k]);
}

/* Does token k end an apposition's noun phrase? */
static int
phrase_end(const struct ner *n, size_t ntok, size_t k)
{
	return k >= ntok || INLIST(phrase_after, n->sp[k], n->lp[k]);
}

/* Make the name whose labels end at token b - 1 a person's. */
static void
make_person(struct ner *n, size_t b)
{
	size_t a, k;

	for (a = b - 1; a > 0 && !NER_LABEL_ISB(n->lab[a]); a--)
		;
	n->lab[a] = NER_B_PER;
	for (k = a + 1; k < b; k++)
		n->lab[k] = NER_I_PER;
}

/*
 * A name in apposition with a person is a person's, whatever type the
 * model gave it: "Odile Paris, an Australian woman, said" (the head of
 * the apposition after it, within four words), "the author, Lena Park,
 * said" (a role before, the name of two or three words starting with a
 * given name).
 */
static void
apposed_people(struct ner *n, size_t ntok)
{
	size_t i, k, a;

	for (i = 1; i + 3 < ntok; i++) {
		if (n->lp[i] != 1 || n->sp[i][0] != ',')
			continue;
		/* "Odile Paris, an Australian woman, said". */
		if (n->lab[i] == NER_O && n->lab[i - 1] != NER_O &&
		    NER_LABEL_TYPE(n->lab[i - 1]) != NER_PER &&
		    ((n->lp[i + 1] == 1 && n->sp[i + 1][0] == 'a') ||
		    (n->lp[i + 1] == 2 &&
		    memcmp(n->sp[i + 1], "an", 2) == 0))) {
			for (k = i + 2; k < ntok && k < i + 6 &&
			    n->lab[k] == NER_O && !person_head(n, k) &&
			    (word_at(n, k) || (n->sp[k][0] >= '0' &&
			    n->sp[k][0] <= '9')); k++)
				;
			if (k < ntok && k < i + 6 && person_head(n, k) &&
			    phrase_end(n, ntok, k + 1))
				make_person(n, i);
		}
		/* "the author, Lena Park, said". */
		if (!NER_LABEL_ISB(n->lab[i + 1]) ||
		    NER_LABEL_TYPE(n->lab[i + 1]) == NER_PER ||
		    !(n->ti[i + 1].bits & (NER_LX_GIVEN | NER_LX_FIRST)) ||
		    !person_head(n, i - 1))
			continue;
		for (a = i + 2; a < ntok && n->lab[a] == n->lab[i + 1] + 1;
		    a++)
			;
		if (a - (i + 1) >= 2 && a - (i + 1) <= 3 && a < ntok &&
		    n->lp[a] == 1 && n->sp[a][0] == ',')
			make_person(n, a);
	}
}

/*
 * "Marks & Spencer", "Ernst & Young": two capitalised words joined by an
 * ampersand, perhaps with a legal form after, are one organisation's
 * name, unless both are common words.  Two full names so joined are two
 * people ("Ana Ruiz & Tom Hale" presenting a show), and are left as they
 * are.
 */
static void
ampersands(struct ner *n, size_t ntok)
{
	const struct ner_tokinfo *ti = n->ti;
	const uint16_t other = NER_LX_TITLE | NER_LX_DATE;
	size_t i, b, k;

	for (i = 1; i + 1 < ntok; i++) {
		if (n->lp[i] != 1 || n->sp[i][0] != '&')
			continue;
		if (!ti[i - 1].cap || !ti[i - 1].alpha || !ti[i - 1].done ||
		    n->lp[i - 1] < 2 || (ti[i - 1].bits & other) ||
		    (n->lab[i - 1] != NER_O && !NER_LABEL_ISB(n->lab[i - 1])))
			continue;
		if (!ti[i + 1].cap || !ti[i + 1].alpha || !ti[i + 1].done ||
		    n->lp[i + 1] < 2 || (ti[i + 1].bits & other))
			continue;
		/* "Home & Garden shows", "the Arts & Crafts fair". */
		if (ti[i - 1].lcr >= NER_LCR_MOSTLY &&
		    ti[i + 1].lcr >= NER_LCR_MOSTLY)
			continue;
		b = i + 2;
		if (b < ntok && legal_form(n->sp[b], n->lp[b]))
			b++;
		else if (b < ntok && n->lab[b] != NER_O &&
		    !NER_LABEL_ISB(n->lab[b]))
			continue;
		n->lab[i - 1] = NER_B_ORG;
		for (k = i; k < b; k++)
			n->lab[k] = NER_I_ORG;
		i = b - 1;
	}
}

/*
 * A lower-case particle inside a person's name: "Erik ten Hag", "Ana de
 * Souza", "Edwin van der Sar".  The model knows the common ones in
 * context ("Greta von der Aue"); one it left outside, between a
 * person's name and a capitalised word that is no title or date, joins
 * the two.  An article alone is no particle: "der" and "den" are German
 * words first.
 */
static void
particles(struct ner *n, size_t ntok)
{
	const uint16_t other = NER_LX_TITLE | NER_LX_DATE | NER_LX_DEMONYM;
	const uint16_t place = NER_LX_COUNTRY | NER_LX_REGION | NER_LX_CITY |
	    NER_LX_ORGWORD;
	size_t i, j, k;

	for (i = 1; i + 1 < ntok; i++) {
		if (n->lab[i] != NER_O || NER_LABEL_TYPE(n->lab[i - 1]) !=
		    NER_PER || !INLIST(particle, n->sp[i], n->lp[i]))
			continue;
		j = i + 1;
		/* An article only a particle may come before: "van der". */
		if (j < ntok && n->lab[j] == NER_O &&
		    INLIST(particle_article, n->sp[j], n->lp[j]))
			j++;
		if (j >= ntok || !n->ti[j].cap || !n->ti[j].alpha ||
		    !n->ti[j].done || (n->ti[j].bits & other) ||
		    (n->lab[j] != NER_O && n->lab[j] != NER_B_PER))
			continue;
		for (k = i; k <= j; k++)
			n->lab[k] = NER_I_PER;
		/* Capitalised words the model left after it go with it. */
		for (k = j + 1; k < ntok && n->lab[k] == NER_O &&
		    n->ti[k].cap && n->ti[k].alpha && n->ti[k].done &&
		    !(n->ti[k].bits & (other | place)); k++)
			n->lab[k] = NER_I_PER;
		i = k - 1;
	}
}

/*
 * "The", "But", "He" opening a sentence before a lower-case word: a word
 * never seen capitalised inside a sentence does not start a name there.
 */
static int
common_opener(const struct ner_tokinfo *ti, size_t ntok, size_t i)
{
	/* Nor does a weekday or a month. */
	if ((ti[i].bits & NER_LX_DATE) &&
	    (ti[i].pbits & NER_LX_FEATURES) == NER_LX_DATE)
		return 1;
	return ti[i].init && ti[i].lcr == NER_LCR_ALWAYS &&
	    (i + 1 >= ntok || !ti[i + 1].cap);
}

/* Does the tagger score token i whatever the labels before it are? */
static int
surely_scored(const struct ner_tokinfo *ti, size_t ntok, size_t i)
{
	return ti[i].cap && !common_opener(ti, ntok, i);
}

/*
 * Tag toks[0..ntok), a piece of at most NER_PIECE tokens, appending its
 * spans; base is its first token's number in the sentence.  ti and pre
 * are what ner_prepare() worked out for the piece, or NULL.
 */
static void
tag_piece(struct ner *n, const char *text, const struct tok *toks,
    size_t ntok, size_t base, struct ner_tokinfo *ti,
    const struct ner_pre *pre)
{
	size_t i, words = 0, caps = 0;
	uint8_t *h;
	int y1, y2, marks = 0;

	grow(n, ntok);
	for (i = 0; i < ntok; i++) {
		n->sp[i] = text + toks[i].off;
		n->lp[i] = toks[i].len;
		n->up[i] = (toks[i].flags & TOK_HASUPPER) != 0;
	}
	if (ti == NULL) {
		ti = n->own;
		ner_feat_sentence(ti, n->sp, n->lp, n->up, ntok, model_look,
		    NULL);
	}
	n->ti = ti;
	for (i = 0; i < ntok; i++) {
		if (!ti[i].cap)
			continue;
		if ((h = hist_slot(n, ti[i].exact, 0)) != NULL ||
		    (h = hist_slot(n, NER_LOWKEY(ti[i].word), 0)) != NULL)
			ti[i].hist = *h;
	}
	for (i = 0; i < ntok; i++) {
		y1 = i >= 1 ? n->lab[i - 1] : NER_O;
		y2 = i >= 2 ? n->lab[i - 2] : NER_O;
		/*
		 * Training sees every token next to a capitalised one, but a
		 * lower-case word is not the start of a name in practice, so
		 * the tagger skips those too.
		 */
		if (ner_feat_skip(ti, ntok, i, y1) || (y1 == NER_O &&
		    (!ti[i].cap || common_opener(ti, ntok, i))))
			n->lab[i] = NER_O;
		else {
			ner_feat_ensure(ti, n->sp, n->lp, ntok, i, model_look,
			    NULL);
			n->lab[i] = (uint8_t)decide(ti, ntok, i, y1, y2,
			    pre != NULL && pre[i].ok ? &pre[i] : NULL);
		}
	}
	/*
	 * The rules after the model, each a pass over the tokens; those
	 * that need a comma, an ampersand, a slash, a person, two
	 * capitalised words the model left out, a known organisation it
	 * left out, a surname of the document it left out or a headline in
	 * title case run only where the piece has one.
	 */
	for (i = 0; i < ntok; i++) {
		if (n->lp[i] == 1)
			marks |= n->sp[i][0] == ',' ? 1 : n->sp[i][0] == '&' ?
			    2 : n->sp[i][0] == '/' ? 4 : 0;
		else if (n->lp[i] > 3 && word_at(n, i)) {
			words++;
			caps += ti[i].cap;
		}
		if (NER_LABEL_TYPE(n->lab[i]) == NER_PER)
			marks |= 8;
		else if (n->lab[i] == NER_O && ti[i].cap) {
			if (i > 0 && n->lab[i - 1] == NER_O && ti[i - 1].cap)
				marks |= 16;
			if (n->pn > 0 && surname(n, ti[i].exact, 0))
				marks |= 64;
		}
		if (n->lab[i] == NER_O && (ti[i].pbits & NER_LX_ORGNAME))
			marks |= 32;
	}
	legal_names(n, ntok);
	if (marks & 32)
		known_orgs(n, ntok);
	if (marks & 16) {
		place_names(n, ntok);
		speakers_for(n, ntok);
	}
	if (marks & 2)
		ampersands(n, ntok);
	if (marks & 8)
		particles(n, ntok);
	places_of(n, ntok);
	if (marks & 4)
		credits(n, ntok);
	same_again(n, ntok);
	if (marks & 64)
		own_surnames(n, ntok);
	if (marks & 1)
		apposed_people(n, ntok);
	if (words >= 4 && caps * 5 >= words * 4)
		headline_verbs(n, ntok);
	nationalities(n, ntok);
	for (i = 0; i < ntok; i++)
		if (ti[i].cap) {
			h = hist_slot(n, ti[i].exact, 1);
			*h = n->lab[i] == NER_O ? NER_HIST_O :
			    (uint8_t)NER_LABEL_TYPE(n->lab[i]);
		} else if (NER_LOWMARK(&ti[i]))
			*hist_slot(n, NER_LOWKEY(ti[i].word), 1) =
			    NER_HIST_LOWER;
	make_spans(n, toks, ntok, base);
}

/*
 * A "sentence" of thousands of tokens (a list, a table, text without
 * full stops) is tagged in pieces, so that the per-token arrays stay
 * small whatever the input.  A piece ends at a lower-case word or
 * punctuation between two such, where no name is cut.  Returns the end
 * of the piece that starts at token a.
 */
static size_t
piece_end(const struct tok *toks, size_t ntok, size_t a)
{
	size_t b, k;

	if (ntok - a <= NER_PIECE)
		return ntok;
	b = a + NER_PIECE;
	for (k = b - 1; k > a + NER_PIECE / 2; k--)
		if (!(toks[k].flags & TOK_HASUPPER) &&
		    !(toks[k - 1].flags & TOK_HASUPPER) &&
		    !(toks[k + 1].flags & TOK_HASUPPER))
			return k + 1;
	return b;
}

void
ner_prepare(const char *text, const struct tok *toks, size_t ntok,
    struct ner_tokinfo *ti, struct ner_pre *pre, int scores)
{
	const char *sp[NER_PIECE];
	size_t lp[NER_PIECE], a, b, i, m;
	uint8_t up[NER_PIECE];
	unsigned blim;

	for (a = 0; a < ntok; a = b) {
		b = piece_end(toks, ntok, a);
		m = b - a;
		for (i = 0; i < m; i++) {
			sp[i] = text + toks[a + i].off;
			lp[i] = toks[a + i].len;
			up[i] = (toks[a + i].flags & TOK_HASUPPER) != 0;
		}
		ner_feat_sentence(ti + a, sp, lp, up, m, model_look, NULL);
		for (i = 0; i < m; i++) {
			pre[a + i].ok = 0;
			if (!scores || !surely_scored(ti + a, m, i))
				continue;
			/* The tagger would do the same first. */
			ner_feat_ensure(ti + a, sp, lp, m, i, model_look, NULL);
			score_static(ti + a, m, i, pre[a + i].sc, &blim);
			pre[a + i].blim = (uint8_t)blim;
			pre[a + i].ok = 1;
		}
	}
}

static size_t
tag(struct ner *n, const char *text, const struct tok *toks, size_t ntok,
    struct ner_tokinfo *ti, const struct ner_pre *pre,
    const struct ner_span **spans)
{
	size_t a, b;

	n->nspans = 0;
	for (a = 0; a < ntok; a = b) {
		b = piece_end(toks, ntok, a);
		tag_piece(n, text, toks + a, b - a, a,
		    ti != NULL ? ti + a : NULL, pre != NULL ? pre + a : NULL);
	}
	*spans = n->spans;
	return n->nspans;
}

size_t
ner_tag_sentence(struct ner *n, const char *text, const struct tok *toks,
    size_t ntok, const struct ner_span **spans)
{
	return tag(n, text, toks, ntok, NULL, NULL, spans);
}

size_t
ner_tag_prepared(struct ner *n, const char *text, const struct tok *toks,
    size_t ntok, struct ner_tokinfo *ti, const struct ner_pre *pre,
    const struct ner_span **spans)
{
	return tag(n, text, toks, ntok, ti, pre, spans);
}
