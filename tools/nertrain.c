/*
 * nertrain: train the entity tagger and write its weights and lexicon as
 * a C source file (lib/ner_model.c).
 *
 *	nertrain [-e epochs] [-n maxfeatures] -d traindir -l datadir
 *	    [-i isodir] [-z zonetab] -o lib/ner_model.c
 *
 * A greedy left-to-right averaged perceptron over BIO labels, with the
 * features of lib/nerfeat.c.  Deterministic: documents are shuffled with a
 * fixed seed, and everything else is in file order.  Reads only the
 * training folder, the word lists under data/ner and the iso-codes and tz
 * tables; never the evaluation data.
 *
 * The lexicon classes learnt from the training labels (first names, last
 * names, words of place and organisation names) are computed leave-one-
 * document-out while training, so that the model learns how much to trust
 * them on names it has not seen, as it must at run time.
 */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner_model.h"
#include "nerfeat.h"
#include "tok.h"

/* ------------------------------------------------------------------ */
/* A growing 64-bit key to 32-bit value hash map. */

struct map {
	uint64_t	*keys;	/* 0 = empty (keys are made non-zero) */
	uint32_t	*vals;
	size_t		 mask;
	size_t		 n;
};

static void *
xcalloc(size_t n, size_t sz)
{
	void *p;

	if ((p = calloc(n ? n : 1, sz)) == NULL)
		err(2, NULL);
	return p;
}

static void *
xrealloc(void *p, size_t n, size_t sz)
{
	if ((p = reallocarray(p, n ? n : 1, sz)) == NULL)
		err(2, NULL);
	return p;
}

/* "a/b" in a new string (asprintf is not POSIX 2008). */
static char *
join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = xcalloc(n, 1);

	snprintf(p, n, "%s/%s", a, b);
	return p;
}

static void
map_init(struct map *m, size_t slots)
{
	m->keys = xcalloc(slots, sizeof(*m->keys));
	m->vals = xcalloc(slots, sizeof(*m->vals));
	m->mask = slots - 1;
	m->n = 0;
}

static void
map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
}

static uint64_t
nz(uint64_t k)
{
	return k ? k : 1;
}

/* Returns a pointer to the value of k, or NULL. */
static uint32_t *
map_get(const struct map *m, uint64_t k)
{
	size_t i;

	k = nz(k);
	for (i = k & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == k)
			return &m->vals[i];
	return NULL;
}

static uint32_t *map_put(struct map *, uint64_t, uint32_t, int *);

static void
map_grow(struct map *m)
{
	struct map nm;
	size_t i;
	int isnew;

	map_init(&nm, (m->mask + 1) * 2);
	for (i = 0; i <= m->mask; i++)
		if (m->keys[i] != 0)
			map_put(&nm, m->keys[i], m->vals[i], &isnew);
	map_free(m);
	*m = nm;
}

/* Value of k, inserted with v if absent (*isnew tells). */
static uint32_t *
map_put(struct map *m, uint64_t k, uint32_t v, int *isnew)
{
	size_t i;

	if ((m->n + 1) * 10 > (m->mask + 1) * 7)
		map_grow(m);
	k = nz(k);
	for (i = k & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == k) {
			*isnew = 0;
			return &m->vals[i];
		}
	m->keys[i] = k;
	m->vals[i] = v;
	m->n++;
	*isnew = 1;
	return &m->vals[i];
}

/*
 * A map from keys to the records of an array that grows as keys come:
 * the index of k's record, made (zeroed) when create is set and k is
 * new, or -1 when k has none.  *arr holds *n records of size bytes, with
 * room for *cap; the first allocation takes first.
 */
static long
map_slot(struct map *m, uint64_t k, int create, void **arr, size_t *n,
    size_t *cap, size_t size, size_t first)
{
	uint32_t *v;
	int isnew;

	if (!create) {
		v = map_get(m, k);
		return v ? (long)*v : -1;
	}
	v = map_put(m, k, (uint32_t)*n, &isnew);
	if (isnew) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : first;
			*arr = xrealloc(*arr, *cap, size);
		}
		memset((char *)*arr + *n * size, 0, size);
		(*n)++;
	}
	return (long)*v;
}

/* ------------------------------------------------------------------ */
/* The corpus. */

struct ttok {
	uint32_t	 off;	/* in the text arena */
	uint16_t	 len;
	uint8_t		 gold;
};

struct sent {
	size_t		 first;	/* first token */
	uint32_t	 n;
};

struct doc {
	size_t		 first;	/* first sentence */
	uint32_t	 n;
	uint32_t	 src;	/* corpus index */
};

static char	*arena;
static size_t	 narena, carena;
static struct ttok *toks;
static size_t	 ntoks, ctoks;
static struct sent *sents;
static size_t	 nsents, csents;
static struct doc *docs;
static size_t	 ndocs, cdocs;

/*
 * What to read, and how many times a document counts per epoch; weight
 * 0: text only (lower-case statistics).  GUM's genres share the
 * evaluation's annotation style, hence 5.  CrossNER's MISC is a grab-bag
 * of domain terms (genres, algorithms, albums) that news NER leaves
 * alone, and PUD has no MISC at all, so their MISC is read as O; with
 * that, all five CrossNER domains help (measured: dev F1 0.728 -> 0.735,
 * mean of four shuffles).  GMB's labels are too noisy to train on (its
 * text still counts for the lower-case statistics).
 */
struct source {
	const char	*path;
	int		 weight;
	int		 nomisc;	/* MISC labels are not reliable: O */
};

static struct source sources[] = {
	{ "uner_en/ewt-train.early.conll.xz", 1, 0 },
	{ "uner_en/ewt-dev.early.conll", 1, 0 },
	{ "uner_en/ewt-test.early.conll", 1, 0 },
	{ "uner_en/pud.conll", 1, 1 },
	{ "gum/academic.conll", 5, 0 },
	{ "gum/court.conll", 5, 0 },
	{ "gum/voyage.conll", 5, 0 },
	{ "redocred/redocred_dev_test.conll.xz", 1, 0 },
	{ "crossner/politics.conll", 1, 1 },
	{ "crossner/science.conll", 1, 1 },
	{ "crossner/music.conll", 1, 1 },
	{ "crossner/literature.conll", 1, 1 },
	{ "crossner/ai.conll", 1, 1 },
	{ "gmb/gmb_ner_dataset.conll.xz", 0, 0 },
};
#define NSOURCES	(sizeof(sources) / sizeof(sources[0]))

static int
parse_label(const char *s, int nomisc)
{
	static const char *const types[] = { "PER", "LOC", "ORG", "MISC" };
	int t;

	if (s[0] != 'B' && s[0] != 'I')
		return NER_O;
	if (s[1] != '-')
		return NER_O;
	for (t = 0; t < 4; t++)
		if (strcmp(s + 2, types[t]) == 0)
			break;
	if (t == 4 || (nomisc && t == 3))
		return NER_O;
	return 1 + 2 * t + (s[0] == 'I');
}

static void
end_sentence(size_t *sfirst)
{
	if (ntoks == *sfirst)
		return;
	if (nsents == csents) {
		csents = csents ? csents * 2 : 4096;
		sents = xrealloc(sents, csents, sizeof(*sents));
	}
	sents[nsents].first = *sfirst;
	sents[nsents].n = (uint32_t)(ntoks - *sfirst);
	nsents++;
	*sfirst = ntoks;
}

static void
end_doc(size_t *dfirst, uint32_t src)
{
	if (nsents == *dfirst)
		return;
	if (ndocs == cdocs) {
		cdocs = cdocs ? cdocs * 2 : 1024;
		docs = xrealloc(docs, cdocs, sizeof(*docs));
	}
	docs[ndocs].first = *dfirst;
	docs[ndocs].n = (uint32_t)(nsents - *dfirst);
	docs[ndocs].src = src;
	ndocs++;
	*dfirst = nsents;
}

/*
 * Read one CoNLL file.  Files without "# doc" lines (GMB) are cut into
 * pseudo-documents of 20 sentences so that the history feature and the
 * leave-one-out lexicon have a unit to work with.
 */
static void
load(const char *dir, uint32_t src)
{
	const struct source *so = &sources[src];
	char *path, *line = NULL, *tab;
	size_t cap = 0, sfirst, dfirst, plen;
	ssize_t len;
	FILE *fp;
	int xz, prevlab = NER_O, lab, sincedoc = 0;

	path = join(dir, so->path);
	plen = strlen(path);
	xz = plen > 3 && strcmp(path + plen - 3, ".xz") == 0;
	if (xz) {
		size_t n = plen + 16;
		char *cmd = xcalloc(n, 1);

		/* Paths come from the table above: no quotes in them. */
		snprintf(cmd, n, "xz -dc '%s'", path);
		fp = popen(cmd, "r");
		free(cmd);
	} else
		fp = fopen(path, "r");
	if (fp == NULL)
		err(2, "%s", path);
	sfirst = ntoks;
	dfirst = nsents;
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0) {
			end_sentence(&sfirst);
			prevlab = NER_O;
			if (++sincedoc >= 20 && strstr(so->path, "gmb") != NULL) {
				end_doc(&dfirst, src);
				sincedoc = 0;
			}
			continue;
		}
		if (strncmp(line, "# doc", 5) == 0) {
			end_sentence(&sfirst);
			end_doc(&dfirst, src);
			prevlab = NER_O;
			continue;
		}
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		if (tab - line == 0 || tab - line > 200)
			continue;
		lab = parse_label(tab + 1, so->nomisc);
		if (!ner_label_ok(prevlab, lab))
			lab--;			/* orphan I-X: B-X */
		prevlab = lab;
		if (narena + (size_t)(tab - line) > carena) {
			carena = carena ? carena * 2 : 1 << 22;
			arena = xrealloc(arena, carena, 1);
		}
		if (ntoks == ctoks) {
			ctoks = ctoks ? ctoks * 2 : 1 << 18;
			toks = xrealloc(toks, ctoks, sizeof(*toks));
		}
		toks[ntoks].off = (uint32_t)narena;
		toks[ntoks].len = (uint16_t)(tab - line);
		toks[ntoks].gold = (uint8_t)lab;
		ntoks++;
		memcpy(arena + narena, line, (size_t)(tab - line));
		narena += (size_t)(tab - line);
	}
	end_sentence(&sfirst);
	end_doc(&dfirst, src);
	free(line);
	if (xz ? pclose(fp) != 0 : fclose(fp) != 0)
		errx(2, "%s: read error", path);
	free(path);
}

/* ------------------------------------------------------------------ */
/* The lexicon. */

enum { C_FIRST, C_LAST, C_LOC, C_ORG, C_CAP, NCOUNT };

struct lexstat {
	uint32_t	 nall;		/* occurrences not sentence-initial */
	uint32_t	 nlower;	/* of which written in lower case */
	uint32_t	 cnt[NCOUNT];	/* label statistics (trained docs) */
	uint16_t	 sbits;		/* bits from the word lists */
};

static struct map lexmap;	/* key -> index into lexst */
static struct lexstat *lexst;
static size_t	 nlex, clex;

static struct lexstat *
lex_get(uint64_t key, int create)
{
	void *a = lexst;
	long i;

	i = map_slot(&lexmap, key, create, &a, &nlex, &clex, sizeof(*lexst),
	    1 << 16);
	lexst = a;
	return i < 0 ? NULL : &lexst[i];
}

/* Add one word-list entry (tokenized as the tagger will see it). */
static void
lex_add_phrase(const char *s, size_t len, uint16_t bits)
{
	struct tok_list tl;
	uint64_t h = 0;
	size_t i;

	tok_list_init(&tl);
	tok_text(&tl, s, len);
	for (i = 0; i < tl.n; i++) {
		uint64_t w = ner_hash_word(s + tl.v[i].off, tl.v[i].len);

		h = i == 0 ? w : ner_hash_phrase(h, w);
		if (i + 1 < tl.n)
			lex_get(h, 1)->sbits |= NER_LX_PHRASE;
		else
			lex_get(h, 1)->sbits |= bits;
	}
	tok_list_free(&tl);
}

static void
lex_file(const char *path, uint16_t bits)
{
	char *line = NULL, *p;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == ' '))
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		/* A list may say more after a TAB (names.txt: the gender). */
		if ((p = memchr(line, '\t', (size_t)len)) != NULL)
			len = p - line;
		lex_add_phrase(line, (size_t)len, bits);
	}
	free(line);
	fclose(fp);
}

/*
 * Names from an iso-codes JSON file: the values of "name", "common_name"
 * and "official_name"; "Korea, Republic of" gives "Korea".
 */
static void
lex_iso(const char *path, uint16_t bits)
{
	static const char *const keys[] = { "\"name\": \"",
	    "\"common_name\": \"", "\"official_name\": \"" };
	char *line = NULL, *p, *q;
	size_t cap = 0, k;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while (getline(&line, &cap, fp) != -1) {
		for (k = 0; k < 3; k++) {
			if ((p = strstr(line, keys[k])) == NULL)
				continue;
			p += strlen(keys[k]);
			if ((q = strchr(p, '"')) == NULL)
				continue;
			*q = '\0';
			if ((q = strchr(p, ',')) != NULL)
				*q = '\0';
			if ((q = strchr(p, '(')) != NULL)
				*q = '\0';
			lex_add_phrase(p, strlen(p), bits);
		}
	}
	free(line);
	fclose(fp);
}

/* City names from the tz database: Europe/Kyiv -> Kyiv. */
static void
lex_zones(const char *path)
{
	char *line = NULL, *p, *q;
	size_t cap = 0;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while (getline(&line, &cap, fp) != -1) {
		if (line[0] == '#')
			continue;
		if ((p = strchr(line, '\t')) == NULL ||
		    (p = strchr(p + 1, '\t')) == NULL)
			continue;
		p++;
		p[strcspn(p, "\t\n")] = '\0';
		if ((q = strrchr(p, '/')) != NULL)
			p = q + 1;
		for (q = p; *q; q++)
			if (*q == '_')
				*q = ' ';
		lex_add_phrase(p, strlen(p), NER_LX_CITY);
	}
	free(line);
	fclose(fp);
}

static int
first_lower(const char *s, size_t len)
{
	uint32_t c;

	tok_utf8(s, len, &c);
	return tok_isletter(c) && !tok_isupper(c);
}

static int
first_upper(const char *s, size_t len)
{
	uint32_t c;

	tok_utf8(s, len, &c);
	return tok_isupper(c);
}

/*
 * Label statistics of one document into counts indexed by a map: used
 * for the whole corpus and, per document, for leave-one-out.
 */
typedef void	(*count_fn)(void *ctx, uint64_t key, int what);

static void
count_doc(const struct doc *d, count_fn fn, void *ctx)
{
	size_t s, i, j, e;

	for (s = d->first; s < d->first + d->n; s++) {
		const struct sent *se = &sents[s];
		const struct ttok *t = &toks[se->first];

		for (i = 0; i < se->n; i++) {
			const char *w = arena + t[i].off;

			if (first_upper(w, t[i].len))
				fn(ctx, ner_hash_word(w, t[i].len), C_CAP);
			if (!NER_LABEL_ISB(t[i].gold))
				continue;
			for (e = i + 1; e < se->n && t[e].gold == t[i].gold + 1;
			    e++)
				;
			switch (NER_LABEL_TYPE(t[i].gold)) {
			case NER_PER:
				if (e - i >= 2)
					fn(ctx, ner_hash_word(w, t[i].len),
					    C_FIRST);
				fn(ctx, ner_hash_word(arena + t[e - 1].off,
				    t[e - 1].len), C_LAST);
				break;
			case NER_LOC:
			case NER_ORG:
				for (j = i; j < e; j++)
					if (first_upper(arena + t[j].off,
					    t[j].len))
						fn(ctx, ner_hash_word(arena +
						    t[j].off, t[j].len),
						    NER_LABEL_TYPE(t[i].gold) ==
						    NER_LOC ? C_LOC : C_ORG);
				break;
			}
		}
	}
}

static void
count_global(void *ctx, uint64_t key, int what)
{
	(void)ctx;
	lex_get(key, 1)->cnt[what]++;
}

/* Per-document counts for leave-one-out. */
struct local {
	struct map	 m;
	uint32_t	(*cnt)[NCOUNT];
	size_t		 n, c;
};

static struct local loc;

static void
count_local(void *ctx, uint64_t key, int what)
{
	struct local *l = ctx;
	uint32_t *v;
	int isnew;

	v = map_put(&l->m, key, (uint32_t)l->n, &isnew);
	if (isnew) {
		if (l->n == l->c) {
			l->c = l->c ? l->c * 2 : 1024;
			l->cnt = xrealloc(l->cnt, l->c, sizeof(*l->cnt));
		}
		memset(l->cnt[l->n], 0, sizeof(l->cnt[0]));
		l->n++;
	}
	l->cnt[*v][what]++;
}

static void
local_reset(void)
{
	memset(loc.m.keys, 0, (loc.m.mask + 1) * sizeof(*loc.m.keys));
	loc.m.n = 0;
	loc.n = 0;
}

static uint8_t
lcr_bucket(const struct lexstat *ls)
{
	double r;

	if (ls->nall < 2)
		return NER_LCR_UNSEEN;
	r = (double)ls->nlower / ls->nall;
	if (ls->nlower == 0)
		return NER_LCR_NEVER;
	if (r < 0.2)
		return NER_LCR_RARE;
	if (r < 0.6)
		return NER_LCR_HALF;
	if (ls->nlower < ls->nall)
		return NER_LCR_MOSTLY;
	return NER_LCR_ALWAYS;
}

/* Bits learnt from labels, given counts c (already less the local ones). */
static uint16_t
derived_bits(const uint32_t *c)
{
	uint16_t b = 0;

	if (c[C_FIRST] >= 2 && c[C_FIRST] * 3 >= c[C_CAP])
		b |= NER_LX_FIRST;
	if (c[C_LAST] >= 2 && c[C_LAST] * 3 >= c[C_CAP])
		b |= NER_LX_LAST;
	if (c[C_LOC] >= 2 && c[C_LOC] * 3 >= c[C_CAP])
		b |= NER_LX_LOCTOK;
	if (c[C_ORG] >= 2 && c[C_ORG] * 3 >= c[C_CAP])
		b |= NER_LX_ORGTOK;
	return b;
}

/* The lookup the trainer uses: leave the current document out. */
static int
train_look(void *ctx, uint64_t key, struct ner_lexent *e)
{
	const struct lexstat *ls;
	uint32_t c[NCOUNT], *v;
	int k;

	(void)ctx;
	if ((ls = lex_get(key, 0)) == NULL)
		return 0;
	memcpy(c, ls->cnt, sizeof(c));
	if ((v = map_get(&loc.m, key)) != NULL)
		for (k = 0; k < NCOUNT; k++)
			c[k] -= loc.cnt[*v][k] < c[k] ? loc.cnt[*v][k] : c[k];
	e->bits = ls->sbits | derived_bits(c);
	e->lcr = lcr_bucket(ls);
	return e->bits != 0 || e->lcr != NER_LCR_UNSEEN;
}

/* ------------------------------------------------------------------ */
/* The perceptron. */

struct wrow {
	float		 w[NER_NLABELS];
	double		 acc[NER_NLABELS];
	float		 sum[NER_NLABELS];	/* of the finished models */
};

static struct map wmap;		/* feature -> row */
static struct wrow *rows;
static size_t	 nrows, crows;

/*
 * Fold the averaged weights of the model just trained into sum and start
 * the next one from zero.  Several models trained on different shuffles
 * and averaged vary less from shuffle to shuffle than any one of them.
 */
static void
finish_model(double c, int nmodels)
{
	size_t i;
	int y;

	for (i = 0; i < nrows; i++) {
		struct wrow *r = &rows[i];

		for (y = 0; y < NER_NLABELS; y++) {
			r->sum[y] += (float)((r->w[y] - r->acc[y] / c) /
			    nmodels);
			r->w[y] = 0;
			r->acc[y] = 0;
		}
	}
}


static struct wrow *
row_get(uint64_t f, int create)
{
	void *a = rows;
	long i;

	i = map_slot(&wmap, f, create, &a, &nrows, &crows, sizeof(*rows),
	    1 << 20);
	rows = a;
	return i < 0 ? NULL : &rows[i];
}

/* History: the type a word (as written) got earlier in the document. */
static struct map hist;

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static uint64_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct stats {
	size_t	 tokens, skipped, skipped_ent, errors;
};

static void
train_sentence(const struct sent *se, struct ner_tokinfo *ti,
    const char **sp, size_t *lp, uint8_t *pred, double c, int update,
    struct stats *st)
{
	uint64_t f[NER_MAXFEAT];
	float sc[NER_NLABELS];
	size_t i, k, nf;
	uint32_t *h;
	int y, best, gold, y1, y2, isnew;

	for (i = 0; i < se->n; i++) {
		sp[i] = arena + toks[se->first + i].off;
		lp[i] = toks[se->first + i].len;
	}
	ner_feat_sentence(ti, sp, lp, NULL, se->n, train_look, NULL);
	for (i = 0; i < se->n; i++)
		if (ti[i].cap && ((h = map_get(&hist, ti[i].exact)) != NULL ||
		    (h = map_get(&hist, NER_LOWKEY(ti[i].word))) != NULL))
			ti[i].hist = (uint8_t)*h;
	for (i = 0; i < se->n; i++) {
		gold = toks[se->first + i].gold;
		y1 = i >= 1 ? pred[i - 1] : NER_O;
		y2 = i >= 2 ? pred[i - 2] : NER_O;
		st->tokens++;
		if (ner_feat_skip(ti, se->n, i, y1)) {
			st->skipped++;
			if (gold != NER_O)
				st->skipped_ent++;
			pred[i] = NER_O;
			continue;
		}
		ner_feat_ensure(ti, sp, lp, se->n, i, train_look, NULL);
		nf = ner_feat_extract(ti, se->n, i, y1, y2, f);
		memset(sc, 0, sizeof(sc));
		for (k = 0; k < nf; k++) {
			const struct wrow *r = row_get(f[k], 0);

			if (r == NULL)
				continue;
			for (y = 0; y < NER_NLABELS; y++)
				sc[y] += r->w[y];
		}
		best = NER_O;
		for (y = 1; y < NER_NLABELS; y++)
			if (ner_label_ok(y1, y) && sc[y] > sc[best])
				best = y;
		if (update && best != gold && ner_label_ok(y1, gold)) {
			st->errors++;
			for (k = 0; k < nf; k++) {
				struct wrow *r = row_get(f[k], 1);

				r->w[gold] += 1;
				r->acc[gold] += c;
				r->w[best] -= 1;
				r->acc[best] -= c;
			}
		}
		pred[i] = (uint8_t)best;
	}
	/* Remember what capitalised words were called. */
	for (i = 0; i < se->n; i++) {
		if (ti[i].cap) {
			h = map_put(&hist, ti[i].exact, 0, &isnew);
			*h = pred[i] == NER_O ? NER_HIST_O :
			    (uint32_t)NER_LABEL_TYPE(pred[i]);
		} else if (NER_LOWMARK(&ti[i]))
			*map_put(&hist, NER_LOWKEY(ti[i].word), 0, &isnew) =
			    NER_HIST_LOWER;
	}
}

/* ------------------------------------------------------------------ */
/* Output. */

static uint32_t
pow2_at_least(size_t n)
{
	uint32_t p = 1024;

	while (p < n)
		p *= 2;
	return p;
}

static int
cmpf(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * Place rows 1..n-1 (hashes h) in a bucketed cuckoo table of nb buckets
 * of 4 slots; NULL if they do not fit (the caller doubles nb).  Kicks
 * out slots in a fixed pseudo-random order, so the table is the same on
 * every run.
 */
static struct ner_wslot *
cuckoo(const uint64_t *h, uint32_t n, uint32_t nb)
{
	struct ner_wslot *ws = xcalloc((size_t)nb * 4, sizeof(*ws));
	uint64_t seed = 0x853c49e6748fea9bULL;
	uint32_t i, row, b, s, kick, m = nb - 1;

	for (i = 1; i < n; i++) {
		row = i;
		b = NER_MODEL_B1(h[row], m);
		for (kick = 0; kick < 1000; kick++) {
			uint32_t b1 = NER_MODEL_B1(h[row], m);
			uint32_t b2 = NER_MODEL_B2(h[row], m);

			for (s = 0; s < 4; s++)
				if (ws[b1 * 4 + s].key == 0) {
					b = b1;
					break;
				}
			if (s == 4)
				for (s = 0; s < 4; s++)
					if (ws[b2 * 4 + s].key == 0) {
						b = b2;
						break;
					}
			if (s < 4) {
				ws[b * 4 + s].key = NER_MODEL_KEY(h[row]);
				ws[b * 4 + s].row = row;
				break;
			}
			/* Both full: evict one, and place it next. */
			seed = seed * 6364136223846793005ULL + 1;
			b = (seed >> 40) & 1 ? b1 : b2;
			s = (uint32_t)(seed >> 33) & 3;
			{
				uint32_t out = ws[b * 4 + s].row;

				ws[b * 4 + s].key = NER_MODEL_KEY(h[row]);
				ws[b * 4 + s].row = row;
				row = out;
			}
		}
		if (kick == 1000) {
			free(ws);
			return NULL;
		}
	}
	return ws;
}

static void
write_model(const char *out, const char *cmdline, size_t maxfeat)
{
	struct ner_wslot *ws;
	int16_t (*wv)[NER_NLABELS];
	uint64_t *wh;
	struct ner_lslot *lt;
	float *mx, *sorted, thr, scale, gmax = 0;
	uint32_t nbuckets, lslots, r;
	size_t i, j, nkeep = 0, nlx = 0;
	char *tmp;
	FILE *fp;
	int y;

	/* Average, then keep the features with the largest weights. */
	mx = xcalloc(nrows, sizeof(*mx));
	for (i = 0; i < nrows; i++) {
		struct wrow *r = &rows[i];

		for (y = 0; y < NER_NLABELS; y++) {
			r->w[y] = r->sum[y];
			if (fabsf(r->w[y]) > mx[i])
				mx[i] = fabsf(r->w[y]);
		}
		if (mx[i] > gmax)
			gmax = mx[i];
	}
	sorted = xcalloc(nrows, sizeof(*sorted));
	memcpy(sorted, mx, nrows * sizeof(*sorted));
	qsort(sorted, nrows, sizeof(*sorted), cmpf);
	thr = nrows > maxfeat ? sorted[maxfeat] : 0;
	free(sorted);
	/*
	 * Weights as int16 with the largest at 1000: enough resolution (the
	 * sum of 60 features still fits an int32 with room), and short
	 * numbers keep the generated source small.
	 */
	scale = 1000.0f / gmax;
	for (i = 0; i < nrows; i++)
		if (mx[i] > thr && mx[i] * scale >= 1)
			nkeep++;
	/* Rows: 0 is the zero row, then the kept features in map order. */
	wv = xcalloc(nkeep + 1, sizeof(*wv));
	wh = xcalloc(nkeep + 1, sizeof(*wh));
	for (i = 0, r = 1; i <= wmap.mask; i++) {
		const struct wrow *rw;
		uint64_t k = wmap.keys[i];

		if (k == 0 || !(mx[wmap.vals[i]] > thr &&
		    mx[wmap.vals[i]] * scale >= 1))
			continue;
		rw = &rows[wmap.vals[i]];
		wh[r] = k;
		for (y = 0; y < NER_NLABELS; y++)
			wv[r][y] = (int16_t)lrintf(rw->w[y] * scale);
		r++;
	}
	nbuckets = pow2_at_least(nkeep / 4 + 1);
	while ((ws = cuckoo(wh, r, nbuckets)) == NULL)
		nbuckets *= 2;
	free(mx);

	/* The run-time lexicon: full counts, no leave-one-out. */
	lslots = pow2_at_least(lexmap.n + lexmap.n / 2);
	lt = xcalloc(lslots, sizeof(*lt));
	for (i = 0; i <= lexmap.mask; i++) {
		const struct lexstat *ls;
		uint16_t bits;
		uint8_t lcr;
		uint64_t k = lexmap.keys[i];

		if (k == 0)
			continue;
		ls = &lexst[lexmap.vals[i]];
		bits = ls->sbits | derived_bits(ls->cnt);
		lcr = lcr_bucket(ls);
		if (bits == 0 && lcr == NER_LCR_UNSEEN)
			continue;
		for (j = k & (lslots - 1); lt[j].key; j = (j + 1) & (lslots - 1))
			;
		lt[j].key = NER_MODEL_KEY(k);
		lt[j].bits = bits;
		lt[j].lcr = lcr;
		nlx++;
	}

	tmp = xcalloc(strlen(out) + 5, 1);
	snprintf(tmp, strlen(out) + 5, "%s.tmp", out);
	if ((fp = fopen(tmp, "w")) == NULL)
		err(2, "%s", tmp);
	fprintf(fp, "/* Generated by `%s` (make model); do not edit. */\n",
	    cmdline);
	fprintf(fp, "/* %zu features of %zu, %zu lexicon entries. */\n",
	    nkeep, nrows, nlx);
	fprintf(fp, "#include \"ner_model.h\"\n\n");
	fprintf(fp, "const uint32_t ner_model_wmask = %u;\n", nbuckets - 1);
	fprintf(fp, "const uint32_t ner_model_lmask = %u;\n\n", lslots - 1);
	fprintf(fp, "const struct ner_wslot ner_model_wslot[%u] = {\n",
	    nbuckets * 4);
	for (j = 0; j < (size_t)nbuckets * 4; j++)
		fprintf(fp, "{%u,%u},%s", ws[j].key, ws[j].row,
		    j % 8 == 7 ? "\n" : "");
	fprintf(fp, "};\n\nconst int16_t ner_model_wval[%u][%d] = {\n", r,
	    NER_NLABELS);
	for (j = 0; j < r; j++) {
		fputc('{', fp);
		for (y = 0; y < NER_NLABELS; y++)
			fprintf(fp, "%d%s", wv[j][y],
			    y + 1 < NER_NLABELS ? "," : "},\n");
	}
	fprintf(fp, "};\n\nconst struct ner_lslot ner_model_lex[%u] = {\n",
	    lslots);
	for (j = 0; j < lslots; j++)
		if (lt[j].key != 0)
			fprintf(fp, "{%u,%u,%u},\n", lt[j].key, lt[j].bits,
			    lt[j].lcr);
		else
			fprintf(fp, "{0},%s", j % 16 == 15 ? "\n" : "");
	fprintf(fp, "};\n");
	if (fclose(fp) != 0)
		err(2, "%s", tmp);
	if (rename(tmp, out) == -1)
		err(2, "%s", out);
	fprintf(stderr, "nertrain: %s: %zu features (of %zu), %zu lexicon "
	    "entries\n", out, nkeep, nrows, nlx);
	free(tmp);
	free(ws);
	free(wv);
	free(wh);
	free(lt);
}

/* ------------------------------------------------------------------ */

static void
usage(void)
{
	fprintf(stderr, "usage: nertrain [-e epochs] [-n maxfeatures] [-m models] [-r seed] [-s part=weight] "
	    "-d traindir -l datadir [-i isodir] [-z zonetab] -o file.c\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	const char *dir = NULL, *data = NULL, *out = NULL;
	const char *iso = "/usr/share/iso-codes/json";
	const char *zones = "/usr/share/zoneinfo/zone.tab";
	struct ner_tokinfo *ti = NULL;
	struct stats st;
	const char **sp = NULL;
	size_t *lp = NULL, maxlen = 0, i, s, nord, maxfeat = 120000, e;
	uint32_t *order;
	uint8_t *pred = NULL;
	char *path, *p, cmdline[512];
	double c = 1;
	int ch, epochs = 12, k, m, nmodels = 3;

	while ((ch = getopt(argc, argv, "d:e:i:l:m:n:o:r:s:z:")) != -1) {
		switch (ch) {
		case 'm':
			nmodels = atoi(optarg);
			break;
		case 'r':	/* another shuffle, to tell noise from gains */
			rng += (uint64_t)atol(optarg) * 0x9E3779B97F4A7C15ULL;
			break;
		case 's':	/* -s part=weight: reweigh the sources named */
			if ((p = strchr(optarg, '=')) == NULL)
				usage();
			*p = '\0';
			for (i = 0; i < NSOURCES; i++)
				if (strstr(sources[i].path, optarg) != NULL)
					sources[i].weight = atoi(p + 1);
			break;
		case 'd':
			dir = optarg;
			break;
		case 'e':
			epochs = atoi(optarg);
			break;
		case 'i':
			iso = optarg;
			break;
		case 'l':
			data = optarg;
			break;
		case 'n':
			maxfeat = (size_t)atol(optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case 'z':
			zones = optarg;
			break;
		default:
			usage();
		}
	}
	if (dir == NULL || data == NULL || out == NULL || epochs < 1 ||
	    nmodels < 1)
		usage();
	cmdline[0] = '\0';
	for (k = 0; k < argc; k++) {
		strlcat(cmdline, k ? " " : "", sizeof(cmdline));
		strlcat(cmdline, k ? argv[k] : "bin/nertrain", sizeof(cmdline));
	}

	for (i = 0; i < NSOURCES; i++)
		load(dir, (uint32_t)i);
	fprintf(stderr, "nertrain: %zu tokens, %zu sentences, %zu documents\n",
	    ntoks, nsents, ndocs);

	/* Word lists. */
	map_init(&lexmap, 1 << 16);
	{
		static const struct { const char *f; uint16_t bits; } lists[] = {
			{ "titles.txt", NER_LX_TITLE },
			{ "orgwords.txt", NER_LX_ORGWORD },
			{ "orgs.txt", NER_LX_ORGNAME },
			{ "locwords.txt", NER_LX_LOCWORD },
			{ "dates.txt", NER_LX_DATE },
			{ "cues.txt", NER_LX_CUE },
			{ "demonyms.txt", NER_LX_DEMONYM },
			{ "cities.txt", NER_LX_CITY },
			{ "countries-extra.txt", NER_LX_COUNTRY },
			{ "regions-extra.txt", NER_LX_REGION },
			/* The first names that quotes reads for gender. */
			{ "../quote/names.txt", NER_LX_GIVEN },
		};

		for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
			path = join(data, lists[i].f);
			lex_file(path, lists[i].bits);
			free(path);
		}
	}
	path = join(iso, "iso_3166-1.json");
	lex_iso(path, NER_LX_COUNTRY);
	free(path);
	path = join(iso, "iso_3166-2.json");
	lex_iso(path, NER_LX_REGION);
	free(path);
	lex_zones(zones);

	/* Lower-case statistics over all text, label counts over trained. */
	for (s = 0; s < nsents; s++) {
		for (i = 1; i < sents[s].n; i++) {
			const struct ttok *t = &toks[sents[s].first + i];
			const char *w = arena + t->off;
			struct lexstat *ls;
			uint32_t cp;

			tok_utf8(w, t->len, &cp);
			if (!tok_isletter(cp))
				continue;
			ls = lex_get(ner_hash_word(w, t->len), 1);
			ls->nall++;
			if (first_lower(w, t->len))
				ls->nlower++;
		}
		if (sents[s].n > maxlen)
			maxlen = sents[s].n;
	}
	for (i = 0; i < ndocs; i++)
		if (sources[docs[i].src].weight > 0)
			count_doc(&docs[i], count_global, NULL);
	fprintf(stderr, "nertrain: lexicon %zu entries\n", lexmap.n);

	ti = xcalloc(maxlen, sizeof(*ti));
	sp = xcalloc(maxlen, sizeof(*sp));
	lp = xcalloc(maxlen, sizeof(*lp));
	pred = xcalloc(maxlen, 1);
	map_init(&loc.m, 1 << 14);
	map_init(&hist, 1 << 14);
	map_init(&wmap, 1 << 22);

	nord = 0;
	for (i = 0; i < ndocs; i++)
		nord += (size_t)sources[docs[i].src].weight;
	order = xcalloc(nord, sizeof(*order));
	for (i = 0, e = 0; i < ndocs; i++)
		for (k = 0; k < sources[docs[i].src].weight; k++)
			order[e++] = (uint32_t)i;

	for (m = 0; m < nmodels; m++) {
	c = 1;
	for (k = 0; k < epochs; k++) {
		memset(&st, 0, sizeof(st));
		for (i = nord - 1; i > 0; i--) {
			size_t j = rnd() % (i + 1);
			uint32_t t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (e = 0; e < nord; e++) {
			const struct doc *d = &docs[order[e]];

			local_reset();
			count_doc(d, count_local, &loc);
			memset(hist.keys, 0, (hist.mask + 1) *
			    sizeof(*hist.keys));
			hist.n = 0;
			for (s = d->first; s < d->first + d->n; s++) {
				if (hist.n > 6000) {
					memset(hist.keys, 0, (hist.mask + 1) *
					    sizeof(*hist.keys));
					hist.n = 0;
				}
				train_sentence(&sents[s], ti, sp, lp, pred, c,
				    1, &st);
				c += sents[s].n;
			}
		}
		fprintf(stderr, "nertrain: model %d epoch %d: %zu tokens, %zu "
		    "skipped (%zu in entities), %zu errors, %zu features\n",
		    m + 1, k + 1, st.tokens, st.skipped, st.skipped_ent,
		    st.errors, nrows);
	}
	finish_model(c, nmodels);
	}
	write_model(out, cmdline, maxfeat);

	free(order);
	free(ti);
	free(sp);
	free(lp);
	free(pred);
	map_free(&loc.m);
	free(loc.cnt);
	map_free(&hist);
	map_free(&wmap);
	free(rows);
	map_free(&lexmap);
	free(lexst);
	free(toks);
	free(sents);
	free(docs);
	free(arena);
	return 0;
}
