/*
 * ent_span.c - the spans of one sentence (see ent_int.h): the tagger's
 * and the dictionary's, mended by rules the tagger does not know.
 */
#include <string.h>

#include "ent_int.h"
#include "ent_tab.h"
#include "ner.h"
#include "tok.h"
#include "util.h"
#include "words.h"

#define OF_WORDS	5	/* capitalised words in "Chair of the X" */
#define APPOSITION_MAX	80	/* bytes of "the company's chief executive" */

static struct span *
new_span(struct ent_finder *f)
{
	if (f->ns == f->scap) {
		f->scap = f->scap ? f->scap * 2 : 16;
		f->sv = nu_reallocarray(f->sv, f->scap, sizeof(*f->sv));
	}
	memset(&f->sv[f->ns], 0, sizeof(f->sv[0]));
	return &f->sv[f->ns++];
}

/*
 * A leading "The" is not part of a name ("The New York Times" is "New
 * York Times"), unless the dictionary knows the name with it ("The
 * Hague").
 */
static void
strip_the(struct ent_finder *f, const char *s, struct span *sp)
{
	size_t	 k;

	if (sp->end - sp->start < 5 || memcmp(s + sp->start, "The", 3) != 0 ||
	    !doc_isspace((unsigned char)s[sp->start + 3]))
		return;
	if (link_dict_lookup(f->dict, s + sp->start, sp->end - sp->start,
	    NULL, NULL, NULL) != 0)
		return;
	for (k = sp->start + 4; k < sp->end && doc_isspace((unsigned char)s[k]);
	    k++)
		continue;
	if (k < sp->end)
		sp->start = k;
}

/*
 * The bytes of the possessive the word ends with ("Calder's",
 * "Harriers'", with a straight or a curly apostrophe), or 0.
 */
static size_t
possessive(const char *w, size_t n)
{
	if (n >= 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		return 4;
	if (n >= 3 && memcmp(w + n - 3, "\xe2\x80\x99", 3) == 0)
		return 3;
	if (n >= 2 && memcmp(w + n - 2, "'s", 2) == 0)
		return 2;
	return n >= 1 && w[n - 1] == '\'';
}

/* Does the phrase s[0..n) open as an apposition does: the, a, its, X's? */
static int
appositive(const char *s, size_t n)
{
	static const char *const det[] = {
		"the ", "a ", "an ", "its ", "his ", "her ", "their ", NULL
	};
	const char *const *d;
	size_t	 i, k;

	for (d = det; *d != NULL; d++) {
		k = strlen(*d);
		if (n > k && memcmp(s, *d, k) == 0)
			return 1;
	}
	/* A possessive first word: "the company's", "Corvane's". */
	for (i = 0; i < n && !doc_isspace((unsigned char)s[i]); i++)
		continue;
	return i > 2 && possessive(s, i);
}

/*
 * A role in apposition to a person's name, when no title stands next to
 * it: "the company's chief executive, Anjali Rao" or "Anjali Rao, the
 * company's chief executive,".  The role is the titles that end the
 * phrase (data/titles.txt); sets the span's title.
 */
static void
apposition(const char *s, size_t len, struct span *sp)
{
	size_t	 b, e, k, st, t;

	b = sp->start;
	while (b > 0 && doc_isspace((unsigned char)s[b - 1]))
		b--;
	if (b > 0 && s[b - 1] == ',' &&
	    (t = link_title_before(s, b - 1, &st, NULL)) > 0) {
		sp->tstart = st;
		sp->tlen = t;
		return;
	}
	e = sp->end;
	if (e >= len || s[e] != ',')
		return;
	for (e++; e < len && doc_isspace((unsigned char)s[e]); e++)
		continue;
	for (k = e; k < len && k < e + APPOSITION_MAX && s[k] != ',' &&
	    s[k] != ';' && s[k] != '(' && s[k] != '"'; k++)
		continue;
	if (k == e + APPOSITION_MAX || !appositive(s + e, k - e))
		return;
	/* A sentence that ends with the apposition: its full stop goes. */
	if (k == len && k > e && s[k - 1] == '.')
		k--;
	if ((t = link_title_before(s + e, k - e, &st, NULL)) > 0) {
		sp->tstart = e + st;
		sp->tlen = t;
	}
}

static size_t	cap_word(const char *, size_t);
static int	has_word(const char *, size_t);

/*
 * The word of s that ends at or before b, white space skipped: its
 * start in *a and its end, the two equal when there is no word.
 */
static size_t
word_back(const char *s, size_t b, size_t *a)
{
	size_t	 e;

	for (e = b; e > 0 && doc_isspace((unsigned char)s[e - 1]); e--)
		continue;
	for (*a = e; *a > 0 && !doc_isspace((unsigned char)s[*a - 1]); (*a)--)
		continue;
	return e;
}

/*
 * A title that names the body or place it is of before the person:
 * "Chair of the Harbour Board Ida Holm", "Governor of Tarnia Dana
 * Kell".  Back from b over at least min and at most OF_WORDS
 * capitalised words, then "the", then "of": the titles before that are
 * the person's.  Returns their length, their start in *start; 0 when
 * there are none.
 */
static size_t
title_of(const char *s, size_t b, size_t min, size_t *start)
{
	size_t	 a, e, nw;

	for (nw = 0;; nw++, b = a) {
		e = word_back(s, b, &a);
		if (nw == OF_WORDS || e == a || cap_word(s + a, e - a) != e - a)
			break;
	}
	if (nw < min)
		return 0;
	if (e - a == 3 && memcmp(s + a, "the", 3) == 0)
		e = word_back(s, a, &a);
	if (e - a != 2 || memcmp(s + a, "of", 2) != 0)
		return 0;
	return link_title_before(s, a, start, NULL);
}

/*
 * "Governor of Tarnia Dana Kell", which the tagger may take for one
 * place's name: after a title and "of", a name the dictionary knows, or
 * one that ends as organisations' or places' names do ("Port
 * Authority"), and two capitalised words or more are that name (*pre)
 * and a person with that title (*sp).  Returns 1 when it parts the span
 * so.
 */
static int
split_title_of(struct ent_finder *f, const char *s, struct span *sp,
    struct span *pre)
{
	size_t	 p, a, e, pe, nw, ts, tl;

	memset(pre, 0, sizeof(*pre));
	if ((tl = title_of(s, sp->start, 0, &ts)) == 0)
		return 0;
	for (p = sp->end, nw = 0;; p = a, nw++) {
		e = word_back(s, p, &a);
		if (a <= sp->start || cap_word(s + a, e - a) != e - a)
			return 0;
		pe = word_back(s, a, &p);
		if (nw >= 1 && (link_dict_lookup(f->dict, s + sp->start,
		    pe - sp->start, &pre->type, NULL, NULL) != 0 ||
		    link_name_end(s + p, pe - p, &pre->type)))
			break;
	}
	pre->start = sp->start;
	pre->end = pe;
	sp->start = a;
	sp->type = ENT_PERSON;
	sp->tstart = ts;
	sp->tlen = tl;
	return 1;
}

/*
 * A name the tagger called a person's, with words just outside its span
 * that make a thing of it: a storm's or a ship's before it ("Tropical
 * Storm" and "Selma", "USS" and "Carrow"), a work's or a product's after
 * it ("Show", "Linux"; see link_thing_word()).  The span takes them in
 * and is MISC.  Returns 1 when it is so.
 */
static int
thing_around(const char *s, size_t len, struct span *sp)
{
	size_t	 a, b, e, k;
	int	 found;

	found = 0;
	for (b = sp->start;; b = a) {
		e = word_back(s, b, &a);
		if (e == a || e + 1 != b || s[e] != ' ' ||
		    cap_word(s + a, e - a) != e - a ||
		    !link_thing_word(s + a, e - a, 0))
			break;
		sp->start = a;
		found = 1;
	}
	e = sp->end;
	if (e + 1 < len && s[e] == ' ' &&
	    (k = cap_word(s + e + 1, len - e - 1)) > 0 &&
	    link_thing_word(s + e + 1, k, 1)) {
		if (s[e + k] == '.')
			k--;
		sp->end = e + 1 + k;
		found = 1;
	}
	if (found)
		sp->type = ENT_MISC;
	return found;
}

/*
 * The length of the quotation mark or italic mark ('"', curly quotes,
 * '*', '_') that ends at s[e] (close 0) or starts there (close 1), or 0.
 */
static size_t
title_mark(const char *s, size_t len, size_t e, int close)
{
	static const char *const mark[2][5] = {
		{ "\"", "\xe2\x80\x9c", "\xe2\x80\x98", "*", "_" },
		{ "\"", "\xe2\x80\x9d", "\xe2\x80\x99", "*", "_" },
	};
	size_t	 i, n;

	for (i = 0; i < 5; i++) {
		n = strlen(mark[close][i]);
		if (close ? e + n <= len &&
		    memcmp(s + e, mark[close][i], n) == 0 :
		    e >= n && memcmp(s + e - n, mark[close][i], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A name of two words or more the tagger called a person's that is all a
 * pair of quotation marks or italic marks hold is a work's title (the
 * film "Marla Quenby"), MISC; not initials alone ("S. F."), not a
 * nickname between a given name and a surname (Jerome "Jay" Powell), nor
 * a name with more after it in the marks.  A comma or full stop may come
 * before the closing mark.
 */
static int
quoted_title(const char *s, size_t len, struct span *sp)
{
	size_t	 o, c, a, e, k;

	if (memchr(s + sp->start, ' ', sp->end - sp->start) == NULL ||
	    !has_word(s + sp->start, sp->end - sp->start) ||
	    (o = title_mark(s, len, sp->start, 0)) == 0)
		return 0;
	c = sp->end;
	if (c < len && (s[c] == ',' || s[c] == '.'))
		c++;
	if ((k = title_mark(s, len, c, 1)) == 0)
		return 0;
	e = word_back(s, sp->start - o, &a);
	if (e > a && cap_word(s + a, e - a) > 0)
		return 0;
	c += k;
	/* "‘Clara Whitby’s dog": the mark was an apostrophe. */
	if (c < len && (((s[c] | 0x20) >= 'a' && (s[c] | 0x20) <= 'z') ||
	    (unsigned char)s[c] >= 0x80))
		return 0;
	if (c + 1 < len && s[c] == ' ' && s[c + 1] >= 'A' && s[c + 1] <= 'Z')
		return 0;
	sp->type = ENT_MISC;
	return 1;
}

/*
 * Titles are not part of a person's name: take those the span starts
 * with off it, and note those just before it, as its title.  A title
 * inside the span ("Ohio Senator Dana Kell") cuts it; what
 * comes before the title is a mention of its own (*pre) when the
 * dictionary knows it.  Returns 1 when the span is nothing but a title
 * ("Dr."): no one is named; unless the title is a surname too and no
 * name follows (before_name): "Singer said", not "Singer" and "Marla
 * Quenby".
 */
static int
person_title(struct ent_finder *f, const char *s, size_t len,
    struct span *sp, int before_name, struct span *pre)
{
	size_t	 k, t, w;

	memset(pre, 0, sizeof(*pre));
	k = link_title_prefix(s + sp->start, sp->end - sp->start, NULL);
	if (k > 0 && sp->start + k >= sp->end) {
		if (before_name || !link_title_surname(s + sp->start,
		    sp->end - sp->start))
			return 1;
		k = 0;
	}
	if (k == 0) {
		for (w = sp->start + 1; w < sp->end; w++) {
			if (!doc_isspace((unsigned char)s[w - 1]) ||
			    s[w] < 'A' || s[w] > 'Z')
				continue;
			k = link_title_prefix(s + w, sp->end - w, NULL);
			if (k > 0 && w + k < sp->end)
				break;
			k = 0;
		}
		if (k > 0) {
			for (t = w; t > sp->start &&
			    doc_isspace((unsigned char)s[t - 1]); t--)
				continue;
			if (link_dict_lookup(f->dict, s + sp->start,
			    t - sp->start, &pre->type, NULL, NULL) != 0) {
				pre->start = sp->start;
				pre->end = t;
			}
			sp->start = w;
		}
	}
	if (k > 0) {
		for (t = k; t > 0 && doc_isspace((unsigned char)s[sp->start +
		    t - 1]); t--)
			continue;
		sp->tstart = sp->start;
		sp->tlen = t;
		sp->start += k;
		return 0;
	}
	sp->tlen = link_title_before(s, sp->start, &sp->tstart, NULL);
	if (sp->tlen == 0)
		sp->tlen = title_of(s, sp->start, 1, &sp->tstart);
	if (sp->tlen == 0)
		apposition(s, len, sp);
	return 0;
}

/*
 * German capitalises every noun, so a lone capitalised word inside German
 * quotation marks („Wir haben genug Geduld gezeigt“) is no sign of a
 * name; mark the one-word spans there, to be dropped unless they join a
 * fuller name.
 */
static void
german_quotes(const char *s, size_t len, struct span *sv, size_t ns)
{
	size_t	 i, k, open;

	open = (size_t)-1;
	/* Every quotation mark starts with the byte E2: jump from one to the
	 * next rather than compare at every byte. */
	for (i = 0, k = 0; i + 3 <= len; i++) {
		const char *q = memchr(s + i, 0xe2, len - 2 - i);

		if (q == NULL)
			break;
		i = (size_t)(q - s);
		if (memcmp(s + i, "\xe2\x80\x9e", 3) == 0)
			open = i;
		else if (open != (size_t)-1 &&
		    (memcmp(s + i, "\xe2\x80\x9c", 3) == 0 ||
		    memcmp(s + i, "\xe2\x80\x9d", 3) == 0)) {
			for (; k < ns && sv[k].start < i; k++)
				if (sv[k].start > open &&
				    sv[k].type == ENT_PERSON &&
				    memchr(s + sv[k].start, ' ',
				    sv[k].end - sv[k].start) == NULL)
					sv[k].german = 1;
			open = (size_t)-1;
		}
	}
}

/*
 * Has the text a word of two letters or more?  A person's name has one;
 * initials alone ("S. F.") are an abbreviation, not a name.
 */
static int
has_word(const char *s, size_t n)
{
	size_t	 i, run;
	int	 c;

	for (i = 0, run = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0x80) {
			/* A UTF-8 letter counts once, by its lead byte. */
			if (c < 0x80 || c >= 0xc0)
				run++;
			if (run >= 2)
				return 1;
		} else
			run = 0;
	}
	return 0;
}

/*
 * The user dictionary's names in the sentence, each starting and ending
 * at a token's edge; they replace the model's spans they overlap.
 */
static size_t
dict_spans(struct ent_finder *f, const char *s, size_t len)
{
	const struct tok *tv = f->tv;
	enum ent_type	 type;
	size_t		 i, j, k, n;
	struct span	*sp;

	if (f->dict == NULL || !link_dict_has_user(f->dict))
		return 0;
	n = 0;
	for (i = 0; i < f->nt; i++) {
		if (tv[i].kind == TOK_PUNCT && i > 0 &&
		    !(tv[i].flags & TOK_SPACE))
			continue;
		k = link_dict_match(f->dict, s + tv[i].off, len - tv[i].off,
		    &type);
		if (k == 0)
			continue;
		for (j = i; j < f->nt && tv[j].off + tv[j].len <
		    tv[i].off + k; j++)
			continue;
		if (j == f->nt || tv[j].off + tv[j].len != tv[i].off + k)
			continue;
		sp = new_span(f);
		sp->start = tv[i].off;
		sp->end = tv[i].off + k;
		sp->type = type;
		n++;
		i = j;
	}
	return n;
}

/*
 * The spans f->sv[from..ns) into the run f->sv[0..from) in text order,
 * by insertion: both runs are in text order already.
 */
static void
sort_spans(struct ent_finder *f, size_t from)
{
	struct span	 tmp;
	size_t		 i, d;

	for (i = from; i < f->ns; i++) {
		tmp = f->sv[i];
		for (d = i; d > 0 && f->sv[d - 1].start > tmp.start; d--)
			f->sv[d] = f->sv[d - 1];
		f->sv[d] = tmp;
	}
}

/*
 * "Typhoon Marisol", "HMS Wexcombe" where the tagger found no name: the
 * words that open a storm's or a ship's name (link_thing_word()) and the
 * capitalised words after them, none in a span, are a MISC name.  The
 * words after it stop at a common word (ner_common_word()) and after a
 * possessive.
 */
static void
storm_ship_spans(struct ent_finder *f, const char *s, size_t len)
{
	struct span	*sp;
	size_t		 i, j, a, p, e, k, n0, name, poss;

	n0 = f->ns;
	for (i = 0; i < f->nt; i++) {
		a = f->tv[i].off;
		p = a + f->tv[i].len;
		if (cap_word(s + a, p - a) != p - a ||
		    !link_thing_word(s + a, p - a, 0))
			continue;
		for (name = 0, e = p; p + 1 < len && s[p] == ' '; p += 1 + k) {
			k = cap_word(s + p + 1, len - p - 1);
			if (k > 1 && s[p + k] == '.')
				k--;
			if (k == 0)
				break;
			if (name == 0 && link_thing_word(s + p + 1, k, 0))
				continue;
			poss = possessive(s + p + 1, k);
			k -= poss;
			if (k == 0 || ner_common_word(f->ner, s + p + 1, k))
				break;
			name++;
			e = p + 1 + k;
			if (poss)
				break;
		}
		if (name == 0)
			continue;
		for (j = 0; j < f->ns; j++)
			if (f->sv[j].start < e && a < f->sv[j].end)
				break;
		if (j < f->ns)
			continue;
		sp = new_span(f);
		sp->start = a;
		sp->end = e;
		sp->type = ENT_MISC;
		while (i + 1 < f->nt && f->tv[i + 1].off < e)
			i++;
	}
	sort_spans(f, n0);
}

/*
 * The spans of the sentence at paragraph offset ps: the user
 * dictionary's, then the dateline's where no dictionary name is, in text
 * order, as f->sv[0..return).
 */
static size_t
fixed_spans(struct ent_finder *f, const char *s, size_t len, size_t ps)
{
	size_t		 nd, k, d;
	struct span	*sp;

	nd = dict_spans(f, s, len);
	for (k = 0; k < f->ndl; k++) {
		if (f->dl[k].start < ps || f->dl[k].end > ps + len)
			continue;
		for (d = 0; d < nd; d++)
			if (f->sv[d].start < f->dl[k].end - ps &&
			    f->dl[k].start - ps < f->sv[d].end)
				break;
		if (d < nd)
			continue;
		sp = new_span(f);
		*sp = f->dl[k];
		sp->start -= ps;
		sp->end -= ps;
	}
	sort_spans(f, nd);
	return f->ns;
}

/*
 * The language of the document, for the rules that differ in German:
 * its commonest function words, counted up to 400 of them.
 */
static void
language(struct ent_finder *f, const char *s)
{
	const struct tok *t;
	size_t	 k;

	for (k = 0; k < f->nt && f->english + f->german < 400; k++) {
		t = &f->tv[k];
		if (t->len > 5 || t->kind != TOK_WORD)
			continue;
		if (INLIST(english, s + t->off, t->len))
			f->english++;
		else if (INLIST(german, s + t->off, t->len))
			f->german++;
	}
}

/*
 * The tokens of the sentence that span sp covers, [*a, *e), found by
 * halving (a sentence may have thousands of tokens and spans); 0 when
 * the span does not start at a token.
 */
static int
span_toks(const struct ent_finder *f, const struct span *sp, size_t *a,
    size_t *e)
{
	size_t	 lo, hi, mid;

	for (lo = 0, hi = f->nt; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (f->tv[mid].off < sp->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	*a = lo;
	for (*e = lo; *e < f->nt && f->tv[*e].off < sp->end; (*e)++)
		continue;
	return lo < f->nt && f->tv[lo].off == sp->start && *e > lo;
}

static unsigned int
tok_class(const char *s, size_t len, const struct tok *t)
{
	return t->kind == TOK_WORD ? words_class(s + t->off, t->len,
	    len - t->off) : 0;
}

static int
tok_cap(const struct tok *t)
{
	return t->kind == TOK_WORD && (t->flags & TOK_UPPER);
}

/*
 * German capitalises every noun, and the tagger, trained on English,
 * takes what opens a sentence or a role before a name into the name:
 * "Auch Parteichef Jonas Adler", "Ministerpräsident Lars Holmvik".  The
 * name starts after them; a full name after an adverb is still one,
 * unlike one after a preposition ("Über Tim Wessel"), and a span that
 * still starts with a word that starts no name ("Dazu", "Nach") names
 * nothing: returns 0 then.
 */
static int
german_span(struct ent_finder *f, const char *s, size_t len, struct span *sp)
{
	const struct tok *tv = f->tv;
	size_t	 a, e, j, w;
	unsigned int b;

	if (!span_toks(f, sp, &a, &e))
		return 1;
	if (sp->type == ENT_PERSON) {
		for (j = a; j + 2 < e && ((b = tok_class(s, len, &tv[j])) &
		    QT_c) && !(b & (QT_b | QT_l)) && tok_cap(&tv[j + 1]); j++)
			continue;
		for (;;) {
			/* Hyphens join tokens into one word: "VW-Chef". */
			for (w = j; w + 1 < e && tv[w + 1].off ==
			    tv[w].off + tv[w].len; w++)
				continue;
			if (++w >= e || !tok_cap(&tv[w]) ||
			    !words_role_end(s + tv[j].off,
			    tv[w - 1].off + tv[w - 1].len - tv[j].off))
				break;
			j = w;
		}
		sp->start = tv[j].off;
		a = j;
	}
	b = tok_class(s, len, &tv[a]);
	return !(b & QT_c) || (b & QT_b);
}

/*
 * A one-word name compounded with a word that names publications and
 * websites ("Euronews", "Conservapedia"): an organisation's, not the
 * person the tagger may take it for.
 */
static int
org_end(const char *s, const struct span *sp)
{
	size_t	 n = sp->end - sp->start, i, k;
	const char *w = s + sp->start;

	if (memchr(w, ' ', n) != NULL)
		return 0;
	for (i = 0; i < sizeof(ent_w_orgend) / sizeof(ent_w_orgend[0]); i++)
		if ((k = strlen(ent_w_orgend[i])) + 2 <= n &&
		    memcmp(w + n - k, ent_w_orgend[i], k) == 0)
			return 1;
	return 0;
}

/*
 * A person of one word that is a word starting no name ("Dazu", "Monday",
 * "Spaniards"): the tagger was misled by its capital.
 */
static int
no_person(struct ent_finder *f, const char *s, size_t len,
    const struct span *sp)
{
	size_t	 a, e;

	return span_toks(f, sp, &a, &e) && e == a + 1 &&
	    f->tv[a].off + f->tv[a].len == sp->end &&
	    (tok_class(s, len, &f->tv[a]) & QT_c);
}

/*
 * An organisation's name that runs on into a person's ("the head of the
 * Tenants Council Nils Brand said"): after the organisation's last head
 * word ("Council", "Ministry"), two or three capitalised words that
 * start with a given name, or two words that are no title, role or
 * other word the rules know, are a person of their own.  The organisation
 * goes to *org, the span becomes the person's; returns 1 then.
 */
static int
org_person(struct ent_finder *f, const char *s, size_t len,
    struct span *sp, struct span *org)
{
	const struct tok *tv = f->tv;
	size_t	 a, e, j, k;

	if (!span_toks(f, sp, &a, &e))
		return 0;
	for (j = e; j > a && !(tok_class(s, len, &tv[j - 1]) & QT_o); j--)
		continue;
	if (j == a || e - j < 2 || e - j > 3)
		return 0;
	/* Two words that the rules know no other way are a name too. */
	if (!(tok_class(s, len, &tv[j]) & (QT_f | QT_m)) && (e - j != 2 ||
	    tok_class(s, len, &tv[j]) || tok_class(s, len, &tv[j + 1])))
		return 0;
	for (k = j; k < e; k++)
		if (!tok_cap(&tv[k]) || tv[k].len < 2)
			return 0;
	memset(org, 0, sizeof(*org));
	org->start = sp->start;
	org->end = tv[j - 1].off + tv[j - 1].len;
	org->type = ENT_ORG;
	sp->start = tv[j].off;
	sp->type = ENT_PERSON;
	return 1;
}

/*
 * "Kellport Harbour Rovers coach Tom Ash": capitalised words before a
 * role written in lower case before a person name the organisation the
 * person has the role in.  When the tagger left some of them out, or
 * took them for a person's name, and saw no organisation's or group's
 * name among them, the words, two or more, are one organisation's name
 * in place of the spans there ("Toronto" a place); not a possessive
 * and the words before it ("Calder's Labour mayor").  A sentence's first
 * word mostly written in lower case ("When"), or "The", is not part of
 * it.  The spans f->sv[0..f->ns) are in text order, and stay so.
 */
static void
org_before_role(struct ent_finder *f, const char *s)
{
	struct span	*sv = f->sv;
	size_t		 i, j, r, re, a, e, ts, nw;

	for (i = 0; i < f->ns; i++) {
		if (sv[i].type != ENT_PERSON ||
		    link_title_before(s, sv[i].start, &ts, NULL) == 0 ||
		    s[ts] < 'a' || s[ts] > 'z')
			continue;
		re = word_back(s, ts, &a);
		for (r = ts, nw = 0; nw < OF_WORDS; r = a, nw++) {
			e = word_back(s, r, &a);
			if (e == a || e + 1 != r || s[e] != ' ' ||
			    cap_word(s + a, e - a) != e - a ||
			    possessive(s + a, e - a))
				break;
		}
		if (r == 0 && nw > 0) {
			for (e = 0; e < re && s[e] != ' '; e++)
				continue;
			if ((e == 3 && memcmp(s, "The", 3) == 0) ||
			    ner_mostly_lower(s, e)) {
				r = e + 1;
				nw--;
			}
		}
		if (nw < 2)
			continue;
		/* The spans in [r, re): places' or people's only. */
		for (j = i; j > 0 && sv[j - 1].end > r; j--)
			if (sv[j - 1].start < r || (sv[j - 1].type != ENT_GPE &&
			    sv[j - 1].type != ENT_LOC &&
			    sv[j - 1].type != ENT_PERSON))
				break;
		if (j > 0 && sv[j - 1].end > r)
			continue;
		if (i - j == 1 && sv[j].type != ENT_PERSON &&
		    sv[j].start == r && sv[j].end == re)
			continue;
		if (j == i) {
			new_span(f);
			sv = f->sv;
			memmove(&sv[j + 1], &sv[j], (f->ns - 1 - j) * sizeof(*sv));
			i++;
		} else if (i - j > 1) {
			memmove(&sv[j + 1], &sv[i], (f->ns - i) * sizeof(*sv));
			f->ns -= i - j - 1;
			i = j + 1;
		}
		memset(&sv[j], 0, sizeof(sv[j]));
		sv[j].start = r;
		sv[j].end = re;
		sv[j].type = ENT_ORG;
	}
}

/*
 * Sentence s of paragraph offset ps, document offset off: its tokens,
 * and what ner_prepare() made of them or NULL.
 */
void
ent_sentence(struct ent_finder *f, const char *s, size_t len,
    unsigned long long off, size_t ps, const struct tok *tv, size_t nt,
    struct ner_tokinfo *ti, const struct ner_pre *np)
{
	const struct ner_span *ms;
	size_t		 nm, nd, i, d;
	struct span	*sp, pre;

	f->sentence++;
	if (nt == 0)
		return;
	f->tv = tv;
	f->nt = nt;
	language(f, s);
	ent_sport(f, s, tv, nt);
	if (ti != NULL)
		nm = ner_tag_prepared(f->ner, s, tv, nt, ti, np, &ms);
	else
		nm = ner_tag_sentence(f->ner, s, tv, nt, &ms);
	f->ns = 0;
	nd = fixed_spans(f, s, len, ps);

	/* Model spans that no dictionary name overlaps, in text order. */
	for (i = 0, d = 0; i < nm; i++) {
		while (d < nd && f->sv[d].end <= ms[i].start)
			d++;
		if (d < nd && f->sv[d].start < ms[i].end)
			continue;
		sp = new_span(f);
		sp->start = ms[i].start;
		sp->end = ms[i].end;
		sp->type = (enum ent_type)ms[i].type;
	}
	sort_spans(f, nd);
	storm_ship_spans(f, s, len);
	org_before_role(f, s);
	german_quotes(s, len, f->sv, f->ns);
	for (i = 0; i < f->ns; i++) {
		sp = &f->sv[i];
		if (f->german > f->english && !german_span(f, s, len, sp))
			continue;
		strip_the(f, s, sp);
		if (sp->type == ENT_PERSON && org_end(s, sp))
			sp->type = ENT_ORG;
		if (sp->type == ENT_ORG && org_person(f, s, len, sp, &pre))
			ent_add(f, s, off, &pre);
		if (sp->type != ENT_PERSON &&
		    split_title_of(f, s, sp, &pre))
			ent_add(f, s, off, &pre);
		else if (sp->type == ENT_PERSON &&
		    !thing_around(s, len, sp) && !quoted_title(s, len, sp)) {
			if (no_person(f, s, len, sp) ||
			    person_title(f, s, len, sp, i + 1 < f->ns &&
			    f->sv[i + 1].type == ENT_PERSON &&
			    f->sv[i + 1].start == sp->end + 1, &pre) ||
			    !has_word(s + sp->start, sp->end - sp->start))
				continue;
			if (pre.end > pre.start)
				ent_add(f, s, off, &pre);
		}
		ent_add(f, s, off, sp);
	}
}

/* A word of a dateline's place: capitals, full stops, hyphens, quotes. */
static size_t
caps_word(const char *s, size_t n)
{
	size_t	 i, letters;
	int	 c;

	letters = 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c >= 0x80 && letters > 0)
			continue;
		else if (c != '.' && c != '-' && c != '\'')
			break;
	}
	return letters > 0 ? i : 0;
}

/* A capitalised word ("Calder", "Va.", "N.Y."), or 0. */
static size_t
cap_word(const char *s, size_t n)
{
	size_t	 i;
	int	 c;

	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (i = 1; i < n; i++) {
		c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0x80 || c == '.' || c == '-' || c == '\''))
			break;
	}
	return i;
}

/* The end of a run of capitalised words, one space apart, from i on. */
static size_t
cap_run(const char *p, size_t i, size_t lim)
{
	size_t	 k;

	while (i + 1 < lim && p[i] == ' ' &&
	    (k = cap_word(p + i + 1, lim - i - 1)) > 0)
		i += 1 + k;
	return i;
}

/* The length of a dash and the space after it at s, or 0. */
static size_t
dash(const char *s, size_t n)
{
	size_t	 k;

	if (n >= 3 && (memcmp(s, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x93", 3) == 0))
		k = 3;
	else if (n >= 2 && memcmp(s, "--", 2) == 0)
		k = 2;
	else if (n >= 1 && s[0] == '-')
		k = 1;
	else
		return 0;
	return k == n || doc_isspace((unsigned char)s[k]) ? k : 0;
}

/*
 * A dateline opens a news story: "BRUSSELS —", "ST. BRENDAN, Calder --",
 * "REDFIELD, Calder (Calder Wire) -".  The place in capitals and the
 * state or country after it are places, an agency in brackets is an
 * organisation; the model, which learnt from text in mixed case, often
 * gets them wrong.  Returns the spans found (in paragraph offsets).
 */
size_t
ent_dateline(struct ent_finder *f, const char *p, size_t n)
{
	size_t	 i, k, w, lim, ns;
	struct span *sp;
	char	 buf[DATELINE_MAX];

	lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	memset(f->dl, 0, sizeof(f->dl));
	/* The place, in capitals: one word or more. */
	for (i = 0, w = 0; (k = caps_word(p + i, lim - i)) > 0; ) {
		i += k;
		w++;
		if (i < lim && p[i] == ' ' && i + 1 < lim &&
		    caps_word(p + i + 1, lim - i - 1) > 0)
			i++;
		else
			break;
	}
	if (w == 0 || i < 2)
		return 0;
	f->dl[0].start = 0;
	f->dl[0].end = i;
	f->dl[0].type = ENT_GPE;
	f->dl[0].caps = 1;
	ns = 1;
	/* ", State" */
	if (i + 1 < lim && p[i] == ',' && p[i + 1] == ' ' &&
	    (k = cap_word(p + i + 2, lim - i - 2)) > 0) {
		sp = &f->dl[ns++];
		sp->start = i + 2;
		i = cap_run(p, i + 2 + k, lim);
		sp->end = i;
		sp->type = ENT_GPE;
	}
	/* " (Agency)" */
	if (i + 2 < lim && p[i] == ' ' && p[i + 1] == '(' &&
	    (k = cap_word(p + i + 2, lim - i - 2)) > 0) {
		sp = &f->dl[ns++];
		sp->start = i + 2;
		i = cap_run(p, i + 2 + k, lim);
		sp->end = i;
		sp->type = ENT_ORG;
		if (i >= lim || p[i] != ')')
			return 0;
		i++;
	}
	while (i < lim && doc_isspace((unsigned char)p[i]))
		i++;
	if (dash(p + i, n - i) == 0)
		return 0;
	/*
	 * Without a state or country after it, the capitals must be a place
	 * the tables know: "UPDATE -" and "EXCLUSIVE —" open stories too.
	 */
	if (ns == 1 && (f->dl[0].end > sizeof(buf) ||
	    !link_dict_lookup(f->dict, ent_title_case(buf, p, f->dl[0].end),
	    f->dl[0].end, NULL, NULL, NULL)))
		return 0;
	return ns;
}
