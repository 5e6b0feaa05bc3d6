/*
 * opt.h - the one option table.  Every program lists its own options in
 * the same form as the common ones; one table then drives getopt_long,
 * the usage line and --help, so they cannot drift apart.
 */
#ifndef NU_OPT_H
#define NU_OPT_H

#include <getopt.h>

/* Ids of long-only options start here, above every short option letter. */
#define OPT_LONG	256

struct opt {
	int		 id;		/* short option letter, or OPT_LONG + n */
	const char	*lname;		/* long name, or NULL */
	int		 arg;		/* no_argument or required_argument */
	const char	*argname;	/* shown in --help, e.g. "TYPES" */
	const char	*help;		/* one line for --help */
};

/* What a program says about itself for --help, usage and --version. */
struct opt_prog {
	const char	*name;
	const char	*synopsis;	/* after the name: "[-bHhjpz] [file ...]" */
	const char	*summary;	/* one sentence for --help */
	const struct opt *opts;		/* the program's own, ended by id 0 */
	/*
	 * Called for each of the program's own options with the ctx given
	 * to opt_parse(); returns 0 if bad.
	 */
	int		(*set)(void *ctx, int id, const char *arg);
};

/*
 * --threads N, for the programs that read ahead in a second thread
 * (entities, quotes): OPT_THREADS_OPT goes in their table, and their set
 * function hands the argument to opt_threads(), which returns N, or 0
 * after a warning when it is no number of at least 1.
 */
#define OPT_THREADS	(OPT_LONG + 50)
#define OPT_THREADS_OPT	{ OPT_THREADS, "threads", required_argument, "N", \
	    "1: work in one thread; 2 or more: read ahead in a second" }
int	opt_threads(const char *);

/*
 * -t TYPES, for the programs that select entity types (entities,
 * mentions): a comma-separated list of type names, each in any case.
 * Returns a bit (1u << enum ent_type) for each type, or 0 after a
 * warning when a name is unknown or empty ("-t PERSON,,").
 */
unsigned	opt_types(const char *);

/* The common flags of DESIGN.md, set by opt_parse. */
struct opt_common {
	int		 header;	/* -H 1, -h 0, -1 when neither given */
	int		 offsets;	/* -b */
	int		 json;		/* -j, --json */
	int		 nul;		/* -z */
	int		 linebuf;	/* --line-buffered */
};

extern struct opt_common opt_common;

/*
 * Parse argv.  Exits 0 after --help and --version, 2 after a usage error.
 * Returns the index of the first operand.
 */
int	opt_parse(const struct opt_prog *, int, char *[], void *ctx);

/* Print the usage line to standard error and exit 2. */
void	opt_usage(void) __attribute__((noreturn));

/* Whether to print document names, given the number of operands. */
int	opt_want_header(int noperands);

#endif
