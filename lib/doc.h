/*
 * doc.h - documents and paragraphs from files, standard input and
 * NUL-separated input.
 *
 * A reader streams one operand.  It hands out one document at a time and,
 * within it, one paragraph at a time; memory is bounded by DOC_PARA_MAX,
 * never by the input.  The text of a paragraph points into the reader's
 * buffer and stays valid until the next call on the reader.
 *
 * What a paragraph is: when the first DOC_LOOKAHEAD bytes of a document
 * hold a blank line, paragraphs are separated by blank lines and a single
 * line break inside one is only a wrapped line.  Otherwise the document is
 * taken to have one paragraph a line (as scraped news often does), and a
 * line break ends a paragraph unless the next line goes on in lower case.
 * Bytes are not changed, one aside: a lone CR, the line end of old Mac
 * files, is handed out as LF, so that it ends a line as LF and CRLF do.
 * A BOM is skipped, CR of CRLF stays in the text (the analysers read it
 * as white space) and offsets count bytes of the document as given.
 */
#ifndef NU_DOC_H
#define NU_DOC_H

#include <stddef.h>

#define DOC_PARA_MAX	(256 * 1024)	/* a longer paragraph is cut */
#define DOC_LOOKAHEAD	(64 * 1024)	/* what the paragraph style is read from */

struct doc {
	const char	*name;	/* the operand ("-" for standard input), "NAME:N" with -z */
	size_t		 n;	/* document number within the operand, from 1 */
};

struct para {
	const char	*p;	/* text, not NUL-terminated; outer white space trimmed */
	size_t		 len;
	unsigned long long off;	/* offset of p[0] in the document, in bytes */
	size_t		 n;	/* paragraph number within the document, from 1 */
	int		 cont;	/* the rest of a paragraph cut at DOC_PARA_MAX */
};

struct doc_reader;

/* Open an operand ("-" is standard input); NULL after a warning on failure. */
struct doc_reader *doc_open(const char *, int nul);
/* Start the next document: 1, or 0 when there is none left. */
int	doc_next(struct doc_reader *, struct doc *);
/* The next paragraph of the document: 1, or 0 at its end. */
int	doc_para(struct doc_reader *, struct para *);
/* Close; returns 0, or 2 if the operand could not be read in full. */
int	doc_close(struct doc_reader *);

/*
 * Whether the bytes an operand starts with, n of them, are UTF-16 or
 * UTF-32 (by a BOM, or by the NUL bytes of ASCII text in them); if so,
 * warn "path: UTF-32LE input is not read; convert it first with iconv
 * -f UTF-32LE -t UTF-8" (the encoding named as iconv knows it) and
 * return 1.  DOC_SNIFF_MIN bytes or more are needed to tell without a BOM.
 */
#define DOC_SNIFF_MIN	8
int	doc_refuse_wide(const char *path, const void *, size_t n);

/* Whether c is white space to the analysers (includes CR, FF, VT). */
static inline int
doc_isspace(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
	    c == '\f' || c == '\v';
}

#endif
