/*
 * util.c - allocation wrappers and the common exit path.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void *
nu_reallocarray(void *p, size_t n, size_t size)
{
	void	*q;

	if ((q = reallocarray(p, n ? n : 1, size ? size : 1)) == NULL)
		err(2, NULL);
	return q;
}

void *
nu_calloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		err(2, NULL);
	return p;
}

char *
nu_strdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		err(2, NULL);
	return p;
}

/*
 * A reader that went away (EPIPE) is not an error worth a message: the
 * user ran "prog | head".  SIGPIPE is left at its default, so this path is
 * only reached when the signal is ignored by our parent.
 */
void
nu_write_error(void)
{
	if (errno == EPIPE)
		_exit(2);
	warn("write error");
	_exit(2);
}

void
nu_exit(int status)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		nu_write_error();
	if (fclose(stdout) == EOF)
		nu_write_error();
	exit(status);
}
