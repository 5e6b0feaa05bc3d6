/*
 * tok: split raw UTF-8 text into word, number and punctuation tokens.
 *
 * The tokens follow the Penn Treebank / CoNLL conventions that the entity
 * training data uses, so that a model trained on those tokens sees the same
 * units at run time:
 *	- hyphenated words stay whole (well-known, Saxony-Anhalt);
 *	- O'Brien stays whole, but the clitics 's 're 've 'll 'd 'm and n't
 *	  are tokens of their own (Obama 's, do n't);
 *	- U.S., Inc., Mr., J. keep their full stop; a sentence-final stop is
 *	  a token of its own;
 *	- numbers keep their decimal point and thousands commas (3.5, 1,000),
 *	  while $ and % are tokens of their own ($ 4.5, 38.5 %);
 *	- URLs and e-mail addresses are one token;
 *	- letters outside ASCII (accents, Greek, Cyrillic) are word letters,
 *	  curly quotes, dashes and other symbols are punctuation.
 * Invalid UTF-8 bytes never stop the scan: each becomes a one-byte
 * punctuation token.  The text need not be NUL-terminated.
 */
#ifndef TOK_H
#define TOK_H

#include <stddef.h>
#include <stdint.h>

enum tok_kind {
	TOK_WORD,		/* starts with a letter */
	TOK_NUM,		/* starts with a digit */
	TOK_PUNCT		/* anything else, one symbol (or ... --) */
};

/* Flags of a token. */
#define TOK_SPACE	0x01	/* white space before the token */
#define TOK_NEWLINE	0x02	/* a line break before the token */
#define TOK_UPPER	0x04	/* the first letter is upper case */
#define TOK_HASUPPER	0x08	/* some letter is upper case */
#define TOK_ALLUPPER	0x10	/* has letters, and all are upper case */
#define TOK_HASDIGIT	0x20	/* some character is a digit */

struct tok {
	size_t		 off;	/* byte offset in the text given */
	uint32_t	 len;	/* bytes */
	uint8_t		 kind;	/* enum tok_kind */
	uint8_t		 flags;	/* TOK_* flags */
};

struct tok_list {
	struct tok	*v;
	size_t		 n;
	size_t		 cap;
};

void	tok_list_init(struct tok_list *);
void	tok_list_free(struct tok_list *);

/*
 * Append the tokens of text[0..len) to tl (which is not cleared first);
 * offsets are relative to text.  Returns the number of tokens added.
 */
size_t	tok_text(struct tok_list *tl, const char *text, size_t len);

/* Append tokens v[0..n), as another list has them, to tl. */
void	tok_list_add(struct tok_list *tl, const struct tok *v, size_t n);

/*
 * Decode one UTF-8 character at s (len > 0 bytes available).  Stores the
 * code point in *cp and returns its length in bytes; an invalid byte
 * gives length 1 and code point 0xFFFD.
 */
size_t	tok_utf8(const char *s, size_t len, uint32_t *cp);

/* Character classes used by the tokenizer, exported for the tagger. */
int	tok_isletter(uint32_t cp);
int	tok_isupper(uint32_t cp);
uint32_t tok_tolower(uint32_t cp);

/*
 * Is the word s[0..n) in tab[0..ntab), a list sorted as strcmp sorts
 * words shorter than 16 bytes?
 */
int	tok_inlist(const char *const *tab, size_t ntab, const char *s,
	    size_t n);

#endif /* TOK_H */
