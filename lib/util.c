/*
 * util.c - allocation wrappers, the line reader and the common exit path.
 */
/*
 * First: through libbsd's <err.h>, <sys/cdefs.h> would come before
 * <features.h> and keep stdio's inline getc_unlocked out.
 */
#include <sys/types.h>

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

ssize_t
nu_getline(char **line, size_t *sz, FILE *fp, size_t max, int *cut)
{
	char	*b;
	size_t	 n, cap;
	int	 c, any;

	/* Locals, which a store into the line cannot be taken to change. */
	b = *line;
	cap = *sz;
	n = 0;
	any = 0;
	*cut = 0;
	while ((c = getc_unlocked(fp)) != EOF) {
		any = 1;
		/* One test for the common byte; LF and CR are below it. */
		if (c <= '\r' && (c == '\n' || c == '\r')) {
			if (c == '\r' && (c = getc_unlocked(fp)) != '\n' &&
			    c != EOF)
				ungetc(c, fp);
			break;
		}
		if (n + 1 >= cap) {
			if (n >= max) {
				*cut = 1;
				continue;
			}
			/* A line cut at max never holds more. */
			cap = cap < 128 ? 128 : cap > max / 2 ? max + 1 : cap * 2;
			b = nu_reallocarray(b, cap, 1);
		}
		b[n++] = (char)c;
	}
	if (cap == 0) {
		cap = 128;
		b = nu_reallocarray(b, cap, 1);
	}
	*line = b;
	*sz = cap;
	if (!any)
		return -1;
	b[n] = '\0';
	return (ssize_t)n;
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
