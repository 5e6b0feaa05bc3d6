/*
 * count.t - TAP tests for lib/count: the record readers, the table and
 * the short-form rule, which must not depend on the order of records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count.h"
#include "tap.h"

static int
streq(const char *s, size_t len, const char *want)
{
	return s != NULL && strlen(want) == len && memcmp(s, want, len) == 0;
}

/* Parse a copy of a line as a mention; the copy outlives the record. */
static const char *
mention(const char *line, struct count_rec *r, char **buf)
{
	free(*buf);
	*buf = strdup(line);
	return count_parse_mention(*buf, strlen(*buf), r);
}

static void
test_mentions(void)
{
	struct count_rec	 r;
	char			*b = NULL;

	ok(mention("PERSON\tVladimir Putin\tPutin", &r, &b) == NULL &&
	    r.type == 0 && streq(r.name, r.namelen, "Vladimir Putin") &&
	    r.doc == NULL && r.n == 1, "TYPE NAME TEXT");
	ok(mention("a.txt\tORG\tEU\tthe EU", &r, &b) == NULL &&
	    r.type == 1 && streq(r.doc, r.doclen, "a.txt"),
	    "DOC TYPE NAME TEXT");
	ok(mention("3\t9\tGPE\tRussia\tRussia", &r, &b) == NULL &&
	    r.type == 2 && r.doc == NULL, "START END TYPE NAME TEXT");
	ok(mention("x:2\t3\t9\tLOC\tAlps\tthe Alps\r", &r, &b) == NULL &&
	    r.type == 3 && streq(r.doc, r.doclen, "x:2") &&
	    streq(r.name, r.namelen, "Alps"), "DOC START END ..., CRLF");
	ok(mention("NORP\tRussian", &r, &b) == NULL && r.type == 4,
	    "TYPE NAME");
	ok(mention("Ana Ruiz", &r, &b) == NULL && r.type == COUNT_NOTYPE &&
	    streq(r.name, r.namelen, "Ana Ruiz"), "a plain name");
	ok(mention("", &r, &b) == NULL && r.name == NULL,
	    "an empty line is no record");
	ok(mention("MISC\tA\\tB\\\\C\\nD\\x\tt", &r, &b) == NULL &&
	    streq(r.name, r.namelen, "A\tB\\C\nD\\x"), "TSV escapes");
	ok(mention("PEOPLE\tAna\tt", &r, &b) != NULL, "an unknown type");
	ok(mention("person\tAna\tt", &r, &b) != NULL,
	    "types are upper case");
	ok(mention("x\t3\tPERSON\tAna\tt", &r, &b) != NULL,
	    "offsets that are no numbers");
	ok(mention("PERSON\t\tt", &r, &b) != NULL, "an empty NAME");
	ok(mention("1\t2\t3\t4\tPERSON\tAna\tt", &r, &b) != NULL,
	    "TYPE too far right");
	ok(mention("d\t1\t2\tORG\tEU\tthe EU\t4\t", &r, &b) == NULL &&
	    r.type == 1 && streq(r.doc, r.doclen, "d") &&
	    streq(r.name, r.namelen, "EU"), "columns after TEXT");
	ok(mention("a.txt\tPERSON\tAna", &r, &b) != NULL,
	    "DOC TYPE NAME without TEXT");
	ok(mention("PERSON\tORG\tEU\tt", &r, &b) == NULL && r.type == 0 &&
	    streq(r.name, r.namelen, "ORG"), "the first TYPE column wins");
	ok(mention("{\"doc\":\"d\",\"start\":1,\"end\":2,\"type\":\"PERSON\","
	    "\"name\":\"Jos\\u00e9\",\"text\":\"x\"}", &r, &b) == NULL &&
	    r.type == 0 && streq(r.name, r.namelen, "Jos\xc3\xa9") &&
	    streq(r.doc, r.doclen, "d"), "JSON");
	ok(mention("{\"type\":\"ORG\",\"name\":\"\\ud83d\\ude00\\ud800\"}",
	    &r, &b) == NULL &&
	    streq(r.name, r.namelen, "\xf0\x9f\x98\x80\xef\xbf\xbd"),
	    "JSON surrogate pairs, and a lone one");
	ok(mention("{\"type\":\"ORG\",\"name\":\"x\"", &r, &b) != NULL,
	    "JSON cut short");
	ok(mention("{\"type\":\"ORG\",\"name\":\"x\"} y", &r, &b) != NULL,
	    "JSON with trailing bytes");
	free(b);
}

static const char *
counts(const char *line, struct count_rec *r, char **buf)
{
	free(*buf);
	*buf = strdup(line);
	return count_parse_count(*buf, strlen(*buf), r);
}

static void
test_counts(void)
{
	struct count_rec	 r;
	char			*b = NULL;

	ok(counts("12\tPERSON\tAna Ruiz", &r, &b) == NULL && r.n == 12 &&
	    r.type == 0 && r.doc == NULL, "COUNT TYPE NAME");
	ok(counts("a.txt\t7\t\tAna", &r, &b) == NULL && r.n == 7 &&
	    r.type == COUNT_NOTYPE && streq(r.doc, r.doclen, "a.txt"),
	    "DOC COUNT TYPE NAME, no type");
	ok(counts("18446744073709551615\tORG\tX", &r, &b) == NULL &&
	    r.n == 18446744073709551615ULL, "the largest count");
	ok(counts("18446744073709551616\tORG\tX", &r, &b) != NULL,
	    "a count too large");
	ok(counts("{\"count\":3,\"type\":\"GPE\",\"name\":\"Chad\"}", &r,
	    &b) == NULL && r.n == 3 && r.type == 2, "JSON counts");
	ok(counts("{\"count\":3.5,\"type\":\"GPE\",\"name\":\"Chad\"}", &r,
	    &b) != NULL, "a count that is no whole number");
	ok(counts("PERSON\tAna\tt", &r, &b) != NULL, "a mention is no count");
	free(b);
}

/* Run count_write into a string. */
static char *
written(struct count_table *t, int flags)
{
	char	 path[] = "/tmp/count.t.XXXXXX";
	char	*s;
	FILE	*fp;
	long	 n;
	int	 fd, saved;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = mkstemp(path);
	dup2(fd, STDOUT_FILENO);
	count_write(t, flags, 0, NULL);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fp = fdopen(fd, "r");
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = calloc(1, n + 1);
	if (fread(s, 1, n, fp) != (size_t)n)
		s[0] = '\0';
	fclose(fp);
	unlink(path);
	return s;
}

static const char *names[] = {
	"Halvard", "Ivo Halvard", "Anton Ivo Halvard", "Putin",
	"Vladimir Putin", "Smith", "Ann Smith", "Bob Smith", "Putin",
	"Halvard", "Ann Smith",
};
#define NNAMES	(sizeof(names) / sizeof(names[0]))

static void
test_join(void)
{
	struct count_table	*t;
	char			*first, *s;
	size_t			 i, k;
	int			 same;

	t = count_new();
	for (i = 0; i < NNAMES; i++)
		count_add(t, NULL, 0, 0, names[i], strlen(names[i]), 1);
	ok(count_size(t) == 8, "distinct names");
	first = written(t, 0);
	ok(strcmp(first, "4\tPERSON\tAnton Ivo Halvard\n"
	    "3\tPERSON\tVladimir Putin\n2\tPERSON\tAnn Smith\n"
	    "1\tPERSON\tBob Smith\n1\tPERSON\tSmith\n") == 0,
	    "short forms join one long form, and chain");
	count_free(t);

	/* Every rotation of the input gives the same output. */
	same = 1;
	for (k = 1; k < NNAMES; k++) {
		t = count_new();
		for (i = 0; i < NNAMES; i++)
			count_add(t, NULL, 0, 0, names[(i + k) % NNAMES],
			    strlen(names[(i + k) % NNAMES]), 1);
		s = written(t, 0);
		same = same && strcmp(s, first) == 0;
		free(s);
		count_free(t);
	}
	ok(same, "the order of records does not matter");
	free(first);

	t = count_new();
	count_add(t, NULL, 0, 0, "Putin", 5, 2);
	count_add(t, NULL, 0, 2, "Vladimir Putin", 14, 1);
	count_add(t, "b", 1, 0, "Putin", 5, 1);
	count_add(t, "a", 1, 0, "Vladimir Putin", 14, 1);
	s = written(t, COUNT_PARTIAL);
	ok(strcmp(s, "2\tPERSON\tPutin\n1\tGPE\tVladimir Putin\n"
	    "1\tPERSON\tVladimir Putin\n1\tPERSON\tPutin\n") == 0,
	    "types and documents keep names apart; --partial joins nothing");
	free(s);
	ok(count_add(t, NULL, 0, 0, "Putin", 5, 18446744073709551615ULL) == -1,
	    "an overflowing sum is refused");
	count_free(t);
}

int
main(void)
{
	test_mentions();
	test_counts();
	test_join();
	return tap_done();
}
