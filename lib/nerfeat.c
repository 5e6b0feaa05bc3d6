/*
 * nerfeat: per-token facts and feature hashes for the entity tagger.
 * Shared by the tagger and the trainer; any change here needs `make model`.
 */
#include <stdlib.h>
#include <string.h>

#include "nerfeat.h"
#include "tok.h"

#define FNV_OFF		0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL
#define GOLD		0x9e3779b97f4a7c15ULL

/* Stand-ins for the words before the start and after the end. */
#define PAD_BEFORE	0x5a17c0de5a17c0deULL
#define PAD_AFTER	0x0e1dc0de0e1dc0deULL

/* Feature templates; the numbers are part of the model, do not reorder. */
enum {
	T_BIAS = 1, T_W0, T_WM1, T_WP1, T_WM2, T_WP2,
	T_S0, T_SM1, T_SP1, T_SM2, T_SP2,
	T_WM1W0, T_W0WP1, T_SM1S0, T_S0SP1, T_SM1S0SP1,
	T_Y1, T_Y1Y2, T_Y1W0, T_Y1S0,
	T_L0, T_L0S0, T_LM1, T_LP1, T_L0INIT, T_INITS0,
	T_H0, T_H0S0, T_G0, T_GM1, T_GP1, T_PG0,
	T_WM1S0, T_S0WP1, T_WM2WM1, T_WP1WP2, T_Y1G0, T_EX0,
	T_RWORD, T_RBITS, T_SUF
};

/*
 * Small words that may join the capitalised words of one name
 * ("University of Helsinki", "Charles de Gaulle"), by length: this runs
 * for every small word next to a capital, so no bsearch and strcmp.
 */
static const char joiners2[] = "aldadedidulaleofon";
static const char joiners3[] = "anddeldesderforthevanvon";

static int
is_joiner(const char *s, size_t len)
{
	size_t i;

	switch (len) {
	case 1:
		return s[0] == '&' || s[0] == 'y';
	case 2:
		for (i = 0; i < sizeof(joiners2) - 1; i += 2)
			if (s[0] == joiners2[i] && s[1] == joiners2[i + 1])
				return 1;
		return 0;
	case 3:
		for (i = 0; i < sizeof(joiners3) - 1; i += 3)
			if (memcmp(s, joiners3 + i, 3) == 0)
				return 1;
		return 0;
	default:
		return 0;
	}
}

uint64_t
ner_hash_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/*
 * Lower-cased, with every digit read as 0 so that years and amounts share
 * their statistics.
 */
uint64_t
ner_hash_word(const char *s, size_t len)
{
	uint64_t h = FNV_OFF;
	size_t i, n;
	uint32_t c;

	for (i = 0; i < len; i += n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			n = 1;
			if (b >= 'A' && b <= 'Z')
				b |= 0x20;
			else if (b >= '0' && b <= '9')
				b = '0';
			h = (h ^ b) * FNV_PRIME;
			continue;
		}
		n = tok_utf8(s + i, len - i, &c);
		/* O’Connell is O'Connell: news sets both apostrophes. */
		if (c == 0x2019) {
			h = (h ^ '\'') * FNV_PRIME;
			continue;
		}
		c = tok_tolower(c);
		h = (h ^ (c & 0xFF)) * FNV_PRIME;
		h = (h ^ (c >> 8)) * FNV_PRIME;
	}
	return h;
}

uint64_t
ner_hash_exact(const char *s, size_t len)
{
	uint64_t h = FNV_OFF ^ 0x77;
	size_t i;

	for (i = 0; i < len; i++) {
		/* The curly apostrophe hashes as the straight one. */
		if (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			h = (h ^ '\'') * FNV_PRIME;
			i += 2;
			continue;
		}
		h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
	}
	return h;
}

uint64_t
ner_hash_phrase(uint64_t h, uint64_t word)
{
	return ner_hash_mix(h * 31 + word + GOLD);
}

/* Shape: X upper, x lower, d digit, runs collapsed: Xx, X.X., dd,dd. */
static uint32_t
shape_of(const char *s, size_t len, int *cap)
{
	uint32_t h = 2166136261u, c;
	size_t i, n, k = 0;
	int prev = -1, ch;

	*cap = 0;
	for (i = 0; i < len && k < 10; i += n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			/* ASCII without the calls: the common case. */
			n = 1;
			if (b >= '0' && b <= '9')
				ch = 'd';
			else if (b >= 'A' && b <= 'Z') {
				ch = 'X';
				*cap = 1;
			} else if (b >= 'a' && b <= 'z')
				ch = 'x';
			else
				ch = b;
			goto add;
		}
		n = tok_utf8(s + i, len - i, &c);
		if (c == 0x2019)	/* O’Connell has the shape of O'Connell */
			ch = '\'';
		else if (c >= '0' && c <= '9')
			ch = 'd';
		else if (tok_isupper(c)) {
			ch = 'X';
			*cap = 1;
		} else if (tok_isletter(c))
			ch = 'x';
		else if (c < 0x80)
			ch = (int)c;
		else
			ch = '#';
add:
		if (ch == prev)
			continue;
		prev = ch;
		h = (h ^ (uint32_t)ch) * 16777619u;
		k++;
	}
	/* A long word differs from a short one of the same shape (CEO/NATO
	 * vs US). */
	h = (h ^ (len > 4 ? 'L' : 'S')) * 16777619u;
	return h;
}

static int
is_stop(const char *s, size_t len)
{
	return len == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?');
}

static int
is_opener(const char *s, size_t len)
{
	if (len == 1)
		return s[0] == '"' || s[0] == '\'' || s[0] == '(' ||
		    s[0] == '[' || s[0] == '-';
	/* “ ‘ — – */
	return len == 3 && (unsigned char)s[0] == 0xE2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98 ||
	    (unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93);
}

/* Has the word an upper-case letter? */
static int
has_upper(const char *s, size_t len)
{
	size_t i, n;
	uint32_t c;

	for (i = 0; i < len; i += n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			n = 1;
			if (b >= 'A' && b <= 'Z')
				return 1;
			continue;
		}
		n = tok_utf8(s + i, len - i, &c);
		if (tok_isupper(c))
			return 1;
	}
	return 0;
}

/*
 * The word, exact and shape hashes of an ASCII token in one pass, the
 * same values as ner_hash_word(), ner_hash_exact() and shape_of() give:
 * nearly every token of English news is ASCII.  Returns 0, having set
 * nothing, for a token with other bytes.
 */
static int
ascii_facts(struct ner_tokinfo *t, const char *s, size_t len)
{
	uint64_t hw = FNV_OFF, he = FNV_OFF ^ 0x77;
	uint32_t hs = 2166136261u;
	size_t i, k = 0;
	int prev = -1, ch;
	unsigned char b, w;

	for (i = 0; i < len; i++) {
		b = (unsigned char)s[i];
		if (b >= 0x80)
			return 0;
		he = (he ^ b) * FNV_PRIME;
		if (b >= '0' && b <= '9') {
			w = '0';
			ch = 'd';
		} else if (b >= 'A' && b <= 'Z') {
			w = b | 0x20;
			ch = 'X';
		} else {
			w = b;
			ch = b >= 'a' && b <= 'z' ? 'x' : b;
		}
		hw = (hw ^ w) * FNV_PRIME;
		if (k < 10 && ch != prev) {
			prev = ch;
			hs = (hs ^ (uint32_t)ch) * 16777619u;
			k++;
		}
	}
	t->word = hw;
	t->exact = he;
	t->shape = (hs ^ (len > 4 ? 'L' : 'S')) * 16777619u;
	return 1;
}

/* The facts of token i itself, and its own lexicon entry. */
static void
own_facts(struct ner_tokinfo *t, const char *s, size_t len,
    ner_lookup_fn look, void *ctx)
{
	struct ner_lexent e;
	uint32_t h = 2166136261u;
	size_t k;
	int cap;

	if (!ascii_facts(t, s, len)) {
		t->word = ner_hash_word(s, len);
		t->exact = ner_hash_exact(s, len);
		t->shape = shape_of(s, len, &cap);
	}
	for (k = len > 3 ? len - 3 : 0; k < len; k++)
		h = (h ^ (unsigned char)(s[k] | 0x20)) * 16777619u;
	t->suf = h;
	t->phr = 0;
	t->alpha = len > 0 && (tok_isletter((unsigned char)s[0]) ||
	    (unsigned char)s[0] >= 0xC0);
	if (look(ctx, t->word, &e)) {
		t->lcr = e.lcr;
		t->bits |= e.bits & ~NER_LX_PHRASE;
		t->pbits |= e.bits & ~NER_LX_PHRASE;
		t->phr = (e.bits & NER_LX_PHRASE) != 0;
	}
	t->done = 1;
}

/*
 * Most tokens of news text are lower-case words far from any capital,
 * which the tagger labels O without looking at their features; so only
 * the cheap facts are computed for every token here, the rest for tokens
 * near a capitalised word, and ner_feat_ensure() fills in any other token
 * that the decoder reaches.
 */
void
ner_feat_sentence(struct ner_tokinfo *ti, const char *const *s,
    const size_t *len, const uint8_t *cap, size_t n, ner_lookup_fn look,
    void *ctx)
{
	struct ner_lexent e;
	size_t i, k, best, lastcap;
	uint64_t h;
	uint16_t bb;

	for (i = 0; i < n; i++) {
		struct ner_tokinfo *t = &ti[i];

		t->cap = cap != NULL ? cap[i] :
		    (uint8_t)has_upper(s[i], len[i]);
		t->hist = 0;
		t->bits = t->pbits = 0;
		t->lcr = NER_LCR_UNSEEN;
		t->done = 0;
		t->rword = 0;
		t->rbits = 0;
		if (i == 0 || is_stop(s[i - 1], len[i - 1]))
			t->init = 1;
		else
			t->init = is_opener(s[i - 1], len[i - 1]) &&
			    ti[i - 1].init;
	}
	/*
	 * Runs of capitalised words, joined by "of", "de" and the like: each
	 * token of a run sees the run's last word, so that the tagger knows
	 * about "Park" or "University" before it commits to a type.
	 */
	for (i = n; i-- > 0; ) {
		ti[i].rend = i;
		if (i + 1 < n && ti[i + 1].cap && (ti[i].cap ||
		    is_joiner(s[i], len[i])))
			ti[i].rend = ti[i + 1].rend;
		else if (i + 2 < n && ti[i].cap && ti[i + 2].cap &&
		    is_joiner(s[i + 1], len[i + 1]))
			ti[i].rend = ti[i + 2].rend;
	}
	/* Full facts within three tokens of a capitalised word. */
	lastcap = (size_t)-1;
	for (i = 0; i < n; i++) {
		if (ti[i].cap) {
			for (k = i >= 3 ? i - 3 : 0; k <= i; k++)
				if (!ti[k].done)
					own_facts(&ti[k], s[k], len[k], look,
					    ctx);
			lastcap = i;
		} else if (lastcap != (size_t)-1 && i <= lastcap + 3)
			own_facts(&ti[i], s[i], len[i], look, ctx);
	}
	/* The longest phrase starting at a capital marks all its tokens. */
	for (i = 0; i < n; i++) {
		if (!ti[i].cap || !ti[i].phr)
			continue;
		h = ti[i].word;
		best = 0;
		bb = 0;
		for (k = i + 1; k < n && k < i + NER_MAXPHRASE; k++) {
			if (!ti[k].done)
				own_facts(&ti[k], s[k], len[k], look, ctx);
			h = ner_hash_phrase(h, ti[k].word);
			if (!look(ctx, h, &e))
				break;
			if (e.bits & ~NER_LX_PHRASE) {
				best = k;
				bb = e.bits & ~NER_LX_PHRASE;
			}
			if (!(e.bits & NER_LX_PHRASE))
				break;
		}
		if (best == 0)
			continue;
		ti[i].pbits = bb;
		for (k = i; k <= best; k++)
			ti[k].bits |= bb;
	}
	for (i = 0; i < n; i++) {
		k = ti[i].rend;
		if (k != i && ti[i].done) {
			ti[i].rword = ti[k].word;
			ti[i].rbits = ti[k].bits;
		}
	}
}

void
ner_feat_ensure(struct ner_tokinfo *ti, const char *const *s,
    const size_t *len, size_t n, size_t i, ner_lookup_fn look, void *ctx)
{
	size_t k, lo = i >= 2 ? i - 2 : 0, hi = i + 2 < n ? i + 2 : n - 1;

	for (k = lo; k <= hi; k++) {
		if (ti[k].done)
			continue;
		own_facts(&ti[k], s[k], len[k], look, ctx);
		/* A run ends at a capital, whose facts are always there. */
		if (ti[k].rend != k) {
			ti[k].rword = ti[ti[k].rend].word;
			ti[k].rbits = ti[ti[k].rend].bits;
		}
	}
}

int
ner_feat_skip(const struct ner_tokinfo *ti, size_t n, size_t i, int yprev)
{
	return yprev == NER_O && !ti[i].cap && (i + 1 >= n || !ti[i + 1].cap);
}

int
ner_label_ok(int prev, int y)
{
	if (y == NER_O || NER_LABEL_ISB(y))
		return 1;
	return prev != NER_O && NER_LABEL_TYPE(prev) == NER_LABEL_TYPE(y);
}

/*
 * Feature hashes: one finalizing mix over a cheap combination of the
 * template number and its values (an odd multiplier keeps the
 * combination one-to-one in each value), since extraction runs for every
 * token the model sees.
 */
#define K1	0xff51afd7ed558ccdULL
#define K2	0xc4ceb9fe1a85ec53ULL

static uint64_t
f1(uint64_t t, uint64_t a)
{
	return ner_hash_mix(a ^ (t * GOLD));
}

static uint64_t
f2(uint64_t t, uint64_t a, uint64_t b)
{
	return ner_hash_mix((a ^ (t * GOLD)) * K1 + b);
}

static uint64_t
f3(uint64_t t, uint64_t a, uint64_t b, uint64_t c)
{
	return ner_hash_mix(((a ^ (t * GOLD)) * K1 + b) * K2 + c);
}

/*
 * The features of token i that depend on neither the labels before it nor
 * the document history; the tagger can score them ahead, apart.  *blim is
 * where ner_feat_dynamic() stops among the lexicon bits, so that the two
 * together give exactly what ner_feat_extract() always gave.
 */
size_t
ner_feat_static(const struct ner_tokinfo *ti, size_t n, size_t i,
    uint64_t *f, unsigned *blim)
{
	const struct ner_tokinfo *t = &ti[i];
	uint64_t wm2, wm1, wp1, wp2, s0, sm2, sm1, sp1, sp2;
	unsigned lm1, lp1, gm1, gp1, tb, tp, rb, b;
	size_t k = 0, all;

	wm1 = i >= 1 ? ti[i - 1].word : PAD_BEFORE;
	wm2 = i >= 2 ? ti[i - 2].word : PAD_BEFORE;
	wp1 = i + 1 < n ? ti[i + 1].word : PAD_AFTER;
	wp2 = i + 2 < n ? ti[i + 2].word : PAD_AFTER;
	sm1 = i >= 1 ? ti[i - 1].shape : 1;
	sm2 = i >= 2 ? ti[i - 2].shape : 1;
	sp1 = i + 1 < n ? ti[i + 1].shape : 2;
	sp2 = i + 2 < n ? ti[i + 2].shape : 2;
	lm1 = i >= 1 ? ti[i - 1].lcr : 9;
	lp1 = i + 1 < n ? ti[i + 1].lcr : 9;
	gm1 = i >= 1 ? ti[i - 1].bits & NER_LX_FEATURES : 0;
	gp1 = i + 1 < n ? ti[i + 1].bits & NER_LX_FEATURES : 0;
	tb = t->bits & NER_LX_FEATURES;
	tp = t->pbits & NER_LX_FEATURES;
	rb = t->rbits & NER_LX_FEATURES;
	s0 = t->shape;

	f[k++] = f1(T_BIAS, 0);
	f[k++] = f1(T_W0, t->word);
	f[k++] = f1(T_WM1, wm1);
	f[k++] = f1(T_WP1, wp1);
	f[k++] = f1(T_WM2, wm2);
	f[k++] = f1(T_WP2, wp2);
	f[k++] = f1(T_S0, s0);
	f[k++] = f1(T_SM1, sm1);
	f[k++] = f1(T_SP1, sp1);
	f[k++] = f1(T_SM2, sm2);
	f[k++] = f1(T_SP2, sp2);
	f[k++] = f2(T_WM1W0, wm1, t->word);
	f[k++] = f2(T_W0WP1, t->word, wp1);
	f[k++] = f2(T_SM1S0, sm1, s0);
	f[k++] = f2(T_S0SP1, s0, sp1);
	f[k++] = f3(T_SM1S0SP1, sm1, s0, sp1);
	f[k++] = f1(T_L0, t->lcr);
	f[k++] = f2(T_L0S0, t->lcr, s0);
	f[k++] = f1(T_LM1, lm1);
	f[k++] = f1(T_LP1, lp1);
	f[k++] = f2(T_L0INIT, t->lcr, t->init);
	f[k++] = f2(T_INITS0, t->init, s0);
	f[k++] = f2(T_WM1S0, wm1, s0);
	f[k++] = f2(T_S0WP1, s0, wp1);
	f[k++] = f2(T_WM2WM1, wm2, wm1);
	f[k++] = f2(T_WP1WP2, wp1, wp2);
	f[k++] = f1(T_EX0, t->exact);
	if (t->cap)
		f[k++] = f2(T_SUF, t->suf, s0);
	if (t->rword != 0) {
		f[k++] = f1(T_RWORD, t->rword);
		for (b = 0; b < NER_LX_NBITS; b++)
			if (rb & (1u << b))
				f[k++] = f1(T_RBITS, b);
	}
	/*
	 * The bits, up to the bound on features; all counts the dynamic
	 * ones too (NER_NDYNFIX, and a T_Y1G0 beside each T_G0).
	 */
	all = k + NER_NDYNFIX;
	for (b = 0; b < NER_LX_NBITS; b++) {
		unsigned m = 1u << b;

		if (tb & m) {
			f[k++] = f2(T_G0, b, t->cap);
			all += 2;
		}
		if (tp & m) {
			f[k++] = f1(T_PG0, b);
			all++;
		}
		if (gm1 & m) {
			f[k++] = f1(T_GM1, b);
			all++;
		}
		if (gp1 & m) {
			f[k++] = f1(T_GP1, b);
			all++;
		}
		if (all > NER_MAXFEAT - 5)
			break;
	}
	*blim = b < NER_LX_NBITS ? b + 1 : NER_LX_NBITS;
	return k;
}

size_t
ner_feat_dynamic(const struct ner_tokinfo *ti, size_t i, int y1, int y2,
    unsigned blim, uint64_t *f)
{
	const struct ner_tokinfo *t = &ti[i];
	unsigned tb = t->bits & NER_LX_FEATURES, b;
	size_t k = 0;

	f[k++] = f1(T_Y1, (uint64_t)y1);
	f[k++] = f2(T_Y1Y2, (uint64_t)y1, (uint64_t)y2);
	f[k++] = f2(T_Y1W0, (uint64_t)y1, t->word);
	f[k++] = f2(T_Y1S0, (uint64_t)y1, t->shape);
	f[k++] = f1(T_H0, t->hist);
	f[k++] = f2(T_H0S0, t->hist, t->shape);
	for (b = 0; b < blim; b++)
		if (tb & (1u << b))
			f[k++] = f2(T_Y1G0, b, (uint64_t)y1);
	return k;
}

size_t
ner_feat_extract(const struct ner_tokinfo *ti, size_t n, size_t i, int y1,
    int y2, uint64_t *f)
{
	unsigned blim;
	size_t k;

	k = ner_feat_static(ti, n, i, f, &blim);
	return k + ner_feat_dynamic(ti, i, y1, y2, blim, f + k);
}
