/*
 * count.c - the counting table, its record readers, the short-form rule
 * and the writers (see count.h).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "link.h"
#include "out.h"
#include "util.h"

_Static_assert(COUNT_NTYPES == ENT_NTYPES && ENT_PERSON == 0 &&
    ENT_MISC == COUNT_NTYPES - 1, "count types are entity types");

/*
 * Whether short forms of a type join their long form.  Places,
 * nationalities and other names are left alone: there a trailing word
 * names a different thing as often as not (Sudan and South Sudan, Mexico
 * and New Mexico, Americans and Latin Americans).  Untyped names are most
 * often people (`quotes | cut -f1`), so they join as people do.
 */
static const int type_joins[COUNT_NTYPES + 1] = {
	1, 1, 0, 0, 0, 0, 1
};

const char *
count_type_name(int t)
{
	if (t < 0 || t >= COUNT_NTYPES)
		return "";
	return ent_type_name(t);
}

/*
 * The type of a record's TYPE column, or -1.  `entities` writes it in
 * capitals, and only so is it taken: a document named "misc" or "org"
 * in the column before must not pass for a type.
 */
static int
rec_type(const char *s, size_t len)
{
	enum ent_type	 t;
	size_t		 k;

	if (!ent_type_parse(s, len, &t))
		return -1;
	/* The names are letters: in capitals, none has the case bit. */
	for (k = 0; k < len; k++)
		if (s[k] & 0x20)
			return -1;
	return t;
}

/* Records: fields, escapes, numbers. */

#define MAXFIELDS	8

struct field {
	char	*s;
	size_t	 len;
};

/* Split a line at TABs; returns the number of fields, MAXFIELDS if more. */
static size_t
split(char *s, size_t len, struct field *f)
{
	char	*end, *tab;
	size_t	 n;

	end = s + len;
	for (n = 0; n < MAXFIELDS; n++) {
		f[n].s = s;
		if ((tab = memchr(s, '\t', end - s)) == NULL) {
			f[n].len = end - s;
			return n + 1;
		}
		f[n].len = tab - s;
		s = tab + 1;
	}
	return MAXFIELDS;
}

/*
 * Undo the TSV escapes \t \n \r \\ in place.  Any other backslash is
 * kept as it is, so a plain name written by hand survives.
 */
static void
tsv_decode(struct field *f)
{
	char	*r, *w, *end, *bs;

	if ((bs = memchr(f->s, '\\', f->len)) == NULL)
		return;
	end = f->s + f->len;
	for (r = w = bs; r < end; ) {
		if (*r != '\\' || r + 1 == end) {
			*w++ = *r++;
			continue;
		}
		switch (r[1]) {
		case 't':
			*w++ = '\t';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case 'r':
			*w++ = '\r';
			break;
		case '\\':
			*w++ = '\\';
			break;
		default:
			*w++ = r[0];
			*w++ = r[1];
			break;
		}
		r += 2;
	}
	f->len = w - f->s;
}

static int
isnum(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A count: decimal digits that fit; 0 when they do not. */
static int
getcount(const char *s, size_t len, unsigned long long *n)
{
	unsigned long long	 v;
	size_t			 i;

	if (!isnum(s, len))
		return 0;
	for (v = 0, i = 0; i < len; i++) {
		if (v > (ULLONG_MAX - (unsigned)(s[i] - '0')) / 10)
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*n = v;
	return 1;
}

/* JSON Lines: one flat object a line; other values are skipped. */

enum { JNONE, JSTR, JNUM, JOTHER };

struct jfield {
	const char	*key;
	int		 kind;
	char		*s;
	size_t		 len;
};

static char *
jspace(char *p, char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static long
hex4(const char *p, const char *end)
{
	long	 v;
	int	 i, h;

	if (end - p < 4)
		return -1;
	for (v = 0, i = 0; i < 4; i++) {
		if ((h = hexval((unsigned char)p[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static char *
put_utf8(char *w, unsigned long c)
{
	if (c < 0x80)
		*w++ = (char)c;
	else if (c < 0x800) {
		*w++ = (char)(0xc0 | c >> 6);
		*w++ = (char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		*w++ = (char)(0xe0 | c >> 12);
		*w++ = (char)(0x80 | ((c >> 6) & 0x3f));
		*w++ = (char)(0x80 | (c & 0x3f));
	} else {
		*w++ = (char)(0xf0 | c >> 18);
		*w++ = (char)(0x80 | ((c >> 12) & 0x3f));
		*w++ = (char)(0x80 | ((c >> 6) & 0x3f));
		*w++ = (char)(0x80 | (c & 0x3f));
	}
	return w;
}

/*
 * Read a JSON string at p (on its opening quote), decoding it in place:
 * the decoded form is never longer than the escaped one.  Returns the
 * byte after the closing quote, or NULL when the string is bad.  A lone
 * surrogate becomes U+FFFD.
 */
static char *
jstring(char *p, char *end, char **s, size_t *len)
{
	char	*r, *w;
	long	 c, lo;

	r = w = ++p;
	while (r < end && *r != '"') {
		if (*r != '\\') {
			*w++ = *r++;
			continue;
		}
		if (++r == end)
			return NULL;
		switch (*r++) {
		case '"':	*w++ = '"'; break;
		case '\\':	*w++ = '\\'; break;
		case '/':	*w++ = '/'; break;
		case 'b':	*w++ = '\b'; break;
		case 'f':	*w++ = '\f'; break;
		case 'n':	*w++ = '\n'; break;
		case 'r':	*w++ = '\r'; break;
		case 't':	*w++ = '\t'; break;
		case 'u':
			if ((c = hex4(r, end)) < 0)
				return NULL;
			r += 4;
			if (c >= 0xd800 && c <= 0xdbff && end - r >= 6 &&
			    r[0] == '\\' && r[1] == 'u' &&
			    (lo = hex4(r + 2, end)) >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				r += 6;
			} else if (c >= 0xd800 && c <= 0xdfff)
				c = 0xfffd;
			w = put_utf8(w, (unsigned long)c);
			break;
		default:
			return NULL;
		}
	}
	if (r == end)
		return NULL;
	*s = p;
	*len = w - p;
	return r + 1;
}

/* Skip any other value: a number, a literal, an array or an object. */
static char *
jskip(char *p, char *end)
{
	int	 depth;
	char	*s;
	size_t	 len;

	depth = 0;
	while (p < end) {
		if (*p == '"') {
			if ((p = jstring(p, end, &s, &len)) == NULL)
				return NULL;
			if (depth == 0)
				return p;
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']') {
			if (depth == 0)
				return p;
			if (--depth == 0)
				return p + 1;
		} else if (depth == 0 && (*p == ',' || *p == ' ' ||
		    *p == '\t' || *p == '\r' || *p == '\n'))
			return p;
		p++;
	}
	return depth == 0 ? p : NULL;
}

/*
 * Read one object, filling the fields asked for; a key given twice keeps
 * its last value, as most JSON readers do.  Returns 0 if it is not one.
 */
static int
jobject(char *p, size_t len, struct jfield *f, size_t nf)
{
	char	*end, *key, *v;
	size_t	 klen, i;

	end = p + len;
	for (i = 0; i < nf; i++)
		f[i].kind = JNONE;
	p = jspace(p, end);
	if (p == end || *p++ != '{')
		return 0;
	p = jspace(p, end);
	if (p < end && *p == '}')
		return jspace(p + 1, end) == end;
	for (;;) {
		if (p == end || *p != '"' ||
		    (p = jstring(p, end, &key, &klen)) == NULL)
			return 0;
		p = jspace(p, end);
		if (p == end || *p++ != ':')
			return 0;
		p = jspace(p, end);
		if (p == end)
			return 0;
		for (i = 0; i < nf; i++)
			if (strlen(f[i].key) == klen &&
			    memcmp(f[i].key, key, klen) == 0)
				break;
		if (*p == '"') {
			if (i < nf) {
				if ((p = jstring(p, end, &f[i].s,
				    &f[i].len)) == NULL)
					return 0;
				f[i].kind = JSTR;
			} else if ((p = jskip(p, end)) == NULL)
				return 0;
		} else {
			v = p;
			if ((p = jskip(p, end)) == NULL || p == v)
				return 0;
			if (i < nf) {
				f[i].s = v;
				f[i].len = p - v;
				f[i].kind = isnum(v, p - v) ? JNUM : JOTHER;
			}
		}
		p = jspace(p, end);
		if (p == end)
			return 0;
		if (*p == '}')
			return jspace(p + 1, end) == end;
		if (*p++ != ',')
			return 0;
		p = jspace(p, end);
	}
}

static int
isjson(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	return i < len && s[i] == '{';
}

/*
 * Empty the record and drop the CR of a CRLF line; 0 when the line is
 * empty or only spaces and TABs, which is no record and no error (an
 * unknown speaker, say).
 */
static int
line_start(const char *s, size_t *len, struct count_rec *r)
{
	size_t	 i;

	r->doc = NULL;
	r->doclen = 0;
	r->type = COUNT_NOTYPE;
	r->name = NULL;
	r->namelen = 0;
	r->n = 1;
	if (*len > 0 && s[*len - 1] == '\r')
		(*len)--;
	for (i = 0; i < *len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	return i < *len;
}

static const char *
mention_json(char *s, size_t len, struct count_rec *r)
{
	struct jfield	 f[4] = {
		{ "type", 0, NULL, 0 }, { "name", 0, NULL, 0 },
		{ "doc", 0, NULL, 0 }, { "count", 0, NULL, 0 },
	};

	if (!jobject(s, len, f, 4))
		return "not a JSON object";
	if (f[3].kind != JNONE)
		return "a count record, not a mention (use --merge)";
	if (f[0].kind != JSTR ||
	    (r->type = rec_type(f[0].s, f[0].len)) < 0)
		return "no entity type in \"type\"";
	if (f[1].kind != JSTR || f[1].len == 0)
		return "no \"name\"";
	r->name = f[1].s;
	r->namelen = f[1].len;
	if (f[2].kind == JSTR && f[2].len > 0) {
		r->doc = f[2].s;
		r->doclen = f[2].len;
	}
	return NULL;
}

/*
 * Where the TYPE column of an `entities` record is: first, after the
 * document name, after the two offsets, or after both; TEXT must follow
 * NAME except in TYPE<TAB>NAME (`cut -f1,2`).  Columns after TEXT, should
 * `entities` ever add some, are allowed.  -1 if the line is none of these;
 * else the type is in *type.
 */
static int
type_column(const struct field *f, size_t n, int *type, const char **why)
{
	size_t	 p;

	for (p = 0; p < 4 && p < n; p++) {
		if ((*type = rec_type(f[p].s, f[p].len)) < 0 ||
		    (p > 0 && n < p + 3))
			continue;
		if ((p == 2 && (!isnum(f[0].s, f[0].len) ||
		    !isnum(f[1].s, f[1].len))) ||
		    (p == 3 && (!isnum(f[1].s, f[1].len) ||
		    !isnum(f[2].s, f[2].len)))) {
			*why = "byte offsets that are not numbers";
			continue;
		}
		return (int)p;
	}
	return -1;
}

/* Whether a line that is no mention looks like `mentions` output. */
static int
iscount(const struct field *f, size_t n)
{
	size_t	 c;

	if (n != 3 && n != 4)
		return 0;
	c = n - 3;
	return isnum(f[c].s, f[c].len) && (f[c + 1].len == 0 ||
	    rec_type(f[c + 1].s, f[c + 1].len) >= 0);
}

const char *
count_parse_mention(char *s, size_t len, struct count_rec *r)
{
	struct field	 f[MAXFIELDS];
	const char	*why;
	size_t		 n;
	int		 t;

	if (!line_start(s, &len, r))
		return NULL;
	if (isjson(s, len))
		return mention_json(s, len, r);
	n = split(s, len, f);
	if (n == 1) {
		tsv_decode(&f[0]);
		r->name = f[0].s;
		r->namelen = f[0].len;
		return NULL;
	}
	why = NULL;
	if ((t = type_column(f, n, &r->type, &why)) < 0) {
		if (why != NULL)
			return why;
		if (iscount(f, n))
			return "a count record, not a mention (use --merge)";
		return "no entity type in the TYPE column";
	}
	if (t == 1 || t == 3) {
		tsv_decode(&f[0]);
		r->doc = f[0].s;
		r->doclen = f[0].len;
	}
	tsv_decode(&f[t + 1]);
	if (f[t + 1].len == 0)
		return "an empty NAME";
	r->name = f[t + 1].s;
	r->namelen = f[t + 1].len;
	return NULL;
}

static const char *
count_json(char *s, size_t len, struct count_rec *r)
{
	struct jfield	 f[4] = {
		{ "count", 0, NULL, 0 }, { "type", 0, NULL, 0 },
		{ "name", 0, NULL, 0 }, { "doc", 0, NULL, 0 },
	};

	if (!jobject(s, len, f, 4))
		return "not a JSON object";
	if (f[0].kind != JNUM || !getcount(f[0].s, f[0].len, &r->n))
		return "no \"count\" that is a whole number";
	if (f[1].kind != JSTR)
		return "no \"type\"";
	if (f[1].len > 0 &&
	    (r->type = rec_type(f[1].s, f[1].len)) < 0)
		return "an unknown entity type";
	if (f[2].kind != JSTR || f[2].len == 0)
		return "no \"name\"";
	r->name = f[2].s;
	r->namelen = f[2].len;
	if (f[3].kind == JSTR) {
		r->doc = f[3].s;
		r->doclen = f[3].len;
	}
	return NULL;
}

const char *
count_parse_count(char *s, size_t len, struct count_rec *r)
{
	struct field	 f[MAXFIELDS];
	size_t		 n, c;

	if (!line_start(s, &len, r))
		return NULL;
	if (isjson(s, len))
		return count_json(s, len, r);
	n = split(s, len, f);
	if (n != 3 && n != 4)
		return "not COUNT<TAB>TYPE<TAB>NAME";
	c = n - 3;
	if (!getcount(f[c].s, f[c].len, &r->n))
		return "a COUNT that is not a whole number";
	if (f[c + 1].len > 0 &&
	    (r->type = rec_type(f[c + 1].s, f[c + 1].len)) < 0)
		return "an unknown entity type";
	tsv_decode(&f[c + 2]);
	if (f[c + 2].len == 0)
		return "an empty NAME";
	r->name = f[c + 2].s;
	r->namelen = f[c + 2].len;
	if (c == 1) {
		tsv_decode(&f[0]);
		r->doc = f[0].s;
		r->doclen = f[0].len;
	}
	return NULL;
}

/* The table. */

struct ent {
	unsigned long long	 n;	/* as counted */
	unsigned long long	 total;	/* with the short forms that joined */
	struct ent		*cand;	/* the root of the longer names ending so */
	struct ent		*root;	/* what this name is counted under */
	uint64_t		 hash;
	size_t			 doc;	/* index into docs, 0 for none */
	size_t			 namelen;
	size_t			 nwords;
	int			 type;
	char			 name[];
};

struct docname {
	char		*s;
	size_t		 len;
	uint64_t	 hash;
};

struct count_table {
	struct ent	**slot;		/* open addressing, a power of two */
	size_t		  nslot;
	struct ent	**all;		/* in the order first seen */
	size_t		  nall, allsz;
	struct docname	 *docs;		/* docs[0] is "no document" */
	size_t		  ndocs, docsz;
	size_t		 *docslot;	/* indices into docs, 0 for empty */
	size_t		  ndocslot;
	size_t		  lastdoc;	/* records come grouped by document */
};

/* Marks a short form that more than one long name ends with. */
static struct ent	 conflict;

/*
 * FNV-1a: short keys, and fast enough that the reading dominates.  The
 * bytes go in from the last to the first, so that join() can hash every
 * word-final part of a name in one pass from its end, not one pass each
 * (a 10 MB line of words is one name).
 */
static uint64_t
hash(uint64_t h, const char *s, size_t len)
{
	while (len-- > 0) {
		h ^= (unsigned char)s[len];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* A key's hash is keyfinal(hash(keyseed(doc, type), name, len)). */
static uint64_t
keyseed(size_t doc, int type)
{
	uint64_t	 h;

	h = 0xcbf29ce484222325ULL ^ ((uint64_t)doc * 0x9e3779b97f4a7c15ULL);
	return (h ^ (uint64_t)type) * 0x100000001b3ULL;
}

static uint64_t
keyfinal(uint64_t h)
{
	return h ^ (h >> 29);
}

static uint64_t
keyhash(size_t doc, int type, const char *name, size_t len)
{
	return keyfinal(hash(keyseed(doc, type), name, len));
}

struct count_table *
count_new(void)
{
	struct count_table	*t;

	t = nu_calloc(1, sizeof(*t));
	t->nslot = 1024;
	t->slot = nu_calloc(t->nslot, sizeof(*t->slot));
	t->ndocslot = 64;
	t->docslot = nu_calloc(t->ndocslot, sizeof(*t->docslot));
	t->docsz = 16;
	t->docs = nu_reallocarray(NULL, t->docsz, sizeof(*t->docs));
	t->docs[0].s = NULL;
	t->docs[0].len = 0;
	t->ndocs = 1;
	return t;
}

void
count_free(struct count_table *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nall; i++)
		free(t->all[i]);
	for (i = 1; i < t->ndocs; i++)
		free(t->docs[i].s);
	free(t->all);
	free(t->slot);
	free(t->docs);
	free(t->docslot);
	free(t);
}

size_t
count_size(const struct count_table *t)
{
	return t->nall;
}

/* The index of a document name, added when new. */
static size_t
docindex(struct count_table *t, const char *s, size_t len)
{
	struct docname	*d;
	uint64_t	 h;
	size_t		 i, j, *ns;

	d = &t->docs[t->lastdoc];
	if (t->lastdoc != 0 && d->len == len && memcmp(d->s, s, len) == 0)
		return t->lastdoc;
	h = hash(0xcbf29ce484222325ULL, s, len);
	for (i = h & (t->ndocslot - 1); t->docslot[i] != 0;
	    i = (i + 1) & (t->ndocslot - 1)) {
		d = &t->docs[t->docslot[i]];
		if (d->hash == h && d->len == len &&
		    memcmp(d->s, s, len) == 0)
			return t->lastdoc = t->docslot[i];
	}
	if (t->ndocs == t->docsz) {
		t->docsz *= 2;
		t->docs = nu_reallocarray(t->docs, t->docsz, sizeof(*t->docs));
	}
	d = &t->docs[t->ndocs];
	d->s = nu_reallocarray(NULL, len + 1, 1);
	memcpy(d->s, s, len);
	d->s[len] = '\0';
	d->len = len;
	d->hash = h;
	t->docslot[i] = t->ndocs;
	t->lastdoc = t->ndocs++;
	if (2 * t->ndocs > t->ndocslot) {
		ns = nu_calloc(2 * t->ndocslot, sizeof(*ns));
		for (j = 1; j < t->ndocs; j++) {
			for (i = t->docs[j].hash & (2 * t->ndocslot - 1);
			    ns[i] != 0; i = (i + 1) & (2 * t->ndocslot - 1))
				continue;
			ns[i] = j;
		}
		free(t->docslot);
		t->docslot = ns;
		t->ndocslot *= 2;
	}
	return t->lastdoc;
}

/* The slot where a key is, or where it would go. */
static size_t
lookup(const struct count_table *t, uint64_t h, size_t doc, int type,
    const char *name, size_t len)
{
	const struct ent	*e;
	size_t			 i;

	for (i = h & (t->nslot - 1); (e = t->slot[i]) != NULL;
	    i = (i + 1) & (t->nslot - 1))
		if (e->hash == h && e->doc == doc && e->type == type &&
		    e->namelen == len && memcmp(e->name, name, len) == 0)
			break;
	return i;
}

static void
grow(struct count_table *t)
{
	struct ent	**ns;
	size_t		  i, j, m;

	m = 2 * t->nslot - 1;
	ns = nu_calloc(2 * t->nslot, sizeof(*ns));
	for (j = 0; j < t->nall; j++) {
		for (i = t->all[j]->hash & m; ns[i] != NULL; i = (i + 1) & m)
			continue;
		ns[i] = t->all[j];
	}
	free(t->slot);
	t->slot = ns;
	t->nslot *= 2;
}

int
count_add(struct count_table *t, const char *doc, size_t doclen, int type,
    const char *name, size_t namelen, unsigned long long n)
{
	struct ent	*e;
	uint64_t	 h;
	size_t		 d, i;

	d = doc == NULL ? 0 : docindex(t, doc, doclen);
	h = keyhash(d, type, name, namelen);
	i = lookup(t, h, d, type, name, namelen);
	if ((e = t->slot[i]) != NULL) {
		if (e->n > ULLONG_MAX - n)
			return -1;
		e->n += n;
		return 0;
	}
	e = nu_reallocarray(NULL, 1, sizeof(*e) + namelen + 1);
	e->n = n;
	e->total = 0;
	e->cand = e->root = NULL;
	e->hash = h;
	e->doc = d;
	e->type = type;
	e->namelen = namelen;
	e->nwords = 0;
	memcpy(e->name, name, namelen);
	e->name[namelen] = '\0';
	t->slot[i] = e;
	if (t->nall == t->allsz) {
		t->allsz = t->allsz ? 2 * t->allsz : 1024;
		t->all = nu_reallocarray(t->all, t->allsz, sizeof(*t->all));
	}
	t->all[t->nall++] = e;
	if (2 * t->nall > t->nslot)
		grow(t);
	return 0;
}

/* The short-form rule. */

static size_t
nwords(const char *s, size_t len)
{
	size_t	 i, n;

	for (n = 1, i = 0; i + 1 < len; i++)
		if (s[i] == ' ' && s[i + 1] != ' ')
			n++;
	return n;
}

static int
bywords(const void *a, const void *b)
{
	const struct ent	*x = *(const struct ent *const *)a;
	const struct ent	*y = *(const struct ent *const *)b;

	if (x->nwords != y->nwords)
		return x->nwords > y->nwords ? -1 : 1;
	return 0;
}

/*
 * Decide what each name is counted under.  A name is a short form of a
 * longer one of the same type (and document) when its words are the
 * longer one's last words.  Going from the longest names down, every name
 * passes its root - itself, or what it joined - to each of its shorter
 * forms in the table; a short form that receives one root only joins it,
 * one that receives two stays apart.  So "Putin" joins "Vladimir Putin",
 * and "Halvard" with "Ivo Halvard" and "Tomas Halvard" stays itself,
 * while "Halvard" with "Ivo Halvard" and "Anton Ivo Halvard" ends
 * under the latter, which the other joined.  The result depends on the
 * set of names only, never on the order they were read in.
 */
static void
join(struct count_table *t)
{
	struct ent	**v, *e, *f, *root;
	size_t		  i, j;
	uint64_t	  h;

	v = nu_reallocarray(NULL, t->nall, sizeof(*v));
	for (i = 0; i < t->nall; i++) {
		v[i] = t->all[i];
		v[i]->nwords = nwords(v[i]->name, v[i]->namelen);
		v[i]->cand = NULL;
	}
	qsort(v, t->nall, sizeof(*v), bywords);
	for (i = 0; i < t->nall; i++) {
		e = v[i];
		root = e->cand == NULL || e->cand == &conflict ? e : e->cand;
		e->root = root;
		if (!type_joins[e->type] || e->nwords < 2)
			continue;
		/* h is the hash of name[j + 1..namelen), made from the end. */
		h = keyseed(e->doc, e->type);
		for (j = e->namelen; j-- > 0; h = hash(h, e->name + j, 1)) {
			if (j + 1 == e->namelen || e->name[j] != ' ' ||
			    e->name[j + 1] == ' ')
				continue;
			f = t->slot[lookup(t, keyfinal(h), e->doc,
			    e->type, e->name + j + 1, e->namelen - j - 1)];
			if (f == NULL)
				continue;
			if (f->cand == NULL)
				f->cand = root;
			else if (f->cand != root)
				f->cand = &conflict;
		}
	}
	free(v);
}

/* Output. */

static const struct count_table	*sort_table;

static int
byrank(const void *a, const void *b)
{
	const struct ent	*x = *(const struct ent *const *)a;
	const struct ent	*y = *(const struct ent *const *)b;
	const struct docname	*dx, *dy;
	size_t			 n;
	int			 c;

	if (x->doc != y->doc) {
		dx = &sort_table->docs[x->doc];
		dy = &sort_table->docs[y->doc];
		n = dx->len < dy->len ? dx->len : dy->len;
		if (n > 0 && (c = memcmp(dx->s, dy->s, n)) != 0)
			return c;
		return dx->len < dy->len ? -1 : 1;
	}
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	n = x->namelen < y->namelen ? x->namelen : y->namelen;
	if ((c = memcmp(x->name, y->name, n)) != 0)
		return c;
	if (x->namelen != y->namelen)
		return x->namelen < y->namelen ? -1 : 1;
	return strcmp(count_type_name(x->type), count_type_name(y->type));
}

static void
put(const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, stdout) != n)
		nu_write_error();
}

static void
putnum(unsigned long long n)
{
	if (printf("%llu", n) < 0)
		nu_write_error();
}

static void
write_tsv(const struct count_table *t, const struct ent *e, int flags)
{
	const struct docname	*d;

	if (flags & COUNT_BYDOC) {
		d = &t->docs[e->doc];
		out_tsv_str(d->s, d->len);
		put("\t", 1);
	}
	putnum(e->total);
	put("\t", 1);
	put(count_type_name(e->type), strlen(count_type_name(e->type)));
	put("\t", 1);
	out_tsv_str(e->name, e->namelen);
	put("\n", 1);
}

static void
write_json(const struct count_table *t, const struct ent *e, int flags)
{
	const struct docname	*d;

	put("{", 1);
	if (flags & COUNT_BYDOC) {
		d = &t->docs[e->doc];
		put("\"doc\":", 6);
		out_json_str(d->s, d->len);
		put(",", 1);
	}
	put("\"count\":", 8);
	putnum(e->total);
	put(",\"type\":", 8);
	out_json_str(count_type_name(e->type),
	    strlen(count_type_name(e->type)));
	put(",\"name\":", 8);
	out_json_str(e->name, e->namelen);
	put("}\n", 2);
}

/*
 * Columns that a UTF-8 string takes on a terminal once escaped as TSV,
 * roughly: code points, and two for an escaped byte.
 */
static size_t
colwidth(unsigned char c)
{
	if ((c & 0xc0) == 0x80)
		return 0;
	return c == '\t' || c == '\n' || c == '\r' || c == '\\' ? 2 : 1;
}

static size_t
cols(const char *s, size_t len)
{
	size_t	 i, n;

	for (n = 0, i = 0; i < len; i++)
		n += colwidth((unsigned char)s[i]);
	return n;
}

/* Bytes of s that fill at most w columns, cut at a character boundary. */
static size_t
fit(const char *s, size_t len, size_t w)
{
	size_t	 i, n;

	for (n = 0, i = 0; i < len; i++)
		if ((n += colwidth((unsigned char)s[i])) > w &&
		    colwidth((unsigned char)s[i]) > 0)
			break;
	return i;
}

static size_t
digits(unsigned long long n)
{
	size_t	 d;

	for (d = 1; n >= 10; n /= 10)
		d++;
	return d;
}

static void
pad(size_t n)
{
	static const char	 sp[] = "                                ";

	while (n > 0) {
		put(sp, n < sizeof(sp) - 1 ? n : sizeof(sp) - 1);
		n -= n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
	}
}

/*
 * Bars for v[0..n), the largest first, as TYPE NAME BAR COUNT lines that
 * fit c->cols columns.  Names too long for a third of the width are cut
 * with an ellipsis; a bar is drawn in eighths of a block on a UTF-8
 * terminal and in '#' elsewhere, and every count above zero gets some bar.
 */
static void
chart(struct ent **v, size_t n, const struct count_chart *c)
{
	static const char *const eighth[8] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b",
		"\u258a", "\u2589"
	};
	size_t			 i, k, tw, nw, cw, bw, w, units, len;
	unsigned long long	 max;
	int			 width;

	width = c->cols > 20 ? c->cols : 20;
	if (n == 0)
		return;
	max = v[0]->total;
	for (tw = nw = 0, i = 0; i < n; i++) {
		len = strlen(count_type_name(v[i]->type));
		tw = len > tw ? len : tw;
		w = cols(v[i]->name, v[i]->namelen);
		nw = w > nw ? w : nw;
	}
	if (nw > (size_t)width / 3)
		nw = (size_t)width / 3;
	cw = digits(max);
	w = (tw ? tw + 1 : 0) + nw + 1 + 1 + cw;
	bw = (size_t)width > w + 2 ? (size_t)width - w - 1 : 1;
	for (i = 0; i < n; i++) {
		if (tw) {
			len = strlen(count_type_name(v[i]->type));
			put(count_type_name(v[i]->type), len);
			pad(tw + 1 - len);
		}
		w = cols(v[i]->name, v[i]->namelen);
		if (w > nw) {
			len = fit(v[i]->name, v[i]->namelen, nw - 1);
			out_tsv_str(v[i]->name, len);
			put(c->utf8 ? "\u2026" : "~", c->utf8 ? 3 : 1);
			w = nw;
		} else
			out_tsv_str(v[i]->name, v[i]->namelen);
		pad(nw - w + 1);
		units = max == 0 ? 0 : (size_t)((long double)v[i]->total *
		    bw * (c->utf8 ? 8 : 1) / max + 0.5L);
		if (units == 0 && v[i]->total > 0)
			units = 1;
		if (c->utf8) {
			for (k = 0; k < units / 8; k++)
				put("\u2588", 3);
			put(eighth[units % 8], strlen(eighth[units % 8]));
			w = (units + 7) / 8;
		} else {
			for (k = 0; k < units; k++)
				put("#", 1);
			w = units;
		}
		put(" ", 1);
		putnum(v[i]->total);
		put("\n", 1);
	}
}

void
count_write(struct count_table *t, int flags, unsigned long long top,
    const struct count_chart *c)
{
	struct ent	**v, *e;
	size_t		  i, j, n, start, end, shown;
	const struct docname *d;

	if (!(flags & COUNT_PARTIAL))
		join(t);
	for (i = 0; i < t->nall; i++) {
		e = t->all[i];
		if (flags & COUNT_PARTIAL)
			e->root = e;
		e->total = 0;
	}
	for (i = 0; i < t->nall; i++) {
		e = t->all[i];
		if (e->root->total > ULLONG_MAX - e->n)
			e->root->total = ULLONG_MAX;
		else
			e->root->total += e->n;
	}
	v = nu_reallocarray(NULL, t->nall, sizeof(*v));
	for (n = 0, i = 0; i < t->nall; i++)
		if (t->all[i]->root == t->all[i])
			v[n++] = t->all[i];
	sort_table = t;
	qsort(v, n, sizeof(*v), byrank);
	for (start = 0; start < n; start = end) {
		for (end = start + 1; end < n && v[end]->doc == v[start]->doc;
		    end++)
			continue;
		shown = end - start;
		if (top > 0 && top < shown)
			shown = (size_t)top;
		if (c != NULL) {
			if ((flags & COUNT_BYDOC) && v[start]->doc != 0) {
				d = &t->docs[v[start]->doc];
				if (start > 0)
					put("\n", 1);
				out_tsv_str(d->s, d->len);
				put(":\n", 2);
			}
			chart(v + start, shown, c);
			continue;
		}
		for (j = start; j < start + shown; j++) {
			if (flags & COUNT_JSON)
				write_json(t, v[j], flags);
			else
				write_tsv(t, v[j], flags);
		}
	}
	free(v);
}
