/*
 * out.c - TSV and JSON Lines record writers (see out.h).
 */
#include <stdio.h>
#include <string.h>

#include "opt.h"
#include "out.h"
#include "util.h"

static int		 out_header;
static const char	*out_name = "";
static char		 obuf[64 * 1024];

/* Bytes that TSV escapes: TAB, LF, CR and backslash. */
static unsigned char	 tsv_special[256] = {
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

static void
put(const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, stdout) != n)
		nu_write_error();
}

static void
putch(int c)
{
	if (putc_unlocked(c, stdout) == EOF)
		nu_write_error();
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
		for (run = i; run < n && !tsv_special[(unsigned char)s[run]];
		    run++)
			continue;
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

/*
 * The length of the valid UTF-8 sequence at s[0], or 0 when it is not
 * one (overlong forms, surrogates and values past U+10FFFF included).
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned int	 c;
	size_t		 len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	c = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	return len;
}

static void
json_str(const char *s, size_t n, int flat)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k;
	char			 esc[8];

	putch('"');
	for (i = 0; i < n; ) {
		if (flat && (k = line_break(s + i, n - i)) != 0) {
			putch(' ');
			i += k;
			continue;
		}
		if (u[i] >= 0x80) {
			if ((k = utf8_len(u + i, n - i)) == 0) {
				put("\xef\xbf\xbd", 3);
				i++;
			} else {
				put(s + i, k);
				i += k;
			}
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

static void
put_num(long long n)
{
	if (printf("%lld", n) < 0)
		nu_write_error();
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
		if (printf("%s%llu\t%llu", first ? "" : "\t", start, end) < 0)
			nu_write_error();
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
	if (printf(",\"start\":%llu,\"end\":%llu", start, end) < 0)
		nu_write_error();
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
}

void
out_blank(void)
{
	if (!opt_common.json)
		putch('\n');
}

void
out_tsv_str(const char *s, size_t n)
{
	tsv_str(s, n, 0);
}

void
out_json_str(const char *s, size_t n)
{
	json_str(s, n, 0);
}
