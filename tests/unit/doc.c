/*
 * doc.c - TAP tests of the document and paragraph reader (lib/doc.h):
 * paragraphs and their offsets in both styles, the BOM, CRLF, -z
 * documents, over-long paragraphs cut at a safe place, and the same
 * result whether the input comes from a file at once or from a pipe a
 * few bytes at a time.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "util.h"
#include "tap.h"

static char	 tmpl[] = "/tmp/nu-doc-test.XXXXXX";
static char	*path;

/* A growing string, for the reader's results. */
struct buf {
	char	*s;
	size_t	 len, cap;
};

static void
add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = nu_reallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
addf(struct buf *b, const char *fmt, unsigned long long a,
    unsigned long long c)
{
	char	 tmp[64];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), fmt, a, c);
	add(b, tmp, (size_t)n);
}

/* Write the input to the test file. */
static void
put_file(const char *s, size_t n)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	if (n > 0 && fwrite(s, 1, n, f) != n)
		err(1, "%s", path);
	if (fclose(f) != 0)
		err(1, "%s", path);
}

/*
 * Read an operand and describe what the reader hands out: "[name]" for
 * each document, the operand left out of its name (so "[:2]" under -z),
 * then "n@off:text|" for each paragraph ("+" before n for the rest of a
 * cut paragraph).  *status is what doc_close returns, -1 if not opened.
 */
static char *
describe(const char *operand, int nul, int *status)
{
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;
	struct buf		 b = { NULL, 0, 0 };
	size_t			 ol;

	add(&b, "", 0);
	if ((r = doc_open(operand, nul)) == NULL) {
		*status = -1;
		return b.s;
	}
	ol = strlen(operand);
	while (doc_next(r, &d)) {
		add(&b, "[", 1);
		add(&b, d.name + ol, strlen(d.name + ol));
		add(&b, "]", 1);
		while (doc_para(r, &p)) {
			if (p.cont)
				add(&b, "+", 1);
			addf(&b, "%llu@%llu:", p.n, p.off);
			add(&b, p.p, p.len);
			add(&b, "|", 1);
		}
	}
	*status = doc_close(r);
	return b.s;
}

static void
is(const char *in, size_t n, int nul, const char *want, const char *what)
{
	char	*got;
	int	 status;

	put_file(in, n);
	got = describe(path, nul, &status);
	ok(strcmp(got, want) == 0 && status == 0, what);
	if (strcmp(got, want) != 0)
		printf("# want %s\n#  got %s\n", want, got);
	free(got);
}

#define IS(in, nul, want, what)	is(in, sizeof(in) - 1, nul, want, what)

/*
 * The same input read from a pipe that a child fills a few bytes at a
 * time must give what the file gives: the reader's refills must not
 * disturb paragraphs, offsets or the style it guessed.
 */
static void
same_from_pipe(const char *in, size_t n, int nul, const char *what)
{
	struct timespec	 pause = { 0, 100000 };
	char		*want, *got;
	int		 fd[2], status, saved;
	size_t		 i, k;
	pid_t		 pid;

	put_file(in, n);
	want = describe(path, nul, &status);
	if (pipe(fd) == -1)
		err(1, "pipe");
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		close(fd[0]);
		for (i = 0; i < n; i += k) {
			k = n - i < 7 ? n - i : 7;
			if (write(fd[1], in + i, k) != (ssize_t)k)
				_exit(1);
			nanosleep(&pause, NULL);
		}
		_exit(0);
	}
	close(fd[1]);
	saved = dup(STDIN_FILENO);
	dup2(fd[0], STDIN_FILENO);
	close(fd[0]);
	got = describe("-", nul, &status);
	dup2(saved, STDIN_FILENO);
	close(saved);
	waitpid(pid, NULL, 0);
	ok(strcmp(got, want) == 0 && status == 0, what);
	if (strcmp(got, want) != 0)
		printf("# want %s\n#  got %s\n", want, got);
	free(want);
	free(got);
}

/*
 * A paragraph longer than DOC_PARA_MAX comes out in pieces, each no
 * longer than that, the later ones marked cont, with every byte that is
 * not white space handed out once and in order.
 */
static void
long_para(const char *unit, int at_sentence, const char *what)
{
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;
	char			*in;
	size_t			 n, ul, i, pieces, bad;
	unsigned long long	 next;

	ul = strlen(unit);
	n = (DOC_PARA_MAX * 5 / 2) / ul * ul;
	in = nu_reallocarray(NULL, n, 1);
	for (i = 0; i < n; i += ul)
		memcpy(in + i, unit, ul);
	put_file(in, n);
	r = doc_open(path, 0);
	doc_next(r, &d);
	pieces = bad = 0;
	next = 0;
	while (doc_para(r, &p)) {
		if (p.len > DOC_PARA_MAX || p.off < next ||
		    (pieces > 0) != (p.cont != 0) || p.n != 1)
			bad++;
		for (i = next; i < p.off; i++)
			if (!doc_isspace((unsigned char)in[i]))
				bad++;
		if (memcmp(p.p, in + p.off, p.len) != 0)
			bad++;
		/* Never inside a UTF-8 character. */
		if (((unsigned char)p.p[0] & 0xc0) == 0x80)
			bad++;
		if (at_sentence && p.off + p.len < n && p.p[p.len - 1] != '.')
			bad++;
		next = p.off + p.len;
		pieces++;
	}
	for (i = next; i < n; i++)
		if (!doc_isspace((unsigned char)in[i]))
			bad++;
	ok(doc_close(r) == 0 && pieces >= 3 && bad == 0, what);
	free(in);
}

/* Whether the input is refused as UTF-16 or UTF-32 (status 2) or read. */
static void
wide(const char *in, size_t n, int want, const char *what)
{
	char	*got;
	int	 status;

	put_file(in, n);
	got = describe(path, 0, &status);
	ok(status == want && (want == 0 || strcmp(got, "") == 0), what);
	free(got);
}

int
main(void)
{
	static const char	 mixed[] =
	    "\xef\xbb\xbfHeadline here\r\n\r\nBRUSSELS \xe2\x80\x94 A first\r\n"
	    "wrapped line. And more.\r\n   \r\n\"A quote,\" she said.\n\n\n"
	    "Last one";
	char			*s;
	int			 fd, status;

	if ((fd = mkstemp(tmpl)) == -1)
		err(1, "mkstemp");
	close(fd);
	path = tmpl;

	IS("One para\nwrapped.\n\nTwo.\n", 0,
	    "[]1@0:One para\nwrapped.|2@19:Two.|",
	    "blank-line paragraphs, a wrapped line kept inside");
	IS("First line.\nSecond line.\nThird.", 0,
	    "[]1@0:First line.|2@12:Second line.|3@25:Third.|",
	    "one paragraph a line");
	IS("\xef\xbb\xbfOne.\n\nTwo.", 0,
	    "[]1@3:One.|2@9:Two.|",
	    "a BOM is skipped and counted in offsets");
	IS("One.\r\n\r\nTwo.\r\n", 0,
	    "[]1@0:One.|2@8:Two.|",
	    "CRLF: a blank line of CR LF ends a paragraph, CR trimmed");
	IS("Head line\rMarch 3\r\rBody one.\rBody two.\r", 0,
	    "[]1@0:Head line\nMarch 3|2@19:Body one.\nBody two.|",
	    "a lone CR is a line end, handed out as LF at its offset");
	IS("First.\rSecond.\r\nThird.\r", 0,
	    "[]1@0:First.|2@7:Second.|3@16:Third.|",
	    "CR and CRLF line ends mixed");
	IS("One.\r\0Two.\r", 1, "[:1]1@0:One.|[:2]1@0:Two.|",
	    "-z: a CR before the NUL is a line end");
	IS("  \n\n  Indented.  \n\n\n", 0,
	    "[]1@6:Indented.|",
	    "outer white space and blank lines are not paragraphs");
	IS("", 0, "[]", "an empty file is one document with no paragraph");
	IS("Zero\0byte.\n", 0, "[]1@0:Zero\0byte.|",
	    "without -z a NUL is data");
	IS("One doc.\0\0Third.\nFourth.\0", 1,
	    "[:1]1@0:One doc.|[:2][:3]1@0:Third.|2@7:Fourth.|",
	    "-z: documents named FILE:N, offsets from each");
	IS("No final NUL.", 1, "[:1]1@0:No final NUL.|",
	    "-z: the last NUL may be left out");

	same_from_pipe(mixed, sizeof(mixed) - 1, 0,
	    "a pipe a few bytes at a time reads as the file does");
	same_from_pipe("Doc one.\n\nStill one.\0Doc two.\nLine.\0", 35, 1,
	    "-z from a pipe a few bytes at a time");
	/*
	 * Every seventh byte a CR, the last of what one read brings, and
	 * the LF of CRLF the first of the next.
	 */
	same_from_pipe("Line 1\r\nine 2\rLine 3\r\nine 4\r", 28, 0,
	    "a pipe: a CR last of a read waits for the byte after it");
	same_from_pipe("Doc 1.\r\nine 2\r\0oc 2.\r", 21, 1,
	    "-z from a pipe, a CR last of a read");

	long_para("Word after word. ", 1,
	    "a long paragraph is cut after a sentence end");
	long_para("wordwithoutend ", 0,
	    "a long paragraph without sentence ends is cut at a space");
	long_para("\xc3\xa9\xe2\x80\x94", 0,
	    "a long paragraph without spaces is cut between characters");

	wide("\xff\xfeH\0i\0.\0 \0T\0h\0e\0r\0e\0", 20, 2,
	    "UTF-16 is refused, status 2");
	/* Three NUL bytes of every four, and no BOM. */
	wide("H\0\0\0i\0\0\0.\0\0\0 \0\0\0", 16, 2,
	    "UTF-32LE is refused, status 2");
	wide("\0\0\xfe\xff\0\0\0H", 8, 2, "UTF-32BE with a BOM too");
	wide("H\0\0\0", 4, 0, "four bytes without a BOM are too few to tell");

	s = describe("/nonexistent/file", 0, &status);
	ok(status == -1, "a missing file is not opened");
	free(s);

	unlink(path);
	return tap_done();
}
