/*
 * run.h - the operand loop every text-reading program shares: each
 * operand (none means standard input) is read document by document and
 * paragraph by paragraph, and handed to the program's analysis.
 */
#ifndef NU_RUN_H
#define NU_RUN_H

#include "doc.h"

struct run_ops {
	void	(*doc_begin)(const struct doc *);	/* may be NULL */
	void	(*para)(const struct para *);
	void	(*doc_end)(const struct doc *);		/* may be NULL */
};

/*
 * Run over argv[0..argc); returns the exit status: 0, or 2 when an
 * operand could not be opened or read in full (the others still are).
 */
int	run_operands(int, char *[], const struct run_ops *);

#endif
