/*
 * link.h - entity types, and linking the mentions of one document to
 * their entities, so that "Putin", "Mr Putin" and "Russian President
 * Vladimir Putin" all carry the NAME "Vladimir Putin".  `entities` and
 * `quotes` share it, so a speaker is named as `entities` names him.
 *
 * Use: link_doc_reset at each document, link_mention for every mention
 * in text order, and only when the document is over ask link_name: a
 * short form may come before the full name, so names settle at the end.
 * Memory is bounded per document (LINK_MAX_ENTITIES).
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

struct link_dict;	/* the shipped alias table and a user dictionary */
struct link_doc;	/* the entities of one document */

/*
 * Load the shipped aliases and, if path is not NULL, a user dictionary
 * of lines TYPE<TAB>NAME[<TAB>ALIAS...] (# comments and blank lines
 * allowed).  A malformed line exits 2 with "prog: path:LINE: message".
 */
struct link_dict *link_dict_open(const char *path);
void		 link_dict_close(struct link_dict *);

struct link_doc	*link_doc_new(const struct link_dict *);
void		 link_doc_reset(struct link_doc *);
void		 link_doc_free(struct link_doc *);

/* Record a mention as written; returns its entity's number. */
size_t		 link_mention(struct link_doc *, enum ent_type,
		    const char *text, size_t len);
/* At the document's end: an entity's canonical name and type. */
const char	*link_name(struct link_doc *, size_t ent, size_t *len);
enum ent_type	 link_type(struct link_doc *, size_t ent);

#endif
