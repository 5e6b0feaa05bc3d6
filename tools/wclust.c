/*
 * wclust: word classes from unlabelled text, for the entity tagger.
 *
 *	xz -dc ../shared/train/text/enwiki-*.xz | wclust [-v vocab] [-m mincount]
 *	    [-k coarse] [-K fine] [-p passes] > data/ner/clusters.tsv
 *
 * Reads WikiExtractor text (the <doc ...> and </doc> lines are skipped),
 * one paragraph a line, and splits it with the tokenizer of lib/tok.c,
 * keeping case.  The vocabulary is the `vocab` most frequent tokens seen
 * at least `mincount` times; bigrams with a word outside it are not
 * counted.
 *
 * The classes are found by the exchange algorithm (Kneser and Ney 1993;
 * Martin, Liermann and Ney 1998): every word in turn, most frequent first,
 * moves to the class that most raises the likelihood of the class bigram
 * model,
 *	sum N(c,d) log N(c,d) - sum N(c,.) log N(c,.) - sum N(.,d) log N(.,d),
 * found from the counts of the word's neighbours by class, which are
 * sparse for all but the frequent words.  First with `coarse` classes,
 * starting from word rank mod coarse; then with `fine` classes, starting
 * from each coarse class split in fine/coarse parts, so that the fine
 * classes mostly refine the coarse ones.  Deterministic: no random
 * numbers, and ties go to the lower class.
 *
 * Writes WORD<TAB>COARSE<TAB>FINE<TAB>COUNT, most frequent first.
 */
#include <err.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tok.h"

#define BREAK	UINT32_MAX	/* a paragraph end in the token sequence */

static void *
xmalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n ? n : 1, size)) == NULL)
		err(2, "calloc");
	return p;
}

static void *
xgrow(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n, size)) == NULL)
		err(2, "realloc");
	return p;
}

/* ------------------------------------------------------------------ */
/* The types seen, interned. */

struct type {
	char		*s;
	uint32_t	 len;
	uint64_t	 cnt;
};

static struct type *types;
static size_t	 ntypes, ctypes;
static uint32_t	*slot;		/* type index + 1; 0 empty */
static size_t	 smask;

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h ^ (h >> 29);
}

static void
rehash(void)
{
	size_t i, j, n = (smask + 1) * 2;

	free(slot);
	slot = xmalloc(n, sizeof(*slot));
	smask = n - 1;
	for (i = 0; i < ntypes; i++) {
		for (j = hash(types[i].s, types[i].len) & smask; slot[j];
		    j = (j + 1) & smask)
			;
		slot[j] = (uint32_t)i + 1;
	}
}

static uint32_t
intern(const char *s, size_t len)
{
	size_t j;
	struct type *t;

	for (j = hash(s, len) & smask; slot[j]; j = (j + 1) & smask) {
		t = &types[slot[j] - 1];
		if (t->len == len && memcmp(t->s, s, len) == 0)
			return slot[j] - 1;
	}
	if (ntypes == ctypes) {
		ctypes = ctypes ? ctypes * 2 : 1 << 16;
		types = xgrow(types, ctypes, sizeof(*types));
	}
	t = &types[ntypes];
	if ((t->s = malloc(len + 1)) == NULL)
		err(2, "malloc");
	memcpy(t->s, s, len);
	t->s[len] = '\0';
	t->len = (uint32_t)len;
	t->cnt = 0;
	slot[j] = (uint32_t)++ntypes;
	if (ntypes * 2 > smask)
		rehash();
	return (uint32_t)ntypes - 1;
}

/* The token sequence, as type indexes, BREAK between paragraphs. */
static uint32_t	*seq;
static size_t	 nseq, cseq;

static void
push(uint32_t v)
{
	if (nseq == cseq) {
		cseq = cseq ? cseq * 2 : 1 << 20;
		seq = xgrow(seq, cseq, sizeof(*seq));
	}
	seq[nseq++] = v;
}

/*
 * The curly apostrophe is read as the straight one, as the tagger's
 * exact-word hash does.
 */
static size_t
norm(char *d, const char *s, size_t len)
{
	size_t i, k = 0;

	for (i = 0; i < len; i++) {
		if (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			d[k++] = '\'';
			i += 2;
			continue;
		}
		d[k++] = s[i];
	}
	return k;
}

static void
read_text(FILE *fp)
{
	struct tok_list tl;
	char *line = NULL, *buf = NULL;
	size_t cap = 0, bcap = 0, i, n;
	ssize_t len;

	tok_list_init(&tl);
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (strncmp(line, "<doc ", 5) == 0 ||
		    strncmp(line, "</doc>", 6) == 0)
			continue;
		tl.n = 0;
		tok_text(&tl, line, (size_t)len);
		if (tl.n == 0)
			continue;
		for (i = 0; i < tl.n; i++) {
			uint32_t v;

			if (tl.v[i].len > bcap) {
				bcap = tl.v[i].len * 2;
				buf = xgrow(buf, bcap, 1);
			}
			n = norm(buf, line + tl.v[i].off, tl.v[i].len);
			v = intern(buf, n);
			types[v].cnt++;
			push(v);
		}
		push(BREAK);
	}
	if (ferror(fp))
		err(2, "read");
	free(line);
	free(buf);
	tok_list_free(&tl);
}

/* ------------------------------------------------------------------ */
/* The vocabulary and its bigram counts. */

static uint32_t	*vocab;		/* vocabulary index -> type */
static size_t	 V;
/* Right neighbours of w: rnb[rstart[w] .. rstart[w+1]), counts rcnt;
 * left neighbours likewise. */
static uint32_t	*rstart, *rnb, *rcnt, *lstart, *lnb, *lcnt;

static int
bycount(const void *a, const void *b)
{
	const struct type *x = &types[*(const uint32_t *)a];
	const struct type *y = &types[*(const uint32_t *)b];

	if (x->cnt != y->cnt)
		return x->cnt > y->cnt ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int
cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
build(size_t maxv, uint64_t mincnt)
{
	uint32_t *order, *idx, *fill;
	uint64_t *pairs, *lp;
	size_t i, np = 0, nu = 0, k;

	order = xmalloc(ntypes, sizeof(*order));
	for (i = 0; i < ntypes; i++)
		order[i] = (uint32_t)i;
	qsort(order, ntypes, sizeof(*order), bycount);
	for (V = 0; V < ntypes && V < maxv && types[order[V]].cnt >= mincnt;
	    V++)
		;
	vocab = order;
	idx = xmalloc(ntypes, sizeof(*idx));
	for (i = 0; i < ntypes; i++)
		idx[i] = BREAK;
	for (i = 0; i < V; i++)
		idx[vocab[i]] = (uint32_t)i;
	/* Map in place, then pair up. */
	for (i = 0; i < nseq; i++)
		seq[i] = seq[i] == BREAK ? BREAK : idx[seq[i]];
	free(idx);
	pairs = xmalloc(nseq, sizeof(*pairs));
	for (i = 0; i + 1 < nseq; i++)
		if (seq[i] != BREAK && seq[i + 1] != BREAK)
			pairs[np++] = (uint64_t)seq[i] << 32 | seq[i + 1];
	free(seq);
	seq = NULL;
	qsort(pairs, np, sizeof(*pairs), cmp64);
	/* Unique pairs with counts: pairs[] keeps the keys, rcnt counts. */
	rcnt = xmalloc(np, sizeof(*rcnt));
	for (i = 0; i < np; i++) {
		if (nu > 0 && pairs[nu - 1] == pairs[i]) {
			rcnt[nu - 1]++;
			continue;
		}
		pairs[nu] = pairs[i];
		rcnt[nu++] = 1;
	}
	rstart = xmalloc(V + 1, sizeof(*rstart));
	rnb = xmalloc(nu, sizeof(*rnb));
	for (i = 0; i < nu; i++) {
		rstart[(pairs[i] >> 32) + 1]++;
		rnb[i] = (uint32_t)pairs[i];
	}
	for (i = 0; i < V; i++)
		rstart[i + 1] += rstart[i];
	/* The left lists: the same pairs keyed by their second word. */
	lp = xmalloc(nu, sizeof(*lp));
	for (i = 0; i < nu; i++)
		lp[i] = (pairs[i] << 32 | pairs[i] >> 32);
	free(pairs);
	/* A counting sort by the second word, stable in the first. */
	lstart = xmalloc(V + 1, sizeof(*lstart));
	for (i = 0; i < nu; i++)
		lstart[(lp[i] >> 32) + 1]++;
	for (i = 0; i < V; i++)
		lstart[i + 1] += lstart[i];
	lnb = xmalloc(nu, sizeof(*lnb));
	lcnt = xmalloc(nu, sizeof(*lcnt));
	fill = xmalloc(V, sizeof(*fill));
	for (i = 0; i < V; i++)
		fill[i] = lstart[i];
	for (i = 0; i < nu; i++) {
		k = fill[lp[i] >> 32]++;
		lnb[k] = (uint32_t)lp[i];
		lcnt[k] = rcnt[i];
	}
	free(fill);
	free(lp);
	fprintf(stderr, "wclust: %zu tokens, %zu types, vocabulary %zu "
	    "(count >= %llu), %zu bigrams (%zu distinct)\n", nseq, ntypes, V,
	    (unsigned long long)types[vocab[V - 1]].cnt, np, nu);
}

/* ------------------------------------------------------------------ */
/* The exchange algorithm. */

#define FTAB	(1u << 20)
static double	*ftab;		/* x log x */

static inline double
F(int64_t x)
{
	return x < FTAB ? ftab[x] : (double)x * log((double)x);
}

struct clust {
	int		 K;
	uint32_t	*cls;		/* class of each word */
	int64_t		*N;		/* N[c*K+d]: bigrams of classes c, d */
	int64_t		*NT;		/* the transpose */
	int64_t		*NL, *NR;	/* N(c,.), N(.,d) */
};

static void
counts(struct clust *c)
{
	size_t w, j, K = (size_t)c->K;

	memset(c->N, 0, K * K * sizeof(*c->N));
	memset(c->NT, 0, K * K * sizeof(*c->NT));
	memset(c->NL, 0, K * sizeof(*c->NL));
	memset(c->NR, 0, K * sizeof(*c->NR));
	for (w = 0; w < V; w++)
		for (j = rstart[w]; j < rstart[w + 1]; j++) {
			uint32_t a = c->cls[w], b = c->cls[rnb[j]];

			c->N[a * K + b] += rcnt[j];
			c->NT[b * K + a] += rcnt[j];
			c->NL[a] += rcnt[j];
			c->NR[b] += rcnt[j];
		}
}

static double
loglik(const struct clust *c)
{
	size_t i, K = (size_t)c->K;
	double l = 0;

	for (i = 0; i < K * K; i++)
		if (c->N[i])
			l += F(c->N[i]);
	for (i = 0; i < K; i++)
		l -= F(c->NL[i]) + F(c->NR[i]);
	return l;
}

/* Add (sign 1) or remove (sign -1) word w's counts to class a. */
static void
move(struct clust *c, uint32_t a, int sign, const uint32_t *ll,
    size_t nl, const uint32_t *rl, size_t nr, const int64_t *l,
    const int64_t *r, int64_t s, int64_t nlw, int64_t nrw)
{
	size_t i, K = (size_t)c->K;

	for (i = 0; i < nl; i++) {
		c->N[ll[i] * K + a] += sign * l[ll[i]];
		c->NT[a * K + ll[i]] += sign * l[ll[i]];
	}
	for (i = 0; i < nr; i++) {
		c->N[a * K + rl[i]] += sign * r[rl[i]];
		c->NT[rl[i] * K + a] += sign * r[rl[i]];
	}
	c->N[a * K + a] += sign * s;
	c->NT[a * K + a] += sign * s;
	c->NL[a] += sign * nlw;
	c->NR[a] += sign * nrw;
}

/* The gain in log-likelihood of adding word w (removed) to class b. */
static double
gain(const struct clust *c, uint32_t b, const uint32_t *ll, size_t nl,
    const uint32_t *rl, size_t nr, const int64_t *l, const int64_t *r,
    int64_t s, int64_t nlw, int64_t nrw)
{
	size_t K = (size_t)c->K, i;
	const int64_t *row = c->N + b * K, *col = c->NT + b * K;
	int64_t bb = row[b];
	double g = 0;

	for (i = 0; i < nl; i++)
		g += F(col[ll[i]] + l[ll[i]]) - F(col[ll[i]]);
	for (i = 0; i < nr; i++)
		g += F(row[rl[i]] + r[rl[i]]) - F(row[rl[i]]);
	/* The (b,b) cell was counted twice above, and without s. */
	if (l[b])
		g -= F(bb + l[b]) - F(bb);
	if (r[b])
		g -= F(bb + r[b]) - F(bb);
	g += F(bb + l[b] + r[b] + s) - F(bb);
	g -= F(c->NL[b] + nlw) - F(c->NL[b]);
	g -= F(c->NR[b] + nrw) - F(c->NR[b]);
	return g;
}

static size_t
pass(struct clust *c)
{
	size_t K = (size_t)c->K, w, j, nl, nr, moved = 0, i;
	int64_t *l = xmalloc(K, sizeof(*l)), *r = xmalloc(K, sizeof(*r));
	uint32_t *ll = xmalloc(K, sizeof(*ll)), *rl = xmalloc(K, sizeof(*rl));

	for (w = 0; w < V; w++) {
		uint32_t a = c->cls[w], b, best;
		int64_t s = 0, nlw = 0, nrw = 0;
		double g, bestg = -INFINITY;

		nl = nr = 0;
		for (j = rstart[w]; j < rstart[w + 1]; j++) {
			nlw += rcnt[j];
			if (rnb[j] == w) {
				s += rcnt[j];
				continue;
			}
			b = c->cls[rnb[j]];
			if (r[b] == 0)
				rl[nr++] = b;
			r[b] += rcnt[j];
		}
		for (j = lstart[w]; j < lstart[w + 1]; j++) {
			nrw += lcnt[j];
			if (lnb[j] == w)
				continue;
			b = c->cls[lnb[j]];
			if (l[b] == 0)
				ll[nl++] = b;
			l[b] += lcnt[j];
		}
		move(c, a, -1, ll, nl, rl, nr, l, r, s, nlw, nrw);
		best = a;
		bestg = gain(c, a, ll, nl, rl, nr, l, r, s, nlw, nrw);
		for (b = 0; b < K; b++)
			if (b != a && (g = gain(c, b, ll, nl, rl, nr, l, r, s,
			    nlw, nrw)) > bestg + 1e-9) {
				bestg = g;
				best = b;
			}
		move(c, best, 1, ll, nl, rl, nr, l, r, s, nlw, nrw);
		if (best != a) {
			c->cls[w] = best;
			moved++;
		}
		for (i = 0; i < nl; i++)
			l[ll[i]] = 0;
		for (i = 0; i < nr; i++)
			r[rl[i]] = 0;
	}
	free(l);
	free(r);
	free(ll);
	free(rl);
	return moved;
}

static void
cluster(struct clust *c, int passes, time_t t0)
{
	size_t K = (size_t)c->K, moved;
	int p;

	c->N = xmalloc(K * K, sizeof(*c->N));
	c->NT = xmalloc(K * K, sizeof(*c->NT));
	c->NL = xmalloc(K, sizeof(*c->NL));
	c->NR = xmalloc(K, sizeof(*c->NR));
	counts(c);
	fprintf(stderr, "wclust: K %zu: start, log-likelihood %.6g\n", K,
	    loglik(c));
	for (p = 1; p <= passes; p++) {
		moved = pass(c);
		fprintf(stderr, "wclust: K %zu: pass %d, %zu moved, "
		    "log-likelihood %.6g, %lds\n", K, p, moved, loglik(c),
		    (long)(time(NULL) - t0));
		if (moved < V / 1000)
			break;
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: wclust [-v vocab] [-m mincount] [-k coarse] "
	    "[-K fine] [-p passes] < text\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct clust co, fi;
	size_t maxv = 100000, i;
	uint64_t mincnt = 5;
	int ch, k = 64, kf = 512, passes = 15;
	time_t t0 = time(NULL);
	uint32_t *rank;

	while ((ch = getopt(argc, argv, "v:m:k:K:p:")) != -1)
		switch (ch) {
		case 'v':
			maxv = strtoul(optarg, NULL, 10);
			break;
		case 'm':
			mincnt = strtoull(optarg, NULL, 10);
			break;
		case 'k':
			k = atoi(optarg);
			break;
		case 'K':
			kf = atoi(optarg);
			break;
		case 'p':
			passes = atoi(optarg);
			break;
		default:
			usage();
		}
	if (optind != argc || k < 2 || kf < k || kf % k != 0 || maxv < 2)
		usage();
	smask = (1 << 20) - 1;
	slot = xmalloc(smask + 1, sizeof(*slot));
	read_text(stdin);
	build(maxv, mincnt);
	if (V < (size_t)kf)
		errx(2, "vocabulary of %zu words, fewer than %d classes", V,
		    kf);
	ftab = xmalloc(FTAB, sizeof(*ftab));
	for (i = 1; i < FTAB; i++)
		ftab[i] = (double)i * log((double)i);

	co.K = k;
	co.cls = xmalloc(V, sizeof(*co.cls));
	for (i = 0; i < V; i++)
		co.cls[i] = (uint32_t)(i % (size_t)k);
	cluster(&co, passes, t0);

	/* Fine: the j-th word of coarse class c starts in c*m + j%m. */
	fi.K = kf;
	fi.cls = xmalloc(V, sizeof(*fi.cls));
	rank = xmalloc((size_t)k, sizeof(*rank));
	for (i = 0; i < V; i++)
		fi.cls[i] = co.cls[i] * (uint32_t)(kf / k) +
		    rank[co.cls[i]]++ % (uint32_t)(kf / k);
	cluster(&fi, passes, t0);

	for (i = 0; i < V; i++)
		printf("%s\t%u\t%u\t%llu\n", types[vocab[i]].s, co.cls[i],
		    fi.cls[i], (unsigned long long)types[vocab[i]].cnt);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "stdout");
	return 0;
}
