/*
 * util.h - small helpers every program shares: allocation that never
 * returns NULL, and the one way a program ends.
 */
#ifndef NU_UTIL_H
#define NU_UTIL_H

#include <stddef.h>

#define NU_VERSION	"0.1.0"

/* reallocarray(3) that exits with status 2 when memory runs out. */
void	*nu_reallocarray(void *, size_t, size_t);
void	*nu_calloc(size_t, size_t);
char	*nu_strdup(const char *);

/*
 * Flush and close standard output and exit.  A write error becomes
 * "prog: write error: ..." and status 2; a closed pipe ends quietly.
 */
void	 nu_exit(int) __attribute__((noreturn));

/* Write error on standard output: report once and exit as nu_exit does. */
void	 nu_write_error(void) __attribute__((noreturn));

#endif
