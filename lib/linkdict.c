/*
 * linkdict.c - the linker's text helpers, the titles and the dictionary
 * (see link.h; link_int.h is what link.c, the names of one document,
 * shares with it).
 *
 * The dictionary is read from lines TYPE<TAB>NAME[<TAB>ALIAS...]: the
 * user's file first, then the shipped aliases, then the weaker places
 * (data/places.tsv), so that an earlier line keeps its NAME.  Titles are
 * looked up by the words of the text in a hash table of their own.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "link_int.h"
#include "util.h"

struct link_title_src {
	const char	*title;
	int		 gender;
	int		 surname;	/* a surname too: "Singer" */
};

/*
 * Generated from data/ (tools/linktab.awk): link_alias_lines[],
 * link_place_lines[] and link_title_tab[]; link.c takes the word tables.
 */
#define LINK_TAB_DICT
#include "link_tab.h"

/* With their lengths: mentions asks ent_type_parse() of most fields it reads. */
#define TYPE_NAME(s)	{ s, sizeof(s) - 1 }
static const struct {
	const char	*s;
	size_t		 len;
} type_names[ENT_NTYPES] = {
	TYPE_NAME("PERSON"), TYPE_NAME("ORG"), TYPE_NAME("GPE"),
	TYPE_NAME("LOC"), TYPE_NAME("NORP"), TYPE_NAME("MISC")
};

const char *
ent_type_name(enum ent_type t)
{
	return (unsigned)t < ENT_NTYPES ? type_names[t].s : "MISC";
}

/*
 * The names are capital letters only, so a byte is the name's letter in
 * either case when it differs from it in the case bit (0x20) alone.
 */
int
ent_type_parse(const char *s, size_t len, enum ent_type *t)
{
	const char	*name;
	size_t		 k;
	int		 i;

	for (i = 0; i < ENT_NTYPES; i++) {
		if (type_names[i].len != len)
			continue;
		name = type_names[i].s;
		for (k = 0; k < len && ((s[k] ^ name[k]) & ~0x20) == 0; k++)
			continue;
		if (k == len) {
			*t = i;
			return 1;
		}
	}
	return 0;
}

/* Append n bytes to a growing arena; returns their offset. */
size_t
link_arena_add(char **a, size_t *alen, size_t *acap, const char *s, size_t n)
{
	size_t	 off;

	if (*alen + n + 1 > *acap) {
		while (*alen + n + 1 > *acap)
			*acap = *acap ? *acap * 2 : 1024;
		*a = nu_reallocarray(*a, *acap, 1);
	}
	off = *alen;
	memcpy(*a + off, s, n);
	(*a)[off + n] = '\0';
	*alen += n + 1;
	return off;
}

/*
 * Copy s into dst with every run of white space made one space and the
 * ends trimmed; returns the new length (at most cap).
 */
size_t
link_collapse(char *dst, size_t cap, const char *s, size_t n)
{
	size_t	 i, k;
	int	 sp;

	k = 0;
	sp = 0;
	for (i = 0; i < n && k < cap; i++) {
		if (isspace_a((unsigned char)s[i])) {
			sp = k > 0;
			continue;
		}
		if (sp) {
			if (k + 1 >= cap)
				break;
			dst[k++] = ' ';
			sp = 0;
		}
		dst[k++] = s[i];
	}
	return k;
}

static void
fold(char *dst, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		dst[i] = lower((unsigned char)s[i]);
}

/*
 * An acronym is written in capitals only (full stops and & allowed), with
 * two to eight letters: such an alias must match with its case, so that
 * "WHO" is never "who".
 */
int
link_is_acronym(const char *s, size_t n)
{
	size_t	 i, letters;

	letters = 0;
	for (i = 0; i < n; i++) {
		if (isupper_a((unsigned char)s[i]))
			letters++;
		else if (s[i] != '.' && s[i] != '&')
			return 0;
	}
	return letters >= 2 && letters <= 8;
}

/* Titles: the generated table, looked up by the words of the text. */

#define NTITLES	(sizeof(link_title_tab) / sizeof(link_title_tab[0]))

/*
 * The titles in a hash table by their folded text: a word or two of the
 * text is looked up with one probe, not compared with every title of its
 * first letter (the search for a title before each person's name asks
 * it of every word or two there).  A slot holds the first title of the
 * table with that text, the one a search in table order would find.
 */
#define TITLE_HTCAP	1024
_Static_assert(NTITLES * 2 <= TITLE_HTCAP, "title hash table too small");

static size_t	 title_len[NTITLES];
static uint32_t	 title_hash[NTITLES];
static uint16_t	 title_ht[TITLE_HTCAP];	/* title + 1 */
static size_t	 title_maxlen;
/*
 * A bit for the hash of every word or words a title goes on after
 * ("vice" of "Vice President"): where the text's words so far have no
 * bit, no longer title can match, and the search stops.
 */
static uint64_t	 title_more[TITLE_HTCAP / 64];
/*
 * A bit for the hash of the last word of every title, also with a full
 * stop after it ("president", "gov", "gov."): a word before a name that
 * has no bit ends no title, and the search for one stops there.
 */
static uint64_t	 title_last[TITLE_HTCAP / 64];

static void
bit_set(uint64_t *set, uint32_t h)
{
	h &= TITLE_HTCAP - 1;
	set[h / 64] |= (uint64_t)1 << (h % 64);
}

static int
bit_has(const uint64_t *set, uint32_t h)
{
	h &= TITLE_HTCAP - 1;
	return (set[h / 64] >> (h % 64)) & 1;
}

/* nu_hash() of s[0..n) folded. */
static uint32_t
hash_fold(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)lower((unsigned char)s[i]);
		h *= 16777619u;
	}
	return h;
}

/* The first title whose text is s[0..n) (case ignored), or -1. */
static ssize_t
title_find(const char *s, size_t n, uint32_t h)
{
	size_t	 j, t;

	for (j = h & (TITLE_HTCAP - 1); title_ht[j] != 0;
	    j = (j + 1) & (TITLE_HTCAP - 1)) {
		t = title_ht[j] - 1;
		if (title_hash[t] == h && title_len[t] == n &&
		    ci_eq(s, link_title_tab[t].title, n))
			return t;
	}
	return -1;
}

/* Can a title end before the byte c: white space or a full stop. */
static int
title_end(int c)
{
	return c == ' ' || c == '.' || isspace_a(c);
}

static void
title_index(void)
{
	static int	 ready;
	const char	*t;
	size_t		 i, j, n;
	uint32_t	 h;

	if (ready)
		return;
	ready = 1;
	for (i = 0; link_title_tab[i].title != NULL; i++) {
		t = link_title_tab[i].title;
		n = strlen(t);
		for (j = 1; j < n; j++)
			if (title_end((unsigned char)t[j]))
				bit_set(title_more, hash_fold(t, j));
		for (j = n; j > 0 && !isspace_a((unsigned char)t[j - 1]); j--)
			continue;
		h = hash_fold(t + j, n - j);
		bit_set(title_last, h);
		if (n > 0 && t[n - 1] != '.')
			bit_set(title_last, (h ^ '.') * 16777619u);
		h = hash_fold(t, n);
		if (n > title_maxlen)
			title_maxlen = n;
		if (title_find(t, n, h) >= 0)
			continue;
		title_len[i] = n;
		title_hash[i] = h;
		for (j = h & (TITLE_HTCAP - 1); title_ht[j] != 0;
		    j = (j + 1) & (TITLE_HTCAP - 1))
			continue;
		title_ht[j] = i + 1;
	}
}

/*
 * The length of the title that s[0..n) starts with, including a full
 * stop after it but not the space: the longest entry of the table whose
 * words match (case ignored) and which ends at a word end.
 */
size_t
link_title_at(const char *s, size_t n, int *gender)
{
	size_t		 best, tl, k, max;
	ssize_t		 t, bt;
	uint32_t	 h;

	title_index();
	best = 0;
	bt = -1;
	max = n < title_maxlen ? n : title_maxlen;
	h = 2166136261u;
	/*
	 * Every prefix of s that ends where a title may end, longest
	 * match wins; of two that end at the same byte ("Gov" and "Gov."
	 * before "Gov. Osei"), the title first in the table.
	 */
	for (tl = 1; tl <= max; tl++) {
		h ^= (unsigned char)lower((unsigned char)s[tl - 1]);
		h *= 16777619u;
		if (tl < n && !title_end((unsigned char)s[tl]))
			continue;
		if ((t = title_find(s, tl, h)) >= 0) {
			k = tl;
			if (k < n && s[k] == '.' && s[tl - 1] != '.')
				k++;
			if ((k == n || title_end((unsigned char)s[k])) &&
			    (k > best || (k == best && t < bt))) {
				best = k;
				bt = t;
			}
		}
		if (!bit_has(title_more, h))
			break;
	}
	if (bt >= 0 && gender != NULL)
		*gender = link_title_tab[bt].gender;
	return best;
}

/*
 * Is all of s[0..n) one title?  The same answer as link_title_at(s, n, NULL)
 * == n: the text, or the text less a full stop after it ("Gov." for the
 * title "Gov").
 */
static int
title_is(const char *s, size_t n)
{
	title_index();
	if (n == 0 || n > title_maxlen + 1)
		return 0;
	if (n <= title_maxlen && title_find(s, n, hash_fold(s, n)) >= 0)
		return 1;
	return n > 1 && s[n - 1] == '.' && s[n - 2] != '.' &&
	    title_find(s, n - 1, hash_fold(s, n - 1)) >= 0;
}

size_t
link_title_prefix(const char *s, size_t n, int *gender)
{
	size_t	 i, k;

	i = 0;
	while (i < n && (k = link_title_at(s + i, n - i, gender)) > 0) {
		i += k;
		while (i < n && isspace_a((unsigned char)s[i]))
			i++;
	}
	return i;
}

int
link_title_surname(const char *s, size_t n)
{
	ssize_t	 t;

	title_index();
	if (n > 1 && s[n - 1] == '.')
		n--;
	t = title_find(s, n, hash_fold(s, n));
	return t >= 0 && link_title_tab[t].surname;
}

/* The start of the word that ends at b (white space before b skipped). */
static size_t
word_before(const char *s, size_t b)
{
	while (b > 0 && isspace_a((unsigned char)s[b - 1]))
		b--;
	while (b > 0 && !isspace_a((unsigned char)s[b - 1]))
		b--;
	return b;
}

/*
 * The start of the longest title of one to three words that ends at b,
 * or (size_t)-1 if none does.
 */
static size_t
title_ending_at(const char *s, size_t b, int *gender)
{
	size_t	 k, words, best;

	best = (size_t)-1;
	/*
	 * Most words before a name end no title: say so from the last
	 * word alone.  Not when a gender is asked for, which link_title_at
	 * sets from a title that merely starts the words.
	 */
	title_index();
	k = word_before(s, b);
	if (gender == NULL && !bit_has(title_last, hash_fold(s + k, b - k)))
		return best;
	k = b;
	for (words = 0; words < 3 && k > 0; words++) {
		k = word_before(s, k);
		if (gender == NULL ? title_is(s + k, b - k) :
		    link_title_at(s + k, b - k, gender) == b - k)
			best = k;
	}
	return best;
}

size_t
link_title_before(const char *s, size_t n, size_t *start, int *gender)
{
	size_t	 end, b, t;

	end = n;
	while (end > 0 && isspace_a((unsigned char)s[end - 1]))
		end--;
	/* Titles may follow each other: "Foreign Minister Sir Alan". */
	for (b = end; b > 0; b = t) {
		t = b;
		while (t > 0 && isspace_a((unsigned char)s[t - 1]))
			t--;
		if ((t = title_ending_at(s, t, gender)) == (size_t)-1)
			break;
	}
	if (b == end)
		return 0;
	*start = b;
	return end - b;
}

/* The dictionary. */

static void
dict_ht_grow(struct link_dict *d)
{
	uint32_t	*ht;
	size_t		 cap, i, j;

	cap = d->htcap ? d->htcap * 2 : 1024;
	ht = nu_calloc(cap, sizeof(*ht));
	for (i = 0; i < d->htcap; i++) {
		if (d->ht[i] == 0)
			continue;
		j = d->e[d->ht[i] - 1].hash & (cap - 1);
		while (ht[j] != 0)
			j = (j + 1) & (cap - 1);
		ht[j] = d->ht[i];
	}
	free(d->ht);
	d->ht = ht;
	d->htcap = cap;
}

/* The entry for the folded alias f[0..n), as written s; -1 if none. */
static ssize_t
dict_find(const struct link_dict *d, const char *s, const char *f, size_t n)
{
	const struct dent *e;
	uint32_t h;
	size_t	 j;

	if (d == NULL || d->htcap == 0)
		return -1;
	h = nu_hash(f, n);
	for (j = h & (d->htcap - 1); d->ht[j] != 0;
	    j = (j + 1) & (d->htcap - 1)) {
		e = &d->e[d->ht[j] - 1];
		if (e->hash != h || e->len != n ||
		    memcmp(d->arena + e->foff, f, n) != 0)
			continue;
		if (e->exact && memcmp(d->arena + e->off, s, n) != 0)
			continue;
		return d->ht[j] - 1;
	}
	return -1;
}

static size_t
first_word_len(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && isword((unsigned char)s[i]); i++)
		continue;
	return i;
}

/*
 * The slot of the first-word index for the user entries whose first word
 * is s[0..fl): the one that heads their chain, or the empty one where it
 * would go.
 */
static size_t
fw_slot(const struct link_dict *d, const char *s, size_t fl)
{
	const struct dent *e;
	size_t	 j;

	for (j = nu_hash(s, fl) & (d->fwcap - 1); d->fw[j] != 0;
	    j = (j + 1) & (d->fwcap - 1)) {
		e = &d->e[d->fw[j] - 1];
		if (first_word_len(d->arena + e->off, e->len) == fl &&
		    memcmp(d->arena + e->off, s, fl) == 0)
			break;
	}
	return j;
}

static void
dict_fw_add(struct link_dict *d, size_t ei)
{
	uint32_t	*fw;
	size_t		 cap, i, j, fl;
	uint32_t	 h;
	struct dent	*e, *o;

	if (d->nuser * 2 >= d->fwcap) {
		cap = d->fwcap ? d->fwcap * 2 : 256;
		fw = nu_calloc(cap, sizeof(*fw));
		for (i = 0; i < d->fwcap; i++) {
			if (d->fw[i] == 0)
				continue;
			e = &d->e[d->fw[i] - 1];
			fl = first_word_len(d->arena + e->off, e->len);
			h = nu_hash(d->arena + e->off, fl);
			for (j = h & (cap - 1); fw[j] != 0;
			    j = (j + 1) & (cap - 1))
				continue;
			fw[j] = d->fw[i];
		}
		free(d->fw);
		d->fw = fw;
		d->fwcap = cap;
	}
	e = &d->e[ei];
	j = fw_slot(d, d->arena + e->off,
	    first_word_len(d->arena + e->off, e->len));
	/* Chain entries that share a first word behind the first of them. */
	if (d->fw[j] != 0) {
		o = &d->e[d->fw[j] - 1];
		e->next = o->next;
		o->next = ei + 1;
		return;
	}
	d->fw[j] = ei + 1;
	d->nuser++;
}

/* Whether a user entry is written s[0..n), case and all. */
static int
user_written(const struct link_dict *d, const char *s, size_t n)
{
	const struct dent *e;
	uint32_t ei;

	if (d->nuser == 0)
		return 0;
	ei = d->fw[fw_slot(d, s, first_word_len(s, n))];
	for (; ei != 0; ei = e->next) {
		e = &d->e[ei - 1];
		if (e->len == n && memcmp(d->arena + e->off, s, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Add an entry for the alias s[0..n), folded f, of dictionary entity id.
 * It goes in the folded index unless a name of the same folded text is
 * there already; a user's entry also goes in the first-word index, which
 * finds names in the text as they are written.
 */
static void
dict_entry_add(struct link_dict *d, const char *s, const char *f, size_t n,
    size_t id, enum ent_type type, int user, int folded)
{
	struct dent	*e;
	size_t		 ei, j;

	if (d->ne == d->ecap) {
		d->ecap = d->ecap ? d->ecap * 2 : 512;
		d->e = nu_reallocarray(d->e, d->ecap, sizeof(*d->e));
	}
	if ((d->ne + 1) * 2 > d->htcap)
		dict_ht_grow(d);
	ei = d->ne++;
	e = &d->e[ei];
	e->off = link_arena_add(&d->arena, &d->alen, &d->acap, s, n);
	e->foff = link_arena_add(&d->arena, &d->alen, &d->acap, f, n);
	e->len = n;
	e->id = id;
	e->hash = nu_hash(f, n);
	e->next = 0;
	e->type = type;
	e->user = user;
	e->exact = link_is_acronym(s, n);
	if (folded) {
		for (j = e->hash & (d->htcap - 1); d->ht[j] != 0;
		    j = (j + 1) & (d->htcap - 1))
			continue;
		d->ht[j] = ei + 1;
	}
	if (user)
		dict_fw_add(d, ei);
}

/*
 * Add one line TYPE<TAB>NAME[<TAB>ALIAS...].  A line any of whose names
 * is already known joins that entity, so an earlier line (the user's
 * file comes first) keeps its NAME.  Returns NULL, or what is wrong.
 */
static const char *
dict_line(struct link_dict *d, const char *s, size_t n, int user, int weak)
{
	char		 buf[1024], fb[1024];
	const char	*p, *end, *tab;
	enum ent_type	 type;
	size_t		 fl, k;
	ssize_t		 id, f;
	struct dentity	*en;

	end = s + n;
	if ((tab = memchr(s, '\t', n)) == NULL)
		return "expected TYPE<TAB>NAME[<TAB>ALIAS...]";
	if (!ent_type_parse(s, tab - s, &type))
		return "unknown type (PERSON ORG GPE LOC NORP MISC)";
	/* Does any of the names already stand for an entity? */
	id = -1;
	for (p = tab + 1; p <= end && id < 0; p += fl + 1) {
		tab = memchr(p, '\t', end - p);
		fl = (tab != NULL ? tab : end) - p;
		k = link_collapse(buf, sizeof(buf), p, fl);
		fold(fb, buf, k);
		if (k > 0 && (f = dict_find(d, buf, fb, k)) >= 0)
			id = d->e[f].id;
	}
	if (id < 0) {
		if (d->nent == d->entcap) {
			d->entcap = d->entcap ? d->entcap * 2 : 256;
			d->ent = nu_reallocarray(d->ent, d->entcap,
			    sizeof(*d->ent));
		}
		id = d->nent++;
		en = &d->ent[id];
		en->type = type;
		en->user = user;
		en->weak = weak;
		en->len = 0;
		en->off = (size_t)-1;
	}
	en = &d->ent[id];
	for (p = s + (memchr(s, '\t', n) - (const void *)s) + 1; p <= end;
	    p += fl + 1) {
		tab = memchr(p, '\t', end - p);
		fl = (tab != NULL ? tab : end) - p;
		k = link_collapse(buf, sizeof(buf), p, fl);
		if (k == 0)
			return "empty name";
		if (k >= sizeof(buf) - 1)
			return "name too long";
		fold(fb, buf, k);
		if ((f = dict_find(d, buf, fb, k)) >= 0) {
			if (en->off == (size_t)-1)
				return "empty name";
			/*
			 * Looked up, the alias is that name already; but
			 * names are found in the text with their case, so a
			 * user's alias written otherwise ("maria reyes" for
			 * "Maria Reyes") is found as written.
			 */
			if (user && !user_written(d, buf, k))
				dict_entry_add(d, buf, fb, k, d->e[f].id, type,
				    user, 0);
			continue;
		}
		dict_entry_add(d, buf, fb, k, id, type, user, 1);
		if (en->off == (size_t)-1) {
			en->off = d->e[d->ne - 1].off;
			en->len = k;
		}
	}
	return NULL;
}

static void
dict_file(struct link_dict *d, const char *path)
{
	FILE		*fp;
	char		*line;
	size_t		 cap, lineno, i;
	ssize_t		 n;
	const char	*msg;
	int		 cut;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	line = NULL;
	cap = 0;
	lineno = 0;
	while ((n = nu_getline(&line, &cap, fp, SIZE_MAX, &cut)) != -1) {
		lineno++;
		/* A BOM on the first line is not part of a type. */
		if (lineno == 1 && n >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0)
			memmove(line, line + 3, n -= 3);
		for (i = 0; i < (size_t)n &&
		    (line[i] == ' ' || line[i] == '\t'); i++)
			continue;
		if (i == (size_t)n || line[i] == '#')
			continue;
		if (memchr(line, '\0', n) != NULL)
			errx(2, "%s:%zu: NUL byte in line", path, lineno);
		if ((msg = dict_line(d, line, n, 1, 0)) != NULL)
			errx(2, "%s:%zu: %s", path, lineno, msg);
	}
	if (ferror(fp))
		err(2, "%s", path);
	free(line);
	fclose(fp);
}

struct link_dict *
link_dict_open(const char *path)
{
	struct link_dict	*d;
	const char *const	*l;
	const char		*msg;

	d = nu_calloc(1, sizeof(*d));
	dict_ht_grow(d);
	if (path != NULL)
		dict_file(d, path);
	for (l = link_alias_lines; *l != NULL; l++)
		if ((msg = dict_line(d, *l, strlen(*l), 0, 0)) != NULL)
			errx(2, "shipped alias table: %s: %s", msg, *l);
	for (l = link_place_lines; *l != NULL; l++)
		if ((msg = dict_line(d, *l, strlen(*l), 0, 1)) != NULL)
			errx(2, "shipped place table: %s: %s", msg, *l);
	return d;
}

void
link_dict_close(struct link_dict *d)
{
	if (d == NULL)
		return;
	free(d->arena);
	free(d->e);
	free(d->ent);
	free(d->ht);
	free(d->fw);
	free(d);
}

/*
 * Does the user entry e match s (white space in s matching its single
 * spaces)?  Returns the bytes of s matched, or 0.
 */
static size_t
user_match(const struct link_dict *d, const struct dent *e, const char *s,
    size_t n)
{
	const char	*a;
	size_t		 i, k;

	a = d->arena + e->off;
	for (i = k = 0; k < e->len; k++) {
		if (a[k] == ' ') {
			if (i >= n || !isspace_a((unsigned char)s[i]))
				return 0;
			while (i < n && isspace_a((unsigned char)s[i]))
				i++;
			continue;
		}
		if (i >= n || s[i] != a[k])
			return 0;
		i++;
	}
	/* It must end at a word end. */
	if (i < n && isword((unsigned char)s[i]) &&
	    isword((unsigned char)a[e->len - 1]))
		return 0;
	return i;
}

size_t
link_dict_match(const struct link_dict *d, const char *s, size_t n,
    enum ent_type *type)
{
	const struct dent *e;
	size_t	 best, k;
	uint32_t ei;

	if (d == NULL || d->nuser == 0 || n == 0)
		return 0;
	best = 0;
	ei = d->fw[fw_slot(d, s, first_word_len(s, n))];
	for (; ei != 0; ei = e->next) {
		e = &d->e[ei - 1];
		if ((k = user_match(d, e, s, n)) > best) {
			best = k;
			*type = d->ent[e->id].type;
		}
	}
	return best;
}

int
link_dict_has_user(const struct link_dict *d)
{
	return d != NULL && d->nuser > 0;
}

/* The dictionary entity of the name s[0..n), or -1. */
ssize_t
link_dict_entity(const struct link_dict *d, const char *s, size_t n)
{
	char	 buf[1024], fb[1024];
	size_t	 k;
	ssize_t	 f;

	k = link_collapse(buf, sizeof(buf), s, n);
	fold(fb, buf, k);
	if (k == 0 || (f = dict_find(d, buf, fb, k)) < 0)
		return -1;
	return d->e[f].id;
}

int
link_dict_lookup(const struct link_dict *d, const char *s, size_t n,
    enum ent_type *type, const char **name, size_t *namelen)
{
	const struct dentity *en;
	ssize_t	 id;

	if ((id = link_dict_entity(d, s, n)) < 0)
		return 0;
	en = &d->ent[id];
	if (type != NULL)
		*type = en->type;
	if (name != NULL) {
		*name = d->arena + en->off;
		*namelen = en->len;
	}
	return 1 + en->user;
}
