/*
 * util.h - small helpers every program shares: allocation that never
 * returns NULL, reading lines of records and dictionaries, and the one
 * way a program ends.
 */
#ifndef NU_UTIL_H
#define NU_UTIL_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NU_VERSION	"0.1.0"

/* FNV-1a, 32 bits, of s[0..n): the hash of the name and word tables. */
static inline uint32_t
nu_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* reallocarray(3) that exits with status 2 when memory runs out. */
void	*nu_reallocarray(void *, size_t, size_t);
void	*nu_calloc(size_t, size_t);
char	*nu_strdup(const char *);

/*
 * Read a line into *line (grown as needed, *sz bytes) and NUL-terminate
 * it, without its end: LF, CRLF, or a lone CR as old Mac files end their
 * lines.  The bytes of a line past max are read and dropped, and *cut
 * set.  Returns the length, or -1 when the input is at its end.
 */
ssize_t	 nu_getline(char **line, size_t *sz, FILE *, size_t max, int *cut);

/*
 * Flush and close standard output and exit.  A write error becomes
 * "prog: write error: ..." and status 2; a closed pipe ends quietly.
 */
void	 nu_exit(int) __attribute__((noreturn));

/* Write error on standard output: report once and exit as nu_exit does. */
void	 nu_write_error(void) __attribute__((noreturn));

#endif
