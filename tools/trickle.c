/*
 * trickle - copy a file (or standard input) to standard output one byte
 * per write(2), with a pause after each, so that a program reading the
 * pipe gets its input one byte a read.  The streaming tests use it: a
 * program's output must not depend on how its input is cut into reads.
 *
 *	trickle [-u usec] [file]
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	errx(2, "usage: trickle [-u usec] [file]");
}

int
main(int argc, char *argv[])
{
	struct timespec	 ts;
	const char	*e;
	char		 buf[4096];
	ssize_t		 n, i;
	long long	 usec;
	int		 c, fd;

	usec = 200;
	while ((c = getopt(argc, argv, "u:")) != -1) {
		switch (c) {
		case 'u':
			usec = strtonum(optarg, 0, 1000000, &e);
			if (e != NULL)
				errx(2, "-u %s: %s", optarg, e);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	fd = STDIN_FILENO;
	if (argc == 1 && (fd = open(argv[0], O_RDONLY)) == -1)
		err(2, "%s", argv[0]);
	ts.tv_sec = usec / 1000000;
	ts.tv_nsec = (usec % 1000000) * 1000;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			err(2, "read");
		}
		for (i = 0; i < n; i++) {
			while (write(STDOUT_FILENO, buf + i, 1) != 1)
				if (errno != EINTR)
					err(2, "write");
			if (usec > 0)
				nanosleep(&ts, NULL);
		}
	}
	return 0;
}
