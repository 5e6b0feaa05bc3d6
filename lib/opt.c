/*
 * opt.c - option parsing and help from one table (see opt.h).
 */
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "opt.h"
#include "util.h"

enum {
	OPT_HELP = OPT_LONG + 100,
	OPT_LINEBUF,
};

struct opt_common opt_common = { -1, 0, 0, 0, 0 };

static const struct opt common_opts[] = {
	{ 'H', NULL, no_argument, NULL,
	    "print the document name first on each record" },
	{ 'h', NULL, no_argument, NULL,
	    "never print the document name" },
	{ 'b', NULL, no_argument, NULL,
	    "print the byte offsets START and END of each span" },
	{ 'j', "json", no_argument, NULL,
	    "write JSON Lines instead of TSV" },
	{ 'z', NULL, no_argument, NULL,
	    "input documents are separated by NUL bytes" },
	{ OPT_LINEBUF, "line-buffered", no_argument, NULL,
	    "flush the output after every record" },
	{ OPT_HELP, "help", no_argument, NULL,
	    "print this help and exit" },
	{ 'V', "version", no_argument, NULL,
	    "print the version and exit" },
	{ 0, NULL, 0, NULL, NULL }
};

static const struct opt_prog *prog;

/* getopt_long's tables, freed on every way out so LeakSanitizer is quiet. */
static struct option	*longs;
static char		*shorts;

static void
release(void)
{
	free(longs);
	free(shorts);
	longs = NULL;
	shorts = NULL;
}

void
opt_usage(void)
{
	release();
	fprintf(stderr, "usage: %s %s\n", prog->name, prog->synopsis);
	exit(2);
}

static void
help_opts(const struct opt *o)
{
	char	 left[64];

	for (; o->id != 0; o++) {
		if (o->id < OPT_LONG && o->lname != NULL)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->id,
			    o->lname, o->argname ? " " : "",
			    o->argname ? o->argname : "");
		else if (o->id < OPT_LONG)
			snprintf(left, sizeof(left), "-%c%s%s", o->id,
			    o->argname ? " " : "", o->argname ? o->argname : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->lname,
			    o->argname ? "=" : "", o->argname ? o->argname : "");
		printf("  %-24s %s\n", left, o->help);
	}
}

static void
help(void)
{
	printf("usage: %s %s\n\n%s\n\n", prog->name, prog->synopsis,
	    prog->summary);
	printf("Options:\n");
	help_opts(prog->opts);
	help_opts(common_opts);
	printf("\nWith no file, or when file is -, read standard input.\n"
	    "Exit status: 0 on success, 2 on any error.\n"
	    "See %s(1) and newsutils(7).\n", prog->name);
	nu_exit(0);
}

static size_t
count(const struct opt *o)
{
	size_t	 n;

	for (n = 0; o[n].id != 0; n++)
		continue;
	return n;
}

/* Add one table's entries to getopt_long's short string and long array. */
static void
add_opts(const struct opt *o, char *sp, struct option *lp)
{
	for (; o->id != 0; o++) {
		if (o->id < OPT_LONG) {
			*sp++ = (char)o->id;
			if (o->arg == required_argument)
				*sp++ = ':';
			*sp = '\0';
		}
		if (o->lname != NULL) {
			while (lp->name != NULL)
				lp++;
			lp->name = o->lname;
			lp->has_arg = o->arg;
			lp->flag = NULL;
			lp->val = o->id;
		}
	}
}

int
opt_parse(const struct opt_prog *p, int argc, char *argv[], void *ctx)
{
	size_t		 n;
	int		 c;

	prog = p;
	n = count(p->opts) + count(common_opts);
	longs = nu_calloc(n + 1, sizeof(*longs));
	shorts = nu_calloc(2 * n + 3, 1);
	shorts[0] = ':';	/* tell a missing argument from a bad option */
	add_opts(p->opts, shorts + 1, longs);
	add_opts(common_opts, shorts + strlen(shorts), longs);

	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		switch (c) {
		case 'H':
			opt_common.header = 1;
			break;
		case 'h':
			opt_common.header = 0;
			break;
		case 'b':
			opt_common.offsets = 1;
			break;
		case 'j':
			opt_common.json = 1;
			break;
		case 'z':
			opt_common.nul = 1;
			break;
		case OPT_LINEBUF:
			opt_common.linebuf = 1;
			break;
		case OPT_HELP:
			release();
			help();
			break;
		case 'V':
			release();
			printf("%s (newsutils) %s\n", p->name, NU_VERSION);
			nu_exit(0);
			break;
		case '?':
			/* A known long option given "=value" it takes not. */
			if (optopt != 0 && strncmp(argv[optind - 1], "--", 2) == 0)
				warnx("option %s takes no argument",
				    argv[optind - 1]);
			else if (optopt > 0 && optopt < OPT_LONG)
				warnx("unknown option -%c", optopt);
			else
				warnx("unknown option %s", argv[optind - 1]);
			opt_usage();
			break;
		case ':':
			warnx("option %s needs an argument", argv[optind - 1]);
			opt_usage();
			break;
		default:
			if (p->set == NULL || !p->set(ctx, c, optarg))
				opt_usage();
			break;
		}
	}
	release();
	return optind;
}

int
opt_want_header(int noperands)
{
	if (opt_common.header >= 0)
		return opt_common.header;
	return noperands > 1;
}

int
opt_threads(const char *arg)
{
	const char	*errstr;
	int		 n;

	n = (int)strtonum(arg, 1, INT_MAX, &errstr);
	if (errstr != NULL) {
		warnx("--threads: %s is %s", arg, errstr);
		return 0;
	}
	return n;
}

/*
 * Type names are taken in any case, as a user types them; an empty item
 * is a mistake to point out ("PERSON,,ORG" lost a name), as cut -f 1,,2
 * does, not one to pass over.
 */
unsigned
opt_types(const char *arg)
{
	const char	*p, *comma;
	char		 names[64];
	size_t		 len;
	enum ent_type	 t;
	unsigned	 types;
	int		 i;

	types = 0;
	for (p = arg; ; p = comma + 1) {
		comma = strchr(p, ',');
		len = comma == NULL ? strlen(p) : (size_t)(comma - p);
		if (len == 0) {
			warnx("-t: an empty type name in \"%s\"", arg);
			return 0;
		}
		if (!ent_type_parse(p, len, &t)) {
			names[0] = '\0';
			for (i = 0; i < ENT_NTYPES; i++) {
				strlcat(names, i > 0 ? ", " : "", sizeof(names));
				strlcat(names, ent_type_name(i), sizeof(names));
			}
			warnx("-t: unknown type \"%.*s\" (one of %s)", (int)len, p,
			    names);
			return 0;
		}
		types |= 1u << t;
		if (comma == NULL)
			return types;
	}
}
