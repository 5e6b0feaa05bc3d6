/*
 * words.c - the word classes of the rules (see words.h).
 */
#include <stdint.h>
#include <string.h>

#define QUOTE_WORDS_TABLE
#include "words.h"

/*
 * The generated table, hashed once for the lookups: every word of the
 * text is looked up, so a binary search would cost more than the rest.
 */
#define HASH_SLOTS	4096	/* a power of two, over twice QUOTE_NWORDS */

static unsigned short	 hash_slot[HASH_SLOTS];	/* word index + 1, or 0 */
static size_t		 role_max;	/* the longest role, for words_role_end() */
static int		 hash_ready;

/*
 * The hash of a word in the table, the same for any case of its ASCII
 * letters: eight bytes at a time, each with bit 0x20 set (which makes
 * 'A' 'a'; other bytes it merges only in the hash, not in lower_eq).
 * avail bytes from s may be read (at least n).
 */
static unsigned int
word_hash(const char *s, size_t n, size_t avail)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, x;
	size_t	 i;

	for (; n >= 8; s += 8, n -= 8, avail -= 8) {
		memcpy(&x, s, 8);
		h = (h ^ (x | 0x2020202020202020ULL)) * 0xff51afd7ed558ccdULL;
	}
	if (n == 0)
		return (unsigned int)(h ^ (h >> 32));
	/* The last bytes, byte i at bits 8i: one load where eight are there. */
	x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (avail >= 8) {
		memcpy(&x, s, 8);
		x &= ~0ULL >> (64 - 8 * n);
	} else
#endif
		for (i = 0; i < n; i++)
			x |= (uint64_t)(unsigned char)s[i] << (8 * i);
	h = (h ^ (x | 0x2020202020202020ULL >> (64 - 8 * n))) *
	    0xff51afd7ed558ccdULL;
	return (unsigned int)(h ^ (h >> 32));
}

/*
 * Whether s is the lower-case word w, its ASCII letters and the
 * capitals of Latin-1 in UTF-8 ("Über", "Ähnlich") in any case.
 */
static int
lower_eq(const char *w, const char *s, size_t n)
{
	size_t	 i;
	unsigned char c, d;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((unsigned char)(c - 'A') < 26)
			c += 32;
		else if (c == 0xc3 && i + 1 < n &&
		    (unsigned char)((d = (unsigned char)s[i + 1]) - 0x80) <=
		    0x1e && d != 0x97) {
			/* "Ü" is "ü": the second byte, 0x20 on. */
			if ((unsigned char)w[i] != 0xc3 ||
			    (unsigned char)w[i + 1] != d + 0x20)
				return 0;
			i++;
			continue;
		}
		if (c != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

void
words_init(void)
{
	size_t	 i;
	unsigned int h;

	if (hash_ready)
		return;
	for (i = 0; i < QUOTE_NWORDS; i++) {
		h = word_hash(quote_words[i].w, quote_words[i].len,
		    quote_words[i].len);
		while (hash_slot[h & (HASH_SLOTS - 1)] != 0)
			h++;
		hash_slot[h & (HASH_SLOTS - 1)] = i + 1;
		if ((quote_words[i].bits & (QT_e | QT_t | QT_r)) &&
		    quote_words[i].len > role_max)
			role_max = quote_words[i].len;
	}
	hash_ready = 1;
}

unsigned int
words_class(const char *s, size_t n, size_t avail)
{
	unsigned int h, w;

	if (n == 0 || n >= WORDS_LOOK_MAX)
		return 0;
	for (h = word_hash(s, n, avail);
	    (w = hash_slot[h & (HASH_SLOTS - 1)]) != 0; h++)
		if (quote_words[w - 1].len == n &&
		    lower_eq(quote_words[w - 1].w, s, n))
			return quote_words[w - 1].bits;
	return 0;
}

int
words_role_end(const char *s, size_t n)
{
	size_t	 i;

	/* Only the endings as long as a role or shorter can be one. */
	for (i = n > role_max ? n - role_max : 0; i + 4 <= n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    (words_class(s + i, n - i, n - i) & (QT_e | QT_t | QT_r)))
			return 1;
	return 0;
}
