/*
 * sent.c - a first sentence splitter: a full stop, question or
 * exclamation mark, with any closing quotes and brackets, followed by
 * white space and a capital letter, digit or opening quote.
 */
#include "doc.h"
#include "sent.h"

void
sent_begin(struct sent_iter *it, const char *p, size_t len)
{
	it->p = p;
	it->len = len;
	it->pos = 0;
}

static int
is_closer(unsigned char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

static int
is_starter(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '"' || c == '\'' || c == '(' || c >= 0x80;
}

int
sent_next(struct sent_iter *it, size_t *start, size_t *end)
{
	const unsigned char	*p = (const unsigned char *)it->p;
	size_t			 i, j, n = it->len;

	i = it->pos;
	while (i < n && doc_isspace(p[i]))
		i++;
	if (i >= n)
		return 0;
	*start = i;
	for (; i < n; i++) {
		if (p[i] != '.' && p[i] != '?' && p[i] != '!')
			continue;
		j = i + 1;
		while (j < n && (is_closer(p[j]) || p[j] == '.' ||
		    p[j] == '?' || p[j] == '!'))
			j++;
		if (j < n && !doc_isspace(p[j]))
			continue;
		*end = j;
		while (j < n && doc_isspace(p[j]))
			j++;
		if (j >= n || is_starter(p[j])) {
			it->pos = j;
			return 1;
		}
	}
	*end = n;
	it->pos = n;
	return 1;
}
