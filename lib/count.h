/*
 * count.h - counting entity mentions by name, as `mentions` does: a hash
 * table of distinct (document, type, name) keys, the readers for the
 * records that feed it, the short-form rule and the writers.
 *
 * Memory grows with the number of distinct keys only; records are read
 * one line at a time and decoded in place.
 *
 * The short-form rule ("Putin" joins "Vladimir Putin" when that is the
 * only longer name of the type ending with those words) is applied by
 * count_write, over the whole table, and never while adding.  So partial
 * tables written with COUNT_PARTIAL and added up again later give exactly
 * the counts of one table over all records, however the records were cut.
 */
#ifndef NU_COUNT_H
#define NU_COUNT_H

#include <stddef.h>

/* Types are numbered as in count_type_name; untyped names are COUNT_NOTYPE. */
#define COUNT_NTYPES	6
#define COUNT_NOTYPE	COUNT_NTYPES

/* "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC", or "" for COUNT_NOTYPE. */
const char	*count_type_name(int);

/* One record, its strings pointing into the line it was read from. */
struct count_rec {
	const char		*doc;	/* document name, NULL when absent */
	size_t			 doclen;
	int			 type;	/* 0..COUNT_NTYPES-1 or COUNT_NOTYPE */
	const char		*name;
	size_t			 namelen;
	unsigned long long	 n;	/* 1 for a mention, COUNT for a count */
};

/*
 * Read one line (without its newline) of `entities` output in any of its
 * forms - TSV with or without the document column and the offsets, JSON
 * Lines - or a plain name.  The line is decoded in place.  Returns NULL,
 * or a message saying why the line is not a record.
 */
const char	*count_parse_mention(char *, size_t, struct count_rec *);
/*
 * Read one line of earlier `mentions` output: COUNT<TAB>TYPE<TAB>NAME,
 * with --by-file a DOC column first, or the same as JSON Lines.
 */
const char	*count_parse_count(char *, size_t, struct count_rec *);

struct count_table;

struct count_table *count_new(void);
void		 count_free(struct count_table *);
/*
 * Add n to a key.  doc is NULL when counts are not kept per document.
 * Returns 0, or -1 when the sum would overflow (nothing is added then).
 */
int		 count_add(struct count_table *, const char *doc, size_t doclen,
		    int type, const char *name, size_t namelen,
		    unsigned long long n);
/* The number of distinct keys. */
size_t		 count_size(const struct count_table *);

#define COUNT_JSON	0x01	/* JSON Lines instead of TSV */
#define COUNT_BYDOC	0x02	/* a document column first, records grouped by it */
#define COUNT_PARTIAL	0x04	/* keep short forms apart, for a later merge */

/* How a chart is drawn: cols wide, at most rows bars, UTF-8 blocks or '#'. */
struct count_chart {
	int	 cols;
	int	 utf8;
};

/*
 * Write the table most counted first, ties by name and then type, bytewise,
 * top records at most (of each document with COUNT_BYDOC; 0 means all).
 * Short forms join their long form unless COUNT_PARTIAL.  With a chart,
 * bars are drawn instead of records.
 */
void		 count_write(struct count_table *, int flags,
		    unsigned long long top, const struct count_chart *);

#endif
