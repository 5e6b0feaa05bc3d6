/*
 * out.h - the record writers: TSV (the default) and JSON Lines.
 *
 * A record is a list of fields.  In TSV they are joined by TAB after the
 * optional document name (-H) and byte offsets (-b); TAB, newline, CR and
 * backslash in a field are escaped as \t, \n, \r and \\.  In JSON every
 * field is present, with the document name and the offsets, under the
 * keys "doc", "start" and "end"; invalid UTF-8 becomes U+FFFD there,
 * while TSV passes every byte through.
 */
#ifndef NU_OUT_H
#define NU_OUT_H

#include <stddef.h>

#include "doc.h"

enum out_kind {
	OUT_STR,	/* a string, escaped */
	OUT_TEXT,	/* text: each line break becomes one space, then escaped */
	OUT_INT,	/* a whole number */
};

struct out_field {
	const char	*key;		/* the JSON key */
	enum out_kind	 kind;
	const char	*s;		/* OUT_STR, OUT_TEXT */
	size_t		 len;
	long long	 n;		/* OUT_INT */
};

/* Set up standard output; header says whether to print document names. */
void	out_init(int header);
/* The document that the next records belong to. */
void	out_doc(const struct doc *);
/* One record spanning bytes [start, end) of the document. */
void	out_record(unsigned long long start, unsigned long long end,
	    const struct out_field *, size_t);
/* A blank line in TSV (a paragraph break); nothing in JSON. */
void	out_blank(void);
/*
 * One escaped field or JSON string, for programs that lay out records of
 * their own (mentions writes counts, not spans of a document).
 */
void	out_tsv_str(const char *, size_t);
void	out_json_str(const char *, size_t);

#endif
