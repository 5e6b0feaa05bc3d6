/*
 * words.h - the classes of the words that the attribution rules and the
 * name rules know (data/quote/words.txt, data/quote/cues.txt and the
 * given names of data/quote/names.txt): speech verbs, titles, roles,
 * pronouns, German articles and role nouns, and so on.  The classes are
 * the QT_* bits of the generated quote_tab.h.
 */
#ifndef NU_WORDS_H
#define NU_WORDS_H

#include <stddef.h>

#include "quote_tab.h"

#define WORDS_LOOK_MAX	64	/* longest word or phrase looked up */

/* Build the table's index; call once before any thread starts. */
void		 words_init(void);
/*
 * The QT_* bits of a word or phrase (0 when unknown), its ASCII letters
 * and the capitals of Latin-1 in any case; avail bytes from s may be
 * read (at least n).
 */
unsigned int	 words_class(const char *s, size_t n, size_t avail);
/*
 * Whether the word s[0..n) is a German role noun or ends in one:
 * "Sprecher", "Ministerpräsident", "Landesminister", "VW-Chef".
 */
int		 words_role_end(const char *s, size_t n);

#endif
