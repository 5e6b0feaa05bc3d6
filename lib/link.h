/*
 * link.h - entity types, and linking the mentions of one document to
 * their entities, so that "Putin", "Mr Putin" and "Russian President
 * Vladimir Putin" all carry the NAME "Vladimir Putin".  `entities` and
 * `quotes` share it, so a speaker is named as `entities` names him.
 *
 * Use: link_doc_reset at each document, link_mention for every mention
 * in text order, and only when the document is over ask link_name: a
 * short form may come before the full name, so names settle at the end.
 * Memory is bounded per document (LINK_MAX_ENTITIES).  Names may be
 * asked for at any time (a caller that must flush a huge document does);
 * mentions recorded later may still join the names settled so far.
 */
#ifndef NU_LINK_H
#define NU_LINK_H

#include <stddef.h>

enum ent_type {
	ENT_PERSON, ENT_ORG, ENT_GPE, ENT_LOC, ENT_NORP, ENT_MISC,
	ENT_NTYPES
};

/* "PERSON", "ORG", ... */
const char	*ent_type_name(enum ent_type);
/* Parse a type name (case-insensitive); 0 if unknown. */
int		 ent_type_parse(const char *, size_t, enum ent_type *);

/* Most distinct names a document keeps; a new one past it is LINK_NONE. */
#define LINK_MAX_ENTITIES	4096
/* Bytes of a name kept; a longer mention is linked by its first bytes. */
#define LINK_NAME_MAX		256
/* Not an entity: link_name gives NULL, link_type ENT_MISC. */
#define LINK_NONE		((size_t)-1)

struct link_dict;	/* the shipped alias table and a user dictionary */
struct link_doc;	/* the entities of one document */

/*
 * Load the shipped aliases and, if path is not NULL, a user dictionary
 * of lines TYPE<TAB>NAME[<TAB>ALIAS...] (# comments and blank lines
 * allowed).  A malformed line exits 2 with "prog: path:LINE: message".
 */
struct link_dict *link_dict_open(const char *path);
void		 link_dict_close(struct link_dict *);

/*
 * The longest user-dictionary name or alias that text s[0..len) starts
 * with, matched with its case, any white space in s matching a space,
 * and ending at a word end; its length in bytes (0 if none) and type.
 */
size_t		 link_dict_match(const struct link_dict *, const char *s,
		    size_t len, enum ent_type *);
/* Whether there are user-dictionary names, so link_dict_match may match. */
int		 link_dict_has_user(const struct link_dict *);
/*
 * Look a whole name up (case ignored, except for acronyms such as WHO):
 * 0 if unknown, 1 for the shipped table, 2 for the user dictionary;
 * *type and the dictionary's NAME are set (either pointer may be NULL).
 */
int		 link_dict_lookup(const struct link_dict *, const char *s,
		    size_t len, enum ent_type *, const char **name,
		    size_t *namelen);

/*
 * Titles and roles (data/titles.txt).  link_title_prefix: the bytes of
 * the titles s starts with, white space after them included ("Prime
 * Minister " in "Prime Minister Ivo Halvard").  link_title_before: the
 * titles that s ends with (white space at its end ignored): their length,
 * and their start in *start.  A title that says a gender sets *gender to
 * 'm' or 'f' (gender may be NULL; it is left alone otherwise).
 */
size_t		 link_title_prefix(const char *s, size_t len, int *gender);
size_t		 link_title_before(const char *s, size_t len, size_t *start,
		    int *gender);
/* Is s[0..n) one title that is a surname too ("Singer"), a name alone? */
int		 link_title_surname(const char *s, size_t n);

/*
 * Does the word w[0..n) end organisations' names ("Authority", "Inc.";
 * *type ENT_ORG) or places' ("Province", "Airport"; ENT_LOC)?
 * data/orgsuffixes.txt and data/locsuffixes.txt.
 */
int		 link_name_end(const char *w, size_t n, enum ent_type *type);

/*
 * Does the word w[0..n) make a thing, no person, of a name it stands
 * before ("Hurricane", "USS"; data/miscprefixes.txt) or, with after, a
 * name it follows ("Show", "Linux"; data/miscsuffixes.txt)?
 */
int		 link_thing_word(const char *w, size_t n, int after);

/* The dictionary may be NULL: no aliases, no user names. */
struct link_doc	*link_doc_new(const struct link_dict *);
void		 link_doc_reset(struct link_doc *);
void		 link_doc_free(struct link_doc *);

/*
 * Record a mention as written; returns its entity's number, or LINK_NONE
 * when the document already has LINK_MAX_ENTITIES names.  A leading
 * "the", a possessive 's and, for a person, titles before the name
 * ("Mr Putin") are not part of the name; such a title is remembered.
 */
size_t		 link_mention(struct link_doc *, enum ent_type,
		    const char *text, size_t len);
/* A title or role seen with a mention outside its text ("President"). */
void		 link_title_seen(struct link_doc *, size_t ent,
		    const char *title, size_t len);
/* At the document's end: an entity's canonical name and type. */
const char	*link_name(struct link_doc *, size_t ent, size_t *len);
enum ent_type	 link_type(struct link_doc *, size_t ent);
/* The entity that ent settled into (itself, or the one it joined). */
size_t		 link_root(struct link_doc *, size_t ent);
/* The longest title seen with the entity, or NULL. */
const char	*link_title(struct link_doc *, size_t ent, size_t *len);
/* 'm' or 'f' when a title said so ("Mrs", "Mr"), else 0. */
int		 link_gender(struct link_doc *, size_t ent);

#endif
