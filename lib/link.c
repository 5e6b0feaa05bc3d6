/*
 * link.c - linking the mentions of one document to their entities (see
 * link.h).
 *
 * A document keeps one record per distinct name (as written, with titles,
 * a leading "the" and a possessive 's taken off, compared without case).
 * Nothing is decided while mentions come in; when a name is asked for,
 * the names are settled:
 *	- each name takes the type of its first mention, corrected by the
 *	  words its name ends or begins with and, for a lone word, by the
 *	  other types it got;
 *	- names join through the dictionary (user entries, then the shipped
 *	  aliases, then the weaker places);
 *	- acronyms join the one long form whose initials they spell;
 *	- short forms join the one fullest name that holds them.
 * Each group then takes its dictionary NAME, or else its fullest member,
 * as its name, and that member's type.
 *
 * The text helpers, the titles and the dictionary are linkdict.c's
 * (link_int.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "link_int.h"
#include "tok.h"
#include "util.h"

/*
 * Generated from data/ (tools/linktab.awk): the word tables
 * link_orgsuffix_tab[], link_locsuffix_tab[], link_locprefix_tab[],
 * link_miscprefix_tab[], link_miscprefix_any_tab[],
 * link_miscprefix_before_tab[], link_miscsuffix_tab[]; linkdict.c takes
 * the aliases and titles.
 */
#define LINK_TAB_WORDS
#include "link_tab.h"
#include "link_words.h"

#define NAME_MAX_WORDS	24	/* words of a name compared when joining */
#define TITLE_MAX	64	/* bytes of a title kept */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A distinct name of a document. */
struct lname {
	size_t		 off, len;	/* as written (spaces collapsed) */
	size_t		 foff, flen;	/* folded (fold_marks()) */
	size_t		 toff, tlen;	/* a title seen with it */
	uint32_t	 hash;
	unsigned	 cnt[ENT_NTYPES];
	enum ent_type	 first;		/* the type of its first mention */
	enum ent_type	 type;		/* settled type */
	int		 gender;
	ssize_t		 dict;		/* dictionary entity, or -1 */
	size_t		 best;		/* the group's fullest member so far */
	size_t		 gfirst;	/* the group's first full name */
	size_t		 parent;	/* union-find */
	size_t		 nw;		/* words */
	size_t		 core;		/* words less a suffix such as Jr. */
	uint32_t	 hfirst, hlast;	/* hashes of the first, last core word */
	uint32_t	 nfirst, nlast;	/* next name of the same hash, + 1 */
	uint32_t	 hpen, npen;	/* a person's word before the last */
	size_t		 w[NAME_MAX_WORDS];	/* word starts (folded text) */
	size_t		 wl[NAME_MAX_WORDS];	/* word lengths */
	size_t		 coff, clen;	/* the group's NAME, once settled */
	int		 cdict;		/* NAME in the dictionary's arena */
	enum ent_type	 ctype;
	size_t		 ctoff, ctlen;	/* the group's title */
	int		 cgender;
};

struct link_doc {
	const struct link_dict *dict;
	struct lname	*v;
	size_t		 n, cap;
	char		*arena;
	size_t		 alen, acap;
	uint32_t	*ht;		/* folded name -> name + 1 */
	size_t		 htcap;
	uint32_t	*bfirst, *blast;	/* word hash -> first name + 1 */
	uint32_t	*bpen;		/* the same for paternal surnames */
	size_t		 bcap;
	ssize_t		*dfirst;	/* dictionary entity -> first name */
	size_t		 dcap;
	int		 dirty;
};

/*
 * The letters of U+00C0 to U+017F without their marks, lower-cased by
 * fold_marks(); a full stop where a letter has none ("\xc3\x86", "\xc3\x9f").
 * From Unicode's canonical decompositions, with the letters that have
 * none in it but are read as a plain letter with a stroke added (O with
 * stroke, D with stroke, H with stroke, dotless i, L with stroke).
 */
static const char marks_base[] =
    "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY.."
    "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y"
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIiIi..JjKk.LlLlLl."
    ".LlNnNnNn...OoOoOo..RrRrRrSsSsSs"
    "SsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.";

/*
 * Fold a document's name for comparing: lower case, and a Latin letter
 * with a mark as the letter without it, so that a name written with
 * its marks and without them is one name ("Erdo\xc4\x9fan", "Erdogan";
 * "Kaczy\xc5\x84ski", "Kaczynski"), as news in English often drops them.
 * Returns the folded length, which is n or less; spaces stay where
 * they were in the order of the words.
 */
static size_t
fold_marks(char *dst, const char *s, size_t n)
{
	size_t		 i, k;
	unsigned	 c, cp, hi;

	/* Most names are ASCII: fold them as fold() does. */
	for (hi = 0, i = 0; i < n; i++) {
		hi |= (unsigned char)s[i];
		dst[i] = lower((unsigned char)s[i]);
	}
	if (!(hi & 0x80))
		return n;
	for (i = k = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0xc3 && c <= 0xc5 && i + 1 < n &&
		    ((unsigned char)s[i + 1] & 0xc0) == 0x80) {
			cp = ((c & 0x1f) << 6) | ((unsigned char)s[i + 1] & 0x3f);
			if (marks_base[cp - 0xc0] != '.') {
				dst[k++] = lower(marks_base[cp - 0xc0]);
				i++;
				continue;
			}
		}
		dst[k++] = lower(c);
	}
	return k;
}

/* The names of one document. */

struct link_doc *
link_doc_new(const struct link_dict *d)
{
	struct link_doc	*ld;

	ld = nu_calloc(1, sizeof(*ld));
	ld->dict = d;
	ld->htcap = 64;
	ld->ht = nu_calloc(ld->htcap, sizeof(*ld->ht));
	return ld;
}

void
link_doc_reset(struct link_doc *ld)
{
	ld->n = 0;
	ld->alen = 0;
	ld->dirty = 0;
	memset(ld->ht, 0, ld->htcap * sizeof(*ld->ht));
}

void
link_doc_free(struct link_doc *ld)
{
	if (ld == NULL)
		return;
	free(ld->v);
	free(ld->arena);
	free(ld->ht);
	free(ld->bfirst);
	free(ld->blast);
	free(ld->bpen);
	free(ld->dfirst);
	free(ld);
}

static void
doc_ht_grow(struct link_doc *ld)
{
	size_t	 i, j;

	free(ld->ht);
	ld->htcap *= 2;
	ld->ht = nu_calloc(ld->htcap, sizeof(*ld->ht));
	for (i = 0; i < ld->n; i++) {
		for (j = ld->v[i].hash & (ld->htcap - 1); ld->ht[j] != 0;
		    j = (j + 1) & (ld->htcap - 1))
			continue;
		ld->ht[j] = i + 1;
	}
}

/*
 * The name a mention stands for: white space collapsed, and for every
 * type a leading "the" and a trailing possessive taken off, for people
 * also the titles before the name.  Returns the length in buf; the
 * title is copied to tbuf (TITLE_MAX bytes), its length to *tlen.
 */
static size_t
mention_name(const struct link_dict *d, enum ent_type type, const char *text,
    size_t len, char *buf, size_t cap, char *tbuf, size_t *tlen, int *gender)
{
	size_t	 n, k, i;

	n = link_collapse(buf, cap, text, len);
	*tlen = 0;
	/* A leading "the", unless the dictionary has it ("The Hague"). */
	if (n > 4 && ci_eq(buf, "the ", 4) && link_dict_entity(d, buf, n) < 0) {
		memmove(buf, buf + 4, n - 4);
		n -= 4;
	}
	/* A possessive: 's, ’s, or a bare ' after an s. */
	if (n > 2 && buf[n - 2] == '\'' &&
	    lower((unsigned char)buf[n - 1]) == 's')
		n -= 2;
	else if (n > 4 && memcmp(buf + n - 4, "\xe2\x80\x99", 3) == 0 &&
	    lower((unsigned char)buf[n - 1]) == 's')
		n -= 4;
	else if (n > 2 && buf[n - 1] == '\'' && buf[n - 2] == 's')
		n -= 1;
	while (n > 0 && (buf[n - 1] == ',' || buf[n - 1] == ' '))
		n--;
	if (type == ENT_PERSON && (k = link_title_prefix(buf, n, gender)) > 0 &&
	    k < n) {
		for (i = k; i > 0 && buf[i - 1] == ' '; i--)
			continue;
		*tlen = i < TITLE_MAX ? i : TITLE_MAX;
		memcpy(tbuf, buf, *tlen);
		memmove(buf, buf + k, n - k);
		n -= k;
	}
	return n;
}

static void
set_title(struct link_doc *ld, struct lname *nm, const char *t, size_t tl,
    int gender)
{
	/* The longest title wins: "President" says more than "Mr". */
	if (tl > nm->tlen) {
		nm->toff = link_arena_add(&ld->arena, &ld->alen, &ld->acap, t,
		    tl);
		nm->tlen = tl;
	}
	if (gender != 0 && nm->gender == 0)
		nm->gender = gender;
}

size_t
link_mention(struct link_doc *ld, enum ent_type type, const char *text,
    size_t len)
{
	char		 buf[LINK_NAME_MAX], fb[LINK_NAME_MAX], tb[TITLE_MAX];
	size_t		 n, fn, tl, j, i;
	uint32_t	 h;
	struct lname	*nm;
	int		 gender, allcaps;

	if ((unsigned)type >= ENT_NTYPES)
		type = ENT_MISC;
	gender = 0;
	n = mention_name(ld->dict, type, text, len, buf, sizeof(buf), tb, &tl,
	    &gender);
	if (n == 0)
		n = link_collapse(buf, sizeof(buf), text, len);
	if (n == 0)
		return LINK_NONE;
	fn = fold_marks(fb, buf, n);
	h = nu_hash(fb, fn);
	for (j = h & (ld->htcap - 1); ld->ht[j] != 0;
	    j = (j + 1) & (ld->htcap - 1)) {
		nm = &ld->v[ld->ht[j] - 1];
		if (nm->hash == h && nm->flen == fn &&
		    memcmp(ld->arena + nm->foff, fb, fn) == 0)
			break;
	}
	if (ld->ht[j] != 0) {
		nm = &ld->v[ld->ht[j] - 1];
		/*
		 * Prefer a form with the marks of its letters to one without
		 * them ("Kaczy\xc5\x84ski" to "Kaczynski": the name as its
		 * bearer writes it), and one in mixed case to a dateline's
		 * capitals.
		 */
		allcaps = nm->len == n;
		for (i = 0; i < n && allcaps; i++)
			if (islower_a((unsigned char)ld->arena[nm->off + i]))
				allcaps = 0;
		if (allcaps)
			memcpy(ld->arena + nm->off, buf, n);
		else if (n > nm->len) {
			nm->off = link_arena_add(&ld->arena, &ld->alen,
			    &ld->acap, buf, n);
			nm->len = n;
		}
	} else {
		if (ld->n >= LINK_MAX_ENTITIES)
			return LINK_NONE;
		if (ld->n == ld->cap) {
			ld->cap = ld->cap ? ld->cap * 2 : 64;
			ld->v = nu_reallocarray(ld->v, ld->cap, sizeof(*ld->v));
		}
		if ((ld->n + 1) * 2 > ld->htcap)
			doc_ht_grow(ld);
		for (j = h & (ld->htcap - 1); ld->ht[j] != 0;
		    j = (j + 1) & (ld->htcap - 1))
			continue;
		ld->ht[j] = ld->n + 1;
		nm = &ld->v[ld->n++];
		memset(nm, 0, sizeof(*nm));
		nm->off = link_arena_add(&ld->arena, &ld->alen, &ld->acap, buf,
		    n);
		nm->foff = link_arena_add(&ld->arena, &ld->alen, &ld->acap, fb,
		    fn);
		nm->flen = fn;
		nm->len = n;
		nm->hash = h;
		nm->first = type;
	}
	nm->cnt[type]++;
	if (tl > 0 || gender != 0)
		set_title(ld, nm, tb, tl, gender);
	ld->dirty = 1;
	return nm - ld->v;
}

void
link_title_seen(struct link_doc *ld, size_t ent, const char *t, size_t tl)
{
	char	 buf[TITLE_MAX];
	size_t	 n;
	int	 gender;

	if (ent >= ld->n)
		return;
	n = link_collapse(buf, sizeof(buf), t, tl);
	gender = 0;
	(void)link_title_at(buf, n, &gender);
	set_title(ld, &ld->v[ent], buf, n, gender);
	ld->dirty = 1;
}

/* Settling the names. */

static size_t
find(struct link_doc *ld, size_t i)
{
	while (ld->v[i].parent != i) {
		ld->v[i].parent = ld->v[ld->v[i].parent].parent;
		i = ld->v[i].parent;
	}
	return i;
}

static void
join(struct link_doc *ld, size_t a, size_t b)
{
	a = find(ld, a);
	b = find(ld, b);
	if (a != b)
		ld->v[a].parent = b;
}

/* Split a name's folded text into words at spaces and hyphens' ends. */
static void
split_words(struct link_doc *ld, struct lname *nm)
{
	const char	*f;
	size_t		 i, s;

	f = ld->arena + nm->foff;
	nm->nw = 0;
	for (i = 0; i < nm->flen && nm->nw < NAME_MAX_WORDS; ) {
		while (i < nm->flen && f[i] == ' ')
			i++;
		if (i == nm->flen)
			break;
		s = i;
		while (i < nm->flen && f[i] != ' ')
			i++;
		nm->w[nm->nw] = s;
		nm->wl[nm->nw] = i - s;
		nm->nw++;
	}
}

/*
 * Word k of a name as written, its length in *len: the folded words'
 * offsets do not hold there when a letter's mark was folded away.
 */
static const char *
written_word(struct link_doc *ld, const struct lname *nm, size_t k,
    size_t *len)
{
	const char	*s, *e, *sp;

	s = ld->arena + nm->off;
	e = s + nm->len;
	if (nm->flen == nm->len) {
		*len = nm->wl[k];
		return s + nm->w[k];
	}
	for (;;) {
		while (s < e && *s == ' ')
			s++;
		if ((sp = memchr(s, ' ', e - s)) == NULL)
			sp = e;
		if (k-- == 0 || sp == e) {
			*len = sp - s;
			return s;
		}
		s = sp;
	}
}

/* Is the last word of a name, as written, a dictionary entity? */
static int
known_last(struct link_doc *ld, const struct lname *nm)
{
	const char	*w;
	size_t		 l;

	w = written_word(ld, nm, nm->nw - 1, &l);
	return link_dict_entity(ld->dict, w, l) >= 0;
}

static int
word_eq(struct link_doc *ld, const struct lname *a, size_t i,
    const struct lname *b, size_t j)
{
	return a->wl[i] == b->wl[j] && memcmp(ld->arena + a->foff + a->w[i],
	    ld->arena + b->foff + b->w[j], a->wl[i]) == 0;
}

/* Generational suffixes do not count as a surname. */
static size_t
count_core(struct link_doc *ld, const struct lname *nm)
{
	const char	*w;
	size_t		 l;

	if (nm->nw < 2)
		return nm->nw;
	w = ld->arena + nm->foff + nm->w[nm->nw - 1];
	l = nm->wl[nm->nw - 1];
	if (l > 0 && w[l - 1] == ',')
		l--;
	if (tok_inlist(link_w_generation, NELEM(link_w_generation), w, l))
		return nm->nw - 1;
	return nm->nw;
}

/*
 * The word before the last of a person's name of three words or more,
 * when it may be a surname of its own: capitalised, no initial, no
 * particle ("Ruiz" of "Ana Ruiz Soto", not "W." nor "van").
 */
static int
paternal(struct link_doc *ld, const struct lname *nm)
{
	const char	*w;
	size_t		 l;

	if (nm->core < 3)
		return 0;
	w = written_word(ld, nm, nm->core - 2, &l);
	return l > 2 && w[l - 1] != '.' && (isupper_a((unsigned char)w[0]) ||
	    (unsigned char)w[0] >= 0x80);
}

/*
 * Is short a shorter form of long?  Its words must be the end of long's
 * (a surname: "Putin", "van der Berg"), its beginning ("Hillary"), or,
 * for people, long's first and last word with middle names left out.
 * A person's name of three words may end in two surnames, the father's
 * and the mother's, as Spanish names do: the father's alone, or after
 * the given name, is a short form too ("Ruiz", "Ana Ruiz" of "Ana Ruiz
 * Soto").
 */
static int
shorter_form(struct link_doc *ld, const struct lname *s, const struct lname *l,
    int person)
{
	size_t	 sn, ln, i;
	int	 ok;

	sn = s->core;
	ln = l->core;
	if (sn == 0 || sn >= ln)
		return 0;
	for (ok = 1, i = 0; i < sn && ok; i++)
		ok = word_eq(ld, s, sn - 1 - i, l, ln - 1 - i);
	if (ok)
		return 1;
	for (ok = 1, i = 0; i < sn && ok; i++)
		ok = word_eq(ld, s, i, l, i);
	if (ok)
		return 1;
	if (person && sn == 2 && word_eq(ld, s, 0, l, 0) &&
	    word_eq(ld, s, 1, l, ln - 1))
		return 1;
	if (person && sn <= 2 && paternal(ld, l))
		return word_eq(ld, s, sn - 1, l, ln - 2) && (sn == 1 ||
		    word_eq(ld, s, 0, l, 0));
	return 0;
}

static int
function_word(const char *w, size_t n)
{
	return tok_inlist(link_w_function, NELEM(link_w_function), w, n);
}

/*
 * Do the letters a[0..na) spell the initials of the words (hyphenated
 * parts count as words) w[0..nw)?  Function words may be left out.
 */
static int
initials(const char *a, size_t na, const char *const *w, const size_t *wl,
    size_t nw, int depth)
{
	if (depth > 64)
		return 0;
	if (nw == 0)
		return na == 0;
	if (function_word(w[0], wl[0]) &&
	    initials(a, na, w + 1, wl + 1, nw - 1, depth + 1))
		return 1;
	if (na == 0 ||
	    lower((unsigned char)a[0]) != lower((unsigned char)w[0][0]))
		return 0;
	return initials(a + 1, na - 1, w + 1, wl + 1, nw - 1, depth + 1);
}

static int
spells(struct link_doc *ld, const struct lname *acr, const struct lname *l)
{
	char		 a[16];
	const char	*w[2 * NAME_MAX_WORDS], *f;
	size_t		 wl[2 * NAME_MAX_WORDS], na, nw, i, k, s;

	f = ld->arena + acr->off;
	for (na = i = 0; i < acr->len; i++)
		if (isupper_a((unsigned char)f[i]) && na < sizeof(a))
			a[na++] = f[i];
	f = ld->arena + l->foff;
	nw = 0;
	for (k = 0; k < l->nw; k++) {
		for (s = i = l->w[k]; i <= l->w[k] + l->wl[k]; i++) {
			if (i < l->w[k] + l->wl[k] && f[i] != '-')
				continue;
			if (i > s && nw < 2 * NAME_MAX_WORDS) {
				w[nw] = f + s;
				wl[nw++] = i - s;
			}
			s = i + 1;
		}
	}
	return nw > na / 2 && initials(a, na, w, wl, nw, 0);
}

/* Is a better than b as the name of their group? */
static int
fuller(struct link_doc *ld, const struct lname *a, const struct lname *b)
{
	size_t	 i;
	int	 ca, cb;

	if (a->nw != b->nw)
		return a->nw > b->nw;
	if (a->len != b->len)
		return a->len > b->len;
	/* Mixed case over capitals, then the first seen. */
	for (ca = cb = 0, i = 0; i < a->len; i++) {
		ca |= islower_a((unsigned char)ld->arena[a->off + i]);
		cb |= islower_a((unsigned char)ld->arena[b->off + i]);
	}
	if (ca != cb)
		return ca;
	return a < b;
}

/*
 * The fullest name of the types in mask that holds name i as a shorter
 * form, or -1; *same says whether every name holding it that no other
 * holder holds is of that one group.
 */
static size_t
holder(struct link_doc *ld, size_t i, unsigned mask, int *same)
{
	struct lname	*a, *b;
	size_t		 j, cand, chain;
	uint32_t	 next;
	int		 person;

	a = &ld->v[i];
	cand = (size_t)-1;
	*same = 1;
	if (a->core == 0)
		return cand;
	/*
	 * A name that holds a shorter form ends with its last word or
	 * begins with its first, or, a person's, has it before its last:
	 * only those three chains are looked at.
	 */
	for (chain = 0; chain < 3 && *same; chain++) {
		next = chain == 0 ? ld->blast[a->hlast & (ld->bcap - 1)] :
		    chain == 1 ? ld->bfirst[a->hfirst & (ld->bcap - 1)] :
		    ld->bpen[a->hlast & (ld->bcap - 1)];
		for (; next != 0 && *same; next = chain == 0 ? b->nlast :
		    chain == 1 ? b->nfirst : b->npen) {
			j = next - 1;
			b = &ld->v[j];
			person = b->type == ENT_PERSON;
			if (j == i || !(mask & (1u << b->type)) ||
			    !shorter_form(ld, a, b, person))
				continue;
			if (cand == (size_t)-1 || shorter_form(ld,
			    &ld->v[cand], b, person))
				cand = j;
			else if (!shorter_form(ld, b, &ld->v[cand],
			    ld->v[cand].type == ENT_PERSON) &&
			    find(ld, cand) != find(ld, j))
				*same = 0;
		}
	}
	return cand;
}

/*
 * Index the names by their first and last core word, the only names
 * holder() must look at.
 */
static void
index_words(struct link_doc *ld)
{
	struct lname	*a;
	size_t		 i, k;
	uint32_t	 m;

	if (ld->bcap < 2 * ld->n || ld->bcap == 0) {
		for (ld->bcap = ld->bcap ? ld->bcap : 64; ld->bcap < 2 * ld->n;
		    ld->bcap *= 2)
			continue;
		ld->bfirst = nu_reallocarray(ld->bfirst, ld->bcap,
		    sizeof(*ld->bfirst));
		ld->blast = nu_reallocarray(ld->blast, ld->bcap,
		    sizeof(*ld->blast));
		ld->bpen = nu_reallocarray(ld->bpen, ld->bcap,
		    sizeof(*ld->bpen));
	}
	memset(ld->bfirst, 0, ld->bcap * sizeof(*ld->bfirst));
	memset(ld->blast, 0, ld->bcap * sizeof(*ld->blast));
	memset(ld->bpen, 0, ld->bcap * sizeof(*ld->bpen));
	m = ld->bcap - 1;
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		a->core = count_core(ld, a);
		a->nfirst = a->nlast = a->npen = 0;
		if (a->core == 0)
			continue;
		a->hfirst = nu_hash(ld->arena + a->foff + a->w[0], a->wl[0]);
		k = a->core - 1;
		a->hlast = nu_hash(ld->arena + a->foff + a->w[k], a->wl[k]);
		a->nfirst = ld->bfirst[a->hfirst & m];
		ld->bfirst[a->hfirst & m] = i + 1;
		a->nlast = ld->blast[a->hlast & m];
		ld->blast[a->hlast & m] = i + 1;
		if (a->type == ENT_PERSON && paternal(ld, a)) {
			k = a->core - 2;
			a->hpen = nu_hash(ld->arena + a->foff + a->w[k],
			    a->wl[k]);
			a->npen = ld->bpen[a->hpen & m];
			ld->bpen[a->hpen & m] = i + 1;
		}
	}
}

/* Is the word w[0..l) in the table?  Case and a full stop after it are
 * ignored. */
static int
in_tab(const char *w, size_t l, const char *const *tab)
{
	const char *const *t;

	if (l > 1 && w[l - 1] == '.')
		l--;
	for (t = tab; *t != NULL; t++)
		if (strlen(*t) == l && ci_eq(w, *t, l))
			return 1;
	return 0;
}

/*
 * Does the name end (or, with first, begin) with a word of the table?
 * Case and a full stop after the word are ignored.
 */
static int
edge_word(struct link_doc *ld, const struct lname *nm,
    const char *const *tab, int first)
{
	const char	*w;
	size_t		 k;

	if (nm->nw < 2)
		return 0;
	k = first ? 0 : nm->nw - 1;
	w = ld->arena + nm->foff + nm->w[k];
	return in_tab(w, nm->wl[k], tab);
}

int
link_thing_word(const char *w, size_t n, int after)
{
	if (after)
		return in_tab(w, n, link_miscsuffix_tab);
	return in_tab(w, n, link_miscprefix_tab) ||
	    in_tab(w, n, link_miscprefix_before_tab);
}

int
link_name_end(const char *w, size_t n, enum ent_type *type)
{
	if (in_tab(w, n, link_orgsuffix_tab))
		*type = ENT_ORG;
	else if (in_tab(w, n, link_locsuffix_tab))
		*type = ENT_LOC;
	else
		return 0;
	return 1;
}

/*
 * A name that begins or ends with a word of the names of things that are
 * no person: a storm's, a ship's ("Hurricane Selma", "USS Carrow"), a
 * work's, a prize's or a product's ("The Nora Bright Show", "Keld
 * Linux").
 */
static int
thing_name(struct link_doc *ld, const struct lname *nm)
{
	return edge_word(ld, nm, link_miscprefix_tab, 1) ||
	    edge_word(ld, nm, link_miscsuffix_tab, 0);
}

/*
 * "Marcus J. Whitfield": a name of three words with a middle initial
 * is a person's, whatever the tagger thought.
 */
static int
middle_initial(struct link_doc *ld, const struct lname *nm)
{
	const char	*s[3];
	size_t		 l, k;

	if (nm->nw != 3 || nm->wl[1] != 2 || nm->wl[0] < 2 || nm->wl[2] < 2)
		return 0;
	for (k = 0; k < 3; k++)
		s[k] = written_word(ld, nm, k, &l);
	return isupper_a((unsigned char)s[0][0]) &&
	    isupper_a((unsigned char)s[1][0]) && s[1][1] == '.' &&
	    isupper_a((unsigned char)s[2][0]) &&
	    !edge_word(ld, nm, link_orgsuffix_tab, 0) &&
	    !edge_word(ld, nm, link_locsuffix_tab, 0);
}

/*
 * Of the people whose surname the short form i is ("Reyes": "Maria
 * Reyes" and "Tomas Reyes"), the principal one, or -1: news names the
 * person it is about by the surname and the others who share it by
 * their full or given name.  The principal is the one introduced first,
 * by the group's first full name (gfirst, which must be set); measured
 * on news, this beats the one named most often, which a relative named
 * by given name in every paragraph can be.
 */
static size_t
principal(struct link_doc *ld, size_t i)
{
	struct lname	*a, *b, *r, *best;
	size_t		 j, k, cand;
	uint32_t	 next;
	int		 ok;

	a = &ld->v[i];
	cand = (size_t)-1;
	best = NULL;
	for (next = ld->blast[a->hlast & (ld->bcap - 1)]; next != 0;
	    next = b->nlast) {
		j = next - 1;
		b = &ld->v[j];
		if (j == i || b->type != ENT_PERSON || b->core <= a->core)
			continue;
		for (ok = 1, k = 0; k < a->core && ok; k++)
			ok = word_eq(ld, a, a->core - 1 - k, b, b->core - 1 - k);
		if (!ok)
			continue;
		r = &ld->v[find(ld, j)];
		if (best == NULL || r->gfirst < best->gfirst) {
			best = r;
			cand = r - ld->v;
		}
	}
	return cand;
}

/*
 * Is name i a family, a person's surname of the document in the plural
 * ("the Dunmores", "the Joneses" after "Harriet Dunmore", "Carl
 * Jones")?  It names no one person.  Not when a person's name ends with
 * it ("Vance" after "Nora Vance" and "Ed Vanc").
 */
static int
family(struct link_doc *ld, size_t i)
{
	const struct lname *a, *b;
	const char	*f;
	size_t		 n, k;
	uint32_t	 next, h;
	int		 same;

	a = &ld->v[i];
	f = ld->arena + a->foff;
	if (a->nw != 1 || a->flen < 4 || f[a->flen - 1] != 's')
		return 0;
	for (k = 1; k <= 2; k++) {
		if (k == 2 && f[a->flen - 2] != 'e')
			break;
		n = a->flen - k;
		h = nu_hash(f, n);
		for (next = ld->blast[h & (ld->bcap - 1)]; next != 0;
		    next = b->nlast) {
			b = &ld->v[next - 1];
			if (b->type == ENT_PERSON && b->core >= 2 &&
			    b->wl[b->core - 1] == n && memcmp(ld->arena +
			    b->foff + b->w[b->core - 1], f, n) == 0)
				return holder(ld, i, 1u << ENT_PERSON, &same) ==
				    (size_t)-1;
		}
	}
	return 0;
}

/*
 * The type of each name from its words: its first mention's, unless the
 * words it ends or begins with say otherwise.  Each name is also split
 * into its words and made a group of its own.
 */
static void
name_types(struct link_doc *ld)
{
	struct lname	*a;
	size_t		 i;

	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		a->parent = i;
		/*
		 * A name takes the type of its first mention, which is most
		 * often the one that introduces it ("Corvane Technologies
		 * Inc. said"); measured, this beats the type most mentions
		 * got, which lets metonymy ("Berkeley's department") win.
		 */
		a->type = a->first;
		a->dict = -1;
		split_words(ld, a);
		/*
		 * A person's or place's name that ends as organisations'
		 * names do ("Harrow & Pike Securities", "Halvorsen
		 * Shipping"), a person's that ends or begins as places' do
		 * ("Marrick Dock", "Port Ellison"): the word says more than
		 * the tagger.
		 */
		if ((a->type == ENT_PERSON || a->type == ENT_GPE ||
		    a->type == ENT_LOC) &&
		    edge_word(ld, a, link_orgsuffix_tab, 0))
			a->type = ENT_ORG;
		else if (a->type == ENT_PERSON &&
		    edge_word(ld, a, link_locsuffix_tab, 0))
			a->type = ENT_LOC;
		else if (a->type == ENT_PERSON &&
		    edge_word(ld, a, link_locprefix_tab, 1))
			a->type = ENT_GPE;
		else if (a->type == ENT_PERSON ? thing_name(ld, a) :
		    a->type != ENT_NORP &&
		    edge_word(ld, a, link_miscprefix_any_tab, 1))
			a->type = ENT_MISC;
		else if (a->type != ENT_PERSON && middle_initial(ld, a))
			a->type = ENT_PERSON;
	}
}

/*
 * The types that the dictionary gives names (user entries, shipped
 * aliases, weaker places); then a person's surname in the plural is a
 * family, and a lone word the model called a person only some of the
 * times takes what it was called the other times.
 */
static void
known_types(struct link_doc *ld)
{
	const struct link_dict *d = ld->dict;
	struct lname	*a;
	size_t		 i;
	ssize_t		 de;
	int		 same;
	unsigned	 mask, cnt[ENT_NTYPES];
	enum ent_type	 t;
	const struct dentity *en;

	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if ((de = link_dict_entity(d, ld->arena + a->off, a->len)) < 0)
			continue;
		en = &d->ent[de];
		/*
		 * A dictionary name sets the type, except that a person the
		 * model found keeps being a person, unless the user says so
		 * or the name is an acronym, when a title or a fuller name in
		 * the document says it is one ("Michael Jordan", "Jordan").
		 * The weaker places never overrule an organisation or a
		 * group ("Chelsea" the club).
		 */
		if (a->type == ENT_PERSON && !en->user &&
		    !link_is_acronym(ld->arena + a->off, a->len) &&
		    (a->tlen > 0 || a->nw > 1 ||
		    holder(ld, i, 1u << ENT_PERSON, &same) != (size_t)-1))
			continue;
		if (en->weak && (a->type == ENT_ORG || a->type == ENT_NORP))
			continue;
		a->dict = de;
		a->type = en->type;
	}

	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if (a->dict < 0 && a->type != ENT_NORP && family(ld, i))
			a->type = ENT_NORP;
	}

	/*
	 * A lone word the model called a person only some of the times it
	 * saw it, with no title and no full name in the document that holds
	 * it, is most likely what it was called the other times: a place,
	 * in "the canton of Vellen" and "Vellen's minister".
	 */
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if (a->nw != 1 || a->type != ENT_PERSON || a->dict >= 0 ||
		    a->tlen > 0 ||
		    holder(ld, i, 1u << ENT_PERSON, &same) != (size_t)-1)
			continue;
		memcpy(cnt, a->cnt, sizeof(cnt));
		cnt[ENT_PERSON] = 0;
		for (t = 0, mask = 0; t < ENT_NTYPES; t++)
			if (cnt[t] > cnt[mask])
				mask = t;
		if (cnt[mask] > 0)
			a->type = mask;
	}
}

/*
 * Join the names of one dictionary entity, and each acronym to the one
 * long form it spells.
 */
static void
join_known(struct link_doc *ld)
{
	const struct link_dict *d = ld->dict;
	struct lname	*a, *b;
	size_t		 i, j, cand;
	ssize_t		 de;
	int		 same, c;

	/* Names of one dictionary entity are one group. */
	if (d != NULL && ld->dcap < d->nent) {
		ld->dcap = d->nent;
		ld->dfirst = nu_reallocarray(ld->dfirst, ld->dcap,
		    sizeof(*ld->dfirst));
	}
	for (i = 0; i < ld->n; i++)
		if ((de = ld->v[i].dict) >= 0)
			ld->dfirst[de] = -1;
	for (i = 0; i < ld->n; i++) {
		if ((de = ld->v[i].dict) < 0)
			continue;
		if (ld->dfirst[de] < 0)
			ld->dfirst[de] = i;
		else
			join(ld, i, ld->dfirst[de]);
	}

	/*
	 * An acronym joins the one long form it spells; a person's only if
	 * the tagger called the acronym a person too ("JFK").
	 */
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if (a->dict >= 0 ||
		    !link_is_acronym(ld->arena + a->off, a->len))
			continue;
		cand = (size_t)-1;
		same = 1;
		c = lower((unsigned char)ld->arena[a->off]);
		for (j = 0; j < ld->n && same; j++) {
			b = &ld->v[j];
			if (j == i || b->nw < 2 ||
			    ld->arena[b->foff] != c || (b->type == ENT_PERSON &&
			    a->type != ENT_PERSON) || !spells(ld, a, b))
				continue;
			if (cand == (size_t)-1)
				cand = j;
			else if (find(ld, cand) != find(ld, j))
				same = 0;
		}
		if (cand != (size_t)-1 && same)
			join(ld, i, cand);
	}
}

/*
 * A short form joins the fullest name that holds it, when the
 * names that hold it and are held by no other are one entity.
 * Places join only through the dictionary: "Sudan" is not "South
 * Sudan" and "York" is not "New York".  When no name of its own type
 * holds it, a single word joins the person whose surname it is
 * ("Putin" tagged a place; "Paris" is not Paris Hilton), and a
 * one-word person or another name joins the
 * organisation it begins or ends ("Corvane", "Corvane Technologies
 * Inc."); a full name does not ("Ray Dunmore Band" is a band).
 * Returns whether a person's short form was held by names of several
 * groups: a surname that join_principal() gives to one of them.
 */
static int
join_short(struct link_doc *ld)
{
	const struct link_dict *d = ld->dict;
	struct lname	*a, *b;
	size_t		 i, cand;
	int		 same, surname, shared;
	unsigned	 mask;

	shared = 0;
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if (a->dict >= 0)
			continue;
		if (a->type == ENT_PERSON || a->type == ENT_ORG ||
		    a->type == ENT_MISC) {
			if ((cand = holder(ld, i, 1u << a->type, &same)) !=
			    (size_t)-1) {
				if (same)
					join(ld, i, cand);
				else if (a->type == ENT_PERSON)
					shared = 1;
				continue;
			}
		}
		/*
		 * A place of two words or more that is an organisation's name
		 * less its last word, an organisation's ("Milbrook General"
		 * after "Milbrook General Hospital"), is that organisation
		 * named short; not one that ends as places' names do ("Orrin
		 * Valley" and its council) or in a place the dictionary knows
		 * ("East Kent" and its railway).
		 */
		if ((a->type == ENT_LOC || a->type == ENT_GPE) && a->nw >= 2 &&
		    !edge_word(ld, a, link_locsuffix_tab, 0) && (d == NULL ||
		    !known_last(ld, a)) &&
		    (cand = holder(ld, i, 1u << ENT_ORG, &same)) !=
		    (size_t)-1 && same && (b = &ld->v[cand])->core ==
		    a->core + 1 && word_eq(ld, a, 0, b, 0) &&
		    edge_word(ld, b, link_orgsuffix_tab, 0)) {
			join(ld, i, cand);
			continue;
		}
		mask = 0;
		if (a->nw == 1 && a->type != ENT_PERSON)
			mask |= 1u << ENT_PERSON;
		if ((a->type == ENT_PERSON && a->nw == 1) ||
		    a->type == ENT_MISC)
			mask |= 1u << ENT_ORG;
		if (a->type == ENT_PERSON && a->nw == 1)
			mask |= 1u << ENT_MISC;
		if (mask == 0 ||
		    (cand = holder(ld, i, mask, &same)) == (size_t)-1 || !same)
			continue;
		b = &ld->v[cand];
		surname = word_eq(ld, a, 0, b, b->core - 1);
		if (b->type == ENT_PERSON && !surname)
			continue;
		join(ld, i, cand);
		/*
		 * A person's surname that ends an organisation's or another
		 * name with no organisation word at its end ("Maria Reyes"
		 * tagged MISC): the tagger was wrong about the full name.
		 */
		if (a->type == ENT_PERSON && b->type != ENT_PERSON && surname &&
		    !edge_word(ld, b, link_orgsuffix_tab, 0) &&
		    !thing_name(ld, b))
			b->type = ENT_PERSON;
	}
	return shared;
}

/*
 * A surname that several people's full names end with goes to the
 * principal one of them (see principal()).
 */
static void
join_principal(struct link_doc *ld)
{
	struct lname	*a, *r;
	size_t		 i, cand;
	int		 same;

	for (i = 0; i < ld->n; i++)
		ld->v[i].gfirst = (size_t)-1;
	for (i = 0; i < ld->n; i++) {
		r = &ld->v[find(ld, i)];
		if (ld->v[i].core >= 2 && i < r->gfirst)
			r->gfirst = i;
	}
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		if (a->type != ENT_PERSON || a->dict >= 0 ||
		    find(ld, i) != i || a->core == 0 ||
		    (cand = holder(ld, i, 1u << ENT_PERSON, &same)) ==
		    (size_t)-1 || same)
			continue;
		if ((cand = principal(ld, i)) != (size_t)-1)
			join(ld, i, cand);
	}
}

/*
 * Each group's NAME: its dictionary NAME, or its fullest member; and
 * that member's type, the group's longest title and its first gender.
 */
static void
name_groups(struct link_doc *ld)
{
	const struct link_dict *d = ld->dict;
	struct lname	*a, *r;
	size_t		 i;

	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		a->best = (size_t)-1;
		a->cdict = 0;
		a->ctlen = 0;
		a->cgender = 0;
	}
	for (i = 0; i < ld->n; i++) {
		a = &ld->v[i];
		r = &ld->v[find(ld, i)];
		if (a->dict >= 0) {
			if (!r->cdict) {
				r->cdict = 1;
				r->coff = d->ent[a->dict].off;
				r->clen = d->ent[a->dict].len;
				r->ctype = a->type;
			}
		} else if (!r->cdict && (r->best == (size_t)-1 ||
		    fuller(ld, a, &ld->v[r->best]))) {
			r->best = i;
			r->coff = a->off;
			r->clen = a->len;
			r->ctype = a->type;
		}
		if (a->tlen > r->ctlen) {
			r->ctlen = a->tlen;
			r->ctoff = a->toff;
		}
		if (r->cgender == 0)
			r->cgender = a->gender;
	}
}

/*
 * Settle the names of the document, in the order the top of this file
 * tells: their types, their groups, and each group's NAME.
 */
static void
settle(struct link_doc *ld)
{
	name_types(ld);
	index_words(ld);
	known_types(ld);
	join_known(ld);
	if (join_short(ld))
		join_principal(ld);
	name_groups(ld);
	ld->dirty = 0;
}

const char *
link_name(struct link_doc *ld, size_t ent, size_t *len)
{
	struct lname	*r;

	if (ent >= ld->n) {
		*len = 0;
		return NULL;
	}
	if (ld->dirty)
		settle(ld);
	r = &ld->v[find(ld, ent)];
	*len = r->clen;
	return (r->cdict ? ld->dict->arena : ld->arena) + r->coff;
}

size_t
link_root(struct link_doc *ld, size_t ent)
{
	if (ent >= ld->n)
		return ent;
	if (ld->dirty)
		settle(ld);
	return find(ld, ent);
}

enum ent_type
link_type(struct link_doc *ld, size_t ent)
{
	if (ent >= ld->n)
		return ENT_MISC;
	if (ld->dirty)
		settle(ld);
	return ld->v[find(ld, ent)].ctype;
}

const char *
link_title(struct link_doc *ld, size_t ent, size_t *len)
{
	struct lname	*r;

	*len = 0;
	if (ent >= ld->n)
		return NULL;
	if (ld->dirty)
		settle(ld);
	r = &ld->v[find(ld, ent)];
	if (r->ctlen == 0)
		return NULL;
	*len = r->ctlen;
	return ld->arena + r->ctoff;
}

int
link_gender(struct link_doc *ld, size_t ent)
{
	if (ent >= ld->n)
		return 0;
	if (ld->dirty)
		settle(ld);
	return ld->v[find(ld, ent)].cgender;
}
