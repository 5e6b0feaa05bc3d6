/*
 * out.c - TSV and JSON Lines record writers (see out.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "opt.h"
#include "out.h"
#include "tok.h"
#include "util.h"

static int		 out_header;
static const char	*out_name = "";
static char		 obuf[64 * 1024];

/*
 * A record is put together here and handed to stdio whole: one fwrite a
 * record costs much less than one a field or a run of plain bytes, and
 * stdout still sees whole records, so that programs may mix their own
 * stdio writes with ours.
 */
static char		 rbuf[16 * 1024];
static size_t		 rlen;

/* Bytes that TSV escapes: TAB, LF, CR and backslash. */
static const unsigned char tsv_special[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\\'] = 1,
};

void
out_init(int header)
{
	out_header = header;
	if (opt_common.linebuf)
		setvbuf(stdout, NULL, _IOLBF, 0);
	else
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
}

void
out_doc(const struct doc *d)
{
	out_name = d->name;
}

/* Hand what the record buffer holds to stdio. */
static void
flush(void)
{
	if (rlen > 0 && fwrite(rbuf, 1, rlen, stdout) != rlen)
		nu_write_error();
	rlen = 0;
}

static void
put(const char *s, size_t n)
{
	if (n > sizeof(rbuf) - rlen) {
		flush();
		if (n >= sizeof(rbuf)) {
			if (fwrite(s, 1, n, stdout) != n)
				nu_write_error();
			return;
		}
	}
	memcpy(rbuf + rlen, s, n);
	rlen += n;
}

static void
putch(int c)
{
	if (rlen == sizeof(rbuf))
		flush();
	rbuf[rlen++] = (char)c;
}

#define ONES	((uint64_t)0x0101010101010101)
#define HIGHS	((uint64_t)0x8080808080808080)

/*
 * The length of the start of s[0..n) that holds no byte TSV escapes.
 * Eight bytes at a time, a word is passed over when none of its bytes is
 * below 14 (TAB, LF, CR and a few other controls) or a backslash; the
 * bytes of a word that may hold one are looked at one by one.
 */
static size_t
tsv_plain(const char *s, size_t n)
{
	uint64_t	 x, y;
	size_t		 i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		y = x ^ (ONES * '\\');
		if ((((x - ONES * 14) & ~x) | ((y - ONES) & ~y)) & HIGHS)
			break;
	}
	while (i < n && !tsv_special[(unsigned char)s[i]])
		i++;
	return i;
}

/* The length of the line break at s[0], or 0 if there is none. */
static size_t
line_break(const char *s, size_t n)
{
	if (s[0] == '\n')
		return 1;
	if (s[0] == '\r')
		return n > 1 && s[1] == '\n' ? 2 : 1;
	return 0;
}

static void
tsv_str(const char *s, size_t n, int flat)
{
	size_t	 i, run, k;

	for (i = 0; i < n; ) {
		run = i + tsv_plain(s + i, n - i);
		put(s + i, run - i);
		if ((i = run) >= n)
			break;
		if (flat && (k = line_break(s + i, n - i)) != 0) {
			putch(' ');
			i += k;
			continue;
		}
		putch('\\');
		switch (s[i]) {
		case '\t':
			putch('t');
			break;
		case '\n':
			putch('n');
			break;
		case '\r':
			putch('r');
			break;
		default:
			putch('\\');
			break;
		}
		i++;
	}
}

static void
json_str(const char *s, size_t n, int flat)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k;
	uint32_t		 cp;
	char			 esc[8];

	putch('"');
	for (i = 0; i < n; ) {
		if (flat && (k = line_break(s + i, n - i)) != 0) {
			putch(' ');
			i += k;
			continue;
		}
		if (u[i] >= 0x80) {
			/* Past ASCII, one byte is an invalid one: U+FFFD. */
			if ((k = tok_utf8(s + i, n - i, &cp)) == 1)
				put("\xef\xbf\xbd", 3);
			else
				put(s + i, k);
			i += k;
			continue;
		}
		switch (u[i]) {
		case '"':
			put("\\\"", 2);
			break;
		case '\\':
			put("\\\\", 2);
			break;
		case '\n':
			put("\\n", 2);
			break;
		case '\t':
			put("\\t", 2);
			break;
		case '\r':
			put("\\r", 2);
			break;
		default:
			if (u[i] < 0x20) {
				snprintf(esc, sizeof(esc), "\\u%04x", u[i]);
				put(esc, 6);
			} else
				putch(u[i]);
			break;
		}
		i++;
	}
	putch('"');
}

/* A whole number in decimal, without printf's cost on every record. */
static void
put_ull(unsigned long long n)
{
	char	 d[24];
	size_t	 i;

	i = sizeof(d);
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	put(d + i, sizeof(d) - i);
}

static void
put_num(long long n)
{
	if (n < 0) {
		putch('-');
		put_ull(-(unsigned long long)n);
	} else
		put_ull((unsigned long long)n);
}

static void
tsv_record(unsigned long long start, unsigned long long end,
    const struct out_field *f, size_t nf)
{
	size_t	 i;
	int	 first;

	first = 1;
	if (out_header) {
		tsv_str(out_name, strlen(out_name), 0);
		first = 0;
	}
	if (opt_common.offsets) {
		if (!first)
			putch('\t');
		put_ull(start);
		putch('\t');
		put_ull(end);
		first = 0;
	}
	for (i = 0; i < nf; i++) {
		if (!first)
			putch('\t');
		first = 0;
		if (f[i].kind == OUT_INT)
			put_num(f[i].n);
		else
			tsv_str(f[i].s, f[i].len, f[i].kind == OUT_TEXT);
	}
	putch('\n');
}

static void
json_record(unsigned long long start, unsigned long long end,
    const struct out_field *f, size_t nf)
{
	size_t	 i;

	put("{\"doc\":", 7);
	json_str(out_name, strlen(out_name), 0);
	put(",\"start\":", 9);
	put_ull(start);
	put(",\"end\":", 7);
	put_ull(end);
	for (i = 0; i < nf; i++) {
		putch(',');
		json_str(f[i].key, strlen(f[i].key), 0);
		putch(':');
		if (f[i].kind == OUT_INT)
			put_num(f[i].n);
		else
			json_str(f[i].s, f[i].len, f[i].kind == OUT_TEXT);
	}
	put("}\n", 2);
}

void
out_record(unsigned long long start, unsigned long long end,
    const struct out_field *f, size_t nf)
{
	if (opt_common.json)
		json_record(start, end, f, nf);
	else
		tsv_record(start, end, f, nf);
	flush();
}

void
out_blank(void)
{
	if (!opt_common.json) {
		putch('\n');
		flush();
	}
}

void
out_tsv_str(const char *s, size_t n)
{
	tsv_str(s, n, 0);
	flush();
}

void
out_json_str(const char *s, size_t n)
{
	json_str(s, n, 0);
	flush();
}
