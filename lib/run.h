/*
 * run.h - the operand loop every text-reading program shares: each
 * operand (none means standard input) is read document by document and
 * paragraph by paragraph, and handed to the program's analysis.
 */
#ifndef NU_RUN_H
#define NU_RUN_H

#include "doc.h"

/* Each callback gets first the ctx given to run_operands(). */
struct run_ops {
	void	(*doc_begin)(void *, const struct doc *);	/* may be NULL */
	void	(*para)(void *, const struct para *);
	void	(*doc_end)(void *, const struct doc *);		/* may be NULL */
};

/*
 * Run over argv[0..argc); returns the exit status: 0, or 2 when an
 * operand could not be opened or read in full (the others still are).
 */
int	run_operands(int, char *[], const struct run_ops *, void *ctx);

/*
 * A program whose analysis splits in two: prep_para() needs nothing of
 * the document before it, so it runs in a reader thread ahead of the
 * rest, into a prep that takes many paragraphs; para() then gets the
 * k-th paragraph (from 0) of that prep, in the calling thread, in input
 * order.  The output is what run_operands() gives with the two together.
 * The prep functions get their prep; the others first the ctx given to
 * run_operands_split(), in the calling thread only.
 */
struct run_split {
	void	*(*prep_new)(void);
	void	 (*prep_free)(void *);
	void	 (*prep_clear)(void *);
	void	 (*prep_para)(void *, const struct para *);
	/*
	 * May be NULL: how much, per mille, of the work that may be done
	 * on either side prep_para() does; run.c sets it so that neither
	 * thread waits for the other long.
	 */
	void	 (*prep_share)(void *, unsigned);
	void	 (*doc_begin)(void *, const struct doc *);	/* may be NULL */
	void	 (*para)(void *, const struct para *, void *prep, size_t k);
	void	 (*doc_end)(void *, const struct doc *);	/* may be NULL */
};

/*
 * threads: 1 runs it all in the calling thread, as run_operands() would
 * (each paragraph prepared, then analysed); 2 or more start the reader
 * thread; 0 means 2 where more than one processor is online, else 1.
 */
int	run_operands_split(int, char *[], const struct run_split *, void *ctx,
	    int threads);

#endif
