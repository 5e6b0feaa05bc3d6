/*
 * link_int.h - what the two halves of the linker share, inside the
 * library only (link.h is the interface):
 *   linkdict.c  the text helpers, the titles (data/titles.txt) and the
 *               dictionary: a user's names, the shipped aliases and the
 *               weaker places;
 *   link.c      the names of one document, settled into entities.
 */
#ifndef NU_LINK_INT_H
#define NU_LINK_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "link.h"

/* A dictionary entry: one name or alias, and the entity it stands for. */
struct dent {
	size_t		 off, len;	/* the alias as written, in the arena */
	size_t		 foff;		/* the folded alias, same length */
	uint32_t	 id;		/* the dictionary entity */
	uint32_t	 hash;		/* of the folded alias */
	uint32_t	 next;		/* next user entry of its first word */
	enum ent_type	 type;
	unsigned	 user:1;	/* from the user's file */
	unsigned	 exact:1;	/* an acronym: case must match */
};

/* A dictionary entity: its NAME and type. */
struct dentity {
	size_t		 off, len;
	enum ent_type	 type;
	unsigned	 user:1;
	unsigned	 weak:1;	/* a place of data/places.tsv */
};

struct link_dict {
	char		*arena;
	size_t		 alen, acap;
	struct dent	*e;
	size_t		 ne, ecap;
	struct dentity	*ent;
	size_t		 nent, entcap;
	uint32_t	*ht;		/* folded alias -> entry + 1 */
	size_t		 htcap;
	uint32_t	*fw;		/* first word -> user entry + 1 */
	size_t		 fwcap;
	size_t		 nuser;
};

/* Bytes as ASCII: the names are compared byte by byte. */

static inline int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int
isupper_a(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
islower_a(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
isspace_a(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Letters and digits, and every byte of a multibyte UTF-8 character. */
static inline int
isword(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static inline int
ci_eq(const char *a, const char *b, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* linkdict.c: text helpers. */
size_t		 link_arena_add(char **, size_t *, size_t *, const char *,
		    size_t);
size_t		 link_collapse(char *, size_t, const char *, size_t);
int		 link_is_acronym(const char *, size_t);

/* linkdict.c: titles. */
size_t		 link_title_at(const char *, size_t, int *);

/* linkdict.c: the dictionary. */
ssize_t		 link_dict_entity(const struct link_dict *, const char *,
		    size_t);

#endif
