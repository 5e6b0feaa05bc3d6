/*
 * doc.c - the streaming document and paragraph reader (see doc.h).
 *
 * The buffer holds buf[pos..end) unread bytes.  Indices used while a
 * paragraph is being found are relative to pos, so that refilling, which
 * moves the unread bytes to the front, does not disturb them.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "util.h"

#define READ_CHUNK	(64 * 1024)
#define NONE		((size_t)-1)

enum { MODE_BLANK, MODE_LINE, MODE_WRAP };

struct doc_reader {
	int		 fd;
	char		*path;
	char		*name;		/* the document name handed out */
	int		 nul;		/* -z */
	int		 status;	/* 2 after any error */
	char		*buf;
	size_t		 cap, pos, end;
	int		 eof;		/* no more bytes will come */
	unsigned long long base;	/* stream offset of buf[0] */
	unsigned long long docbase;	/* stream offset of the document */
	size_t		 dend;		/* index of the NUL ending it, or NONE */
	size_t		 nulscan;	/* bytes before this index hold no NUL */
	int		 indoc;		/* a document is open */
	int		 started;	/* a document was handed out */
	size_t		 ndoc, npara;
	int		 mode;
	size_t		 width;		/* MODE_WRAP: the longest line seen */
	int		 cut;		/* the last paragraph was cut */
};

struct doc_reader *
doc_open(const char *path, int nul)
{
	struct doc_reader	*r;
	int			 fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1) {
		warn("%s", path);
		return NULL;
	}
	r = nu_calloc(1, sizeof(*r));
	r->fd = fd;
	r->path = nu_strdup(path);
	r->nul = nul;
	r->cap = READ_CHUNK * 2;
	r->buf = nu_reallocarray(NULL, r->cap, 1);
	r->dend = NONE;
	return r;
}

int
doc_close(struct doc_reader *r)
{
	int	 status;

	if (r == NULL)
		return 2;
	status = r->status;
	if (r->fd != STDIN_FILENO)
		close(r->fd);
	free(r->buf);
	free(r->path);
	free(r->name);
	free(r);
	return status;
}

/* Look for the NUL that ends the document in newly read bytes. */
static void
find_nul(struct doc_reader *r)
{
	const char	*q;

	if (!r->nul || r->dend != NONE || r->nulscan >= r->end)
		return;
	if (r->nulscan < r->pos)
		r->nulscan = r->pos;
	q = memchr(r->buf + r->nulscan, '\0', r->end - r->nulscan);
	if (q != NULL)
		r->dend = (size_t)(q - r->buf);
	r->nulscan = q != NULL ? r->dend : r->end;
}

/* Read more bytes; returns 0 when nothing more can come. */
static int
fill(struct doc_reader *r)
{
	ssize_t	 n;
	size_t	 shift;

	if (r->eof)
		return 0;
	if (r->pos > 0) {
		shift = r->pos;
		memmove(r->buf, r->buf + shift, r->end - shift);
		r->end -= shift;
		r->pos = 0;
		r->base += shift;
		if (r->dend != NONE)
			r->dend -= shift;
		r->nulscan = r->nulscan > shift ? r->nulscan - shift : 0;
	}
	if (r->cap - r->end < READ_CHUNK) {
		r->cap *= 2;
		r->buf = nu_reallocarray(r->buf, r->cap, 1);
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		warn("%s", r->path);
		r->status = 2;
		r->eof = 1;
		return 0;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)n;
	find_nul(r);
	return 1;
}

/* Bytes of the current document available from pos. */
static size_t
have(const struct doc_reader *r)
{
	return (r->dend != NONE ? r->dend : r->end) - r->pos;
}

/* Whether every byte of the document is in the buffer. */
static int
complete(const struct doc_reader *r)
{
	return r->dend != NONE || r->eof;
}

/* Read until want bytes of the document are there or it is complete. */
static size_t
want(struct doc_reader *r, size_t n)
{
	while (have(r) < n && !complete(r))
		fill(r);
	return have(r);
}

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * From relative index i, skip blanks on the line.  Returns the index of
 * the first byte that is not a blank (a newline, text, or the document's
 * end).  Runs of blanks longer than a paragraph are not looked through.
 */
static size_t
skip_blanks(struct doc_reader *r, size_t i)
{
	size_t	 n;

	for (;;) {
		n = have(r);
		while (i < n && is_blank((unsigned char)r->buf[r->pos + i]))
			i++;
		if (i < n || complete(r) || i >= DOC_PARA_MAX)
			return i;
		want(r, i + 1);
	}
}

/*
 * Hard-wrapped text: lines of WRAP_MIN to WRAP_MAX bytes at most, most of
 * them at least two thirds of the longest, and enough of them to tell.
 */
#define WRAP_MIN	40
#define WRAP_MAX	100
#define WRAP_LINES	8

/*
 * Decide the paragraph style from the start of the document: a blank line
 * between two lines of text means blank-line paragraphs; else lines of
 * about the same length, none long, are a wrapped text's, and otherwise
 * each line is a paragraph.
 */
static int
guess_mode(struct doc_reader *r)
{
	const char	*b, *q;
	size_t		 n, i, k, len, lines, full, width;
	int		 text, gap, blank;

	/*
	 * Read no more than it takes to decide, so that a slow pipe under
	 * --line-buffered gets its first paragraphs out early.
	 */
	for (n = have(r);; n = want(r, n + 1)) {
		/*
		 * The same bytes decide however the input arrives: a read may
		 * bring more than the look-ahead.
		 */
		if (n > DOC_LOOKAHEAD)
			n = DOC_LOOKAHEAD;
		b = r->buf + r->pos;
		text = gap = 0;
		lines = width = 0;
		for (i = 0; i < n; i = (size_t)(q - b) + 1) {
			if ((q = memchr(b + i, '\n', n - i)) == NULL)
				q = b + n;
			blank = 1;
			for (k = i; k < (size_t)(q - b) && blank; k++)
				blank = doc_isspace((unsigned char)b[k]);
			if (!blank) {
				if (text && gap)
					return MODE_BLANK;
				text = 1;
				len = (size_t)(q - b) - i;
				lines++;
				if (len > width)
					width = len;
			} else if (text)
				gap = 1;
		}
		if (n >= DOC_LOOKAHEAD || complete(r))
			break;
	}
	if (lines < WRAP_LINES || width < WRAP_MIN || width > WRAP_MAX)
		return MODE_LINE;
	for (i = full = 0; i < n; i = (size_t)(q - b) + 1) {
		if ((q = memchr(b + i, '\n', n - i)) == NULL)
			q = b + n;
		if (((size_t)(q - b) - i) * 3 >= width * 2)
			full++;
	}
	if (full * 3 < lines * 2)
		return MODE_LINE;
	r->width = width;
	return MODE_WRAP;
}

/* UTF-16 without a BOM: every other byte NUL in the first characters. */
static int
looks_utf16(const unsigned char *b, size_t n)
{
	size_t	 i, even, odd, pairs;

	even = odd = 0;
	pairs = n / 2 < 32 ? n / 2 : 32;
	if (pairs < 4)
		return 0;
	for (i = 0; i < pairs; i++) {
		even += b[2 * i] == 0;
		odd += b[2 * i + 1] == 0;
	}
	return (odd * 4 >= pairs * 3 && even == 0) ||
	    (even * 4 >= pairs * 3 && odd == 0);
}

/* Drop what is left of the current document, and its NUL. */
static void
finish_doc(struct doc_reader *r)
{
	if (!r->indoc)
		return;
	for (;;) {
		r->pos += have(r);
		if (complete(r))
			break;
		fill(r);
	}
	if (r->dend != NONE) {
		r->pos = r->dend + 1;
		r->dend = NONE;
		r->nulscan = r->pos;
		find_nul(r);
	}
	r->indoc = 0;
}

int
doc_next(struct doc_reader *r, struct doc *d)
{
	const unsigned char	*b;
	size_t			 n;
	int			 len;

	finish_doc(r);
	if (r->nul) {
		/* A document needs a byte, or a NUL ending an empty one. */
		if (r->pos >= r->end && !fill(r))
			return 0;
	} else if (r->started)
		return 0;
	r->started = 1;
	r->indoc = 1;
	r->ndoc++;
	r->npara = 0;
	r->cut = 0;
	r->docbase = r->base + r->pos;

	n = want(r, 8);	/* enough to tell; more would stall a slow pipe */
	b = (const unsigned char *)r->buf + r->pos;
	/*
	 * The encoding is the operand's: a later -z document that only
	 * starts like UTF-16 is data, and must not cost the ones after it.
	 */
	if (r->ndoc == 1 && ((n >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff))) || looks_utf16(b, n))) {
		warnx("%s: UTF-16 input is not read; convert it first with "
		    "iconv -f UTF-16 -t UTF-8", r->path);
		r->status = 2;
		/* NUL bytes mean nothing in UTF-16: drop the whole operand. */
		r->pos = r->end;
		r->dend = NONE;
		r->eof = 1;
		r->indoc = 0;
		return 0;
	}
	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		r->pos += 3;
	r->mode = guess_mode(r);

	free(r->name);
	r->name = NULL;
	if (r->nul) {
		len = snprintf(NULL, 0, "%s:%zu", r->path, r->ndoc);
		r->name = nu_reallocarray(NULL, (size_t)len + 1, 1);
		snprintf(r->name, (size_t)len + 1, "%s:%zu", r->path, r->ndoc);
	} else
		r->name = nu_strdup(r->path);
	d->name = r->name;
	d->n = r->ndoc;
	return 1;
}

/*
 * In one-paragraph-a-line text, a line break is only a wrapped line when
 * the next line goes on in lower case; in wrapped text, also when the
 * line, len bytes, is nearly as long as the longest (a short line ends its
 * paragraph, as does one after which the next is indented).
 */
static int
line_continues(const struct doc_reader *r, size_t len, const char *next)
{
	if (*next >= 'a' && *next <= 'z')
		return 1;
	return r->mode == MODE_WRAP && len * 3 >= r->width * 2 &&
	    !is_blank((unsigned char)next[-1]);
}

/* Hand out [0, len) of the unread bytes as a paragraph, trimmed. */
static void
emit(struct doc_reader *r, struct para *p, size_t len, int cont)
{
	const char	*b;
	size_t		 s;

	b = r->buf + r->pos;
	s = 0;
	while (s < len && doc_isspace((unsigned char)b[s]))
		s++;
	while (len > s && doc_isspace((unsigned char)b[len - 1]))
		len--;
	p->p = b + s;
	p->len = len - s;
	p->off = r->base + r->pos + s - r->docbase;
	p->cont = cont;
	if (!cont && p->len > 0)
		r->npara++;
	p->n = r->npara;
}

/* Whether b[0..j) ends in a closing quote or bracket; its length. */
static size_t
closer_before(const char *b, size_t j)
{
	if (j >= 1 && memchr("\"')]", b[j - 1], 4) != NULL)
		return 1;
	if (j >= 3 && (unsigned char)b[j - 3] == 0xe2 &&
	    (unsigned char)b[j - 2] == 0x80 &&
	    ((unsigned char)b[j - 1] == 0x9d || (unsigned char)b[j - 1] == 0x99))
		return 3;
	return 0;
}

/* Whether the white space at b[i] follows a sentence end ("now." or "now.\""). */
static int
ends_sentence(const char *b, size_t i)
{
	size_t	 j, k;

	for (j = i; (k = closer_before(b, j)) != 0; j -= k)
		continue;
	return j > 0 && memchr(".?!", b[j - 1], 3) != NULL;
}

/*
 * Where to cut a paragraph that has grown past n bytes: after the last
 * sentence end in its second half that is outside double quotes, else
 * after the last sentence end there, else after the last white space,
 * else at a UTF-8 character boundary.  b holds at least n + 1 bytes.
 *
 * Outside quotes, so that the piece after the cut does not start inside
 * a quote, which would pair its straight marks the wrong way round: "
 * opens and closes in turn, as do the guillemets (French writes them
 * one way, German the other), a curly closing mark closes, and a curly
 * opening one opens, or closes after a low mark as German writes them.
 */
static size_t
cut_point(const char *b, size_t n)
{
	const unsigned char *u = (const unsigned char *)b;
	size_t	 i, out = 0, any = 0;
	int	 inq = 0, low = 0;

	for (i = 0; i < n; i++) {
		if (u[i] == '"')
			inq = !inq;
		else if (u[i] == 0xc2 && (u[i + 1] == 0xab || u[i + 1] == 0xbb))
			inq = !inq;
		else if (u[i] == 0xe2 && u[i + 1] == 0x80 && i + 2 < n) {
			if (u[i + 2] == 0x9e)
				inq = low = 1;
			else if (u[i + 2] == 0x9c) {
				inq = !(inq && low);
				low = 0;
			} else if (u[i + 2] == 0x9d)
				inq = low = 0;
		} else if (i > n / 2 && doc_isspace(u[i]) &&
		    ends_sentence(b, i)) {
			any = i + 1;
			if (!inq)
				out = i + 1;
		}
	}
	if (out != 0)
		return out;
	if (any != 0)
		return any;
	for (i = n - 1; i > 0; i--)
		if (doc_isspace((unsigned char)b[i]))
			return i + 1;
	for (i = n; i > n - 4 && ((unsigned char)b[i] & 0xc0) == 0x80; i--)
		continue;
	return i;
}

/* Cut the paragraph being read at DOC_PARA_MAX; the rest follows. */
static int
cut(struct doc_reader *r, struct para *p, int cont)
{
	size_t	 i;

	want(r, DOC_PARA_MAX + 1);
	if (have(r) <= DOC_PARA_MAX)
		i = have(r);
	else
		i = cut_point(r->buf + r->pos, DOC_PARA_MAX);
	emit(r, p, i, cont);
	r->pos += i;
	r->cut = 1;
	return 1;
}

static int
read_para(struct doc_reader *r, struct para *p)
{
	const char	*q;
	size_t		 i, s, ls, n, nl;
	int		 cont;

	if (!r->indoc)
		return 0;
	cont = r->cut;
	r->cut = 0;

	/* Skip blank lines before the paragraph. */
	for (;;) {
		i = skip_blanks(r, 0);
		if (i >= have(r)) {
			r->pos += i;
			if (complete(r))
				return 0;
			continue;
		}
		if (r->buf[r->pos + i] != '\n')
			break;
		r->pos += i + 1;
		cont = 0;
	}

	/* Take lines until the paragraph ends; ls is where a line starts. */
	s = ls = 0;
	for (;;) {
		n = have(r);
		q = memchr(r->buf + r->pos + s, '\n', n - s);
		if (q == NULL) {
			if (n >= DOC_PARA_MAX)
				return cut(r, p, cont);
			if (complete(r)) {
				emit(r, p, n, cont);
				r->pos += n;
				return 1;
			}
			s = n;
			fill(r);
			continue;
		}
		nl = (size_t)(q - (r->buf + r->pos));
		if (nl >= DOC_PARA_MAX)
			return cut(r, p, cont);
		i = skip_blanks(r, nl + 1);
		if (i >= have(r) || r->buf[r->pos + i] == '\n' ||
		    (r->mode != MODE_BLANK && !line_continues(r, nl - ls,
		    r->buf + r->pos + i))) {
			emit(r, p, nl, cont);
			r->pos += nl + 1;
			return 1;
		}
		s = ls = nl + 1;
	}
}

/* A piece cut from a run of white space is no paragraph: skip it. */
int
doc_para(struct doc_reader *r, struct para *p)
{
	while (read_para(r, p))
		if (p->len > 0)
			return 1;
	return 0;
}
