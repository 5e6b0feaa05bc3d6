/*
 * sent.h - sentence boundaries within one paragraph.
 *
 * The splitter never changes a byte: it only says where each sentence
 * starts and ends, as offsets into the paragraph text, with the white
 * space between sentences left out.  Line breaks inside a sentence stay
 * in it (the writers turn them into spaces).
 *
 * It handles abbreviations of two kinds (titles such as Mr. and St. that
 * never end a sentence; U.S., Inc., a.m. that end one only before a
 * common sentence starter), initials, numbers, ellipses, closing quotes
 * and brackets, URLs and e-mail addresses, a missing space after a full
 * stop, numbered and bulleted lists, datelines (BRUSSELS —, a date or a
 * place heading a paragraph), photo credits, and line breaks that either
 * wrap a sentence or end a headline or list line.
 */
#ifndef NU_SENT_H
#define NU_SENT_H

#include <stddef.h>

/*
 * The iterator over one paragraph.  Only sent_begin() and sent_next()
 * touch the fields; they are here so that callers can keep the iterator
 * on the stack.
 */
struct sent_iter {
	const char	*p;
	size_t		 len;
	size_t		 pos;		/* where the next sentence is looked for */
	size_t		 maxline;	/* longest line, 0 until measured */
	int		 shortlines;	/* the lines are a list of short items */
	int		 list;		/* the paragraph opened with a list marker */
	unsigned	 listnext;	/* the number or letter of the next item */
	int		 listsuf;	/* its suffix: '.', ')' or 'P' for ".)" */
	unsigned char	 bullet[4];	/* the bullet before each item, if any */
	size_t		 bulletlen;
};

/* Start on the paragraph p[0, len). */
void	sent_begin(struct sent_iter *, const char *, size_t);
/* The next sentence as [*start, *end): 1, or 0 when there is none. */
int	sent_next(struct sent_iter *, size_t *, size_t *);

#endif
