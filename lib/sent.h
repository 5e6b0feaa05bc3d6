/*
 * sent.h - sentence boundaries within one paragraph.
 *
 * The splitter never changes a byte: it only says where each sentence
 * starts and ends, as offsets into the paragraph text, with the white
 * space between sentences left out.
 */
#ifndef NU_SENT_H
#define NU_SENT_H

#include <stddef.h>

struct sent_iter {
	const char	*p;
	size_t		 len;
	size_t		 pos;
};

void	sent_begin(struct sent_iter *, const char *, size_t);
/* The next sentence as [*start, *end): 1, or 0 when there is none. */
int	sent_next(struct sent_iter *, size_t *, size_t *);

#endif
