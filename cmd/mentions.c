/*
 * mentions - count entity mentions by entity, most mentioned first.
 */
#include <sys/ioctl.h>

#include <err.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count.h"
#include "doc.h"
#include "opt.h"
#include "out.h"
#include "util.h"

/* After this many bad records of one file, only their number is told. */
#define MAXWARN		10
/*
 * A longer line is no record: it is read to its end but not kept, so
 * that a huge input without a newline cannot take all memory.
 */
#define MAXLINE		(16 * 1024 * 1024)

enum {
	OPT_TOP = OPT_LONG + 1,
	OPT_BYFILE,
	OPT_MERGE,
	OPT_PARTIAL,
	OPT_CHART,
};

enum { CHART_NEVER, CHART_AUTO, CHART_ALWAYS };

struct mentions {
	unsigned int	 types;		/* -t: a bit for each type, 0 all */
	unsigned long long top;		/* --top, 0 for all */
	int		 byfile;	/* --by-file, -H */
	int		 merge;		/* --merge */
	int		 partial;	/* --partial */
	int		 chartwhen;	/* --chart: CHART_* */
};

static const struct opt opts[] = {
	{ 't', "types", required_argument, "TYPES",
	    "count only these types (PERSON,ORG,GPE,LOC,NORP,MISC)" },
	{ OPT_BYFILE, "by-file", no_argument, NULL,
	    "count each document apart (as -H): FILE COUNT TYPE NAME" },
	{ OPT_CHART, "chart", optional_argument, NULL,
	    "draw bars on a terminal (--chart=always, --chart=never)" },
	{ OPT_MERGE, "merge", no_argument, NULL,
	    "add up earlier mentions outputs" },
	{ OPT_PARTIAL, "partial", no_argument, NULL,
	    "keep short forms apart, for a later --merge" },
	{ OPT_TOP, "top", required_argument, "N",
	    "print only the N most mentioned (of each file)" },
	{ 0, NULL, 0, NULL, NULL }
};

static int
set(void *ctx, int id, const char *arg)
{
	struct mentions	*c = ctx;
	const char	*e;

	switch (id) {
	case 't':
		return (c->types = opt_types(arg)) != 0;
	case OPT_TOP:
		c->top = (unsigned long long)strtonum(arg, 1, LLONG_MAX, &e);
		if (e != NULL) {
			warnx("--top: %s is %s", arg, e);
			return 0;
		}
		return 1;
	case OPT_BYFILE:
		c->byfile = 1;
		return 1;
	case OPT_MERGE:
		c->merge = 1;
		return 1;
	case OPT_PARTIAL:
		c->partial = 1;
		return 1;
	case OPT_CHART:
		if (arg == NULL || strcmp(arg, "auto") == 0)
			c->chartwhen = CHART_AUTO;
		else if (strcmp(arg, "always") == 0)
			c->chartwhen = CHART_ALWAYS;
		else if (strcmp(arg, "never") == 0)
			c->chartwhen = CHART_NEVER;
		else {
			warnx("--chart: %s: not auto, always or never", arg);
			return 0;
		}
		return 1;
	}
	return 0;
}

static const struct opt_prog prog = {
	"mentions",
	"[-HhjV] [-t types] [--by-file] [--chart[=when]] [--merge] "
	    "[--partial] [--top n] [file ...]",
	"Count entity mentions by entity, most mentioned first.",
	opts, set
};

/*
 * Read one operand's records into the table.  A bad record is told with
 * its line number and skipped; returns 2 if there was one, or a read
 * error, else 0.
 */
static int
readfile(const struct mentions *m, struct count_table *t, const char *path)
{
	struct count_rec	 r;
	FILE			*fp;
	char			*line, *p;
	const char		*why, *doc;
	size_t			 sz, lineno, bad;
	ssize_t			 len;
	int			 status, cut;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return 2;
	}
	line = NULL;
	sz = 0;
	lineno = bad = 0;
	status = 0;
	while ((len = nu_getline(&line, &sz, fp, MAXLINE, &cut)) != -1) {
		lineno++;
		p = line;
		if (lineno == 1 && len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;
			len -= 3;
		}
		if (lineno == 1 && doc_refuse_wide(path, p, len)) {
			status = 2;
			break;
		}
		why = cut ? "a line of over 16 MB is no record" :
		    m->merge ? count_parse_count(p, len, &r) :
		    count_parse_mention(p, len, &r);
		if (why == NULL && r.name == NULL)
			continue;
		if (why == NULL && m->types != 0 &&
		    (r.type == COUNT_NOTYPE || !(m->types & (1u << r.type))))
			continue;
		if (why == NULL) {
			doc = NULL;
			if (m->byfile) {
				doc = r.doc != NULL ? r.doc : path;
				r.doclen = r.doc != NULL ? r.doclen :
				    strlen(path);
			}
			if (count_add(t, doc, r.doclen, r.type, r.name,
			    r.namelen, r.n) == 0)
				continue;
			why = "the count overflows";
		}
		status = 2;
		if (bad++ < MAXWARN)
			warnx("%s:%zu: %s", path, lineno, why);
	}
	if (bad > MAXWARN)
		warnx("%s: %zu more bad records", path, bad - MAXWARN);
	if (ferror(fp)) {
		warn("%s", path);
		status = 2;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	else
		clearerr(fp);
	return status;
}

/* Fill in the chart's width, and its height unless --top gave one. */
static void
chart_size(struct mentions *m, struct count_chart *c)
{
	struct winsize	 ws;
	const char	*s, *e;
	const char	*cs;
	int		 rows;

	c->cols = 80;
	rows = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		c->cols = ws.ws_col;
		rows = ws.ws_row;
	} else if ((s = getenv("COLUMNS")) != NULL) {
		c->cols = (int)strtonum(s, 1, 10000, &e);
		if (e != NULL)
			c->cols = 80;
	}
	if (m->top == 0)
		m->top = rows > 6 ? (unsigned long long)rows - 2 : 20;
	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	c->utf8 = strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0;
	setlocale(LC_CTYPE, "C");
}

int
main(int argc, char *argv[])
{
	struct mentions		 m = { 0, 0, 0, 0, 0, CHART_NEVER };
	struct count_table	*t;
	struct count_chart	 c, *cp;
	int			 i, status, flags;

	i = opt_parse(&prog, argc, argv, &m);
	argc -= i;
	argv += i;
	if (opt_common.header == 1)
		m.byfile = 1;
	if (m.partial && m.top != 0)
		errx(2, "--top cuts counts, and --partial must keep them all");
	if (m.partial && m.chartwhen == CHART_ALWAYS)
		errx(2, "--partial writes counts for --merge, not a chart");
	if (opt_common.json && m.chartwhen == CHART_ALWAYS)
		errx(2, "-j and --chart=always exclude each other");
	cp = NULL;
	if (m.chartwhen == CHART_ALWAYS || (m.chartwhen == CHART_AUTO &&
	    !m.partial && !opt_common.json && isatty(STDOUT_FILENO))) {
		chart_size(&m, &c);
		cp = &c;
	}
	out_init(0);

	t = count_new();
	status = 0;
	if (argc == 0)
		status = readfile(&m, t, "-");
	for (i = 0; i < argc; i++)
		if (readfile(&m, t, argv[i]) != 0)
			status = 2;
	flags = (opt_common.json ? COUNT_JSON : 0) |
	    (m.byfile ? COUNT_BYDOC : 0) | (m.partial ? COUNT_PARTIAL : 0);
	count_write(t, flags, m.top, cp);
	count_free(t);
	nu_exit(status);
}
