/*
 * quote.h - quotations and their speakers.
 *
 * A quote_doc reads one document paragraph by paragraph.  It pairs the
 * quote marks of each paragraph (straight and curly, single inside
 * double, guillemets, German marks; apostrophes are not marks), drops
 * scare quotes and titles, and attributes every quotation to a speaker
 * through the attribution patterns around it ("...," Reyes said / said
 * Reyes / Reyes said: "..." / according to Reyes), appositions, pronouns
 * and descriptions ("he added", "the senator said").
 *
 * Records are held until the document ends, because a speaker's
 * canonical name (the NAME that `entities` prints) settles only then;
 * the buffer is capped (QUOTE_MAX_PENDING records, QUOTE_MAX_TEXT bytes),
 * and when it is full the records so far are written out early.
 */
#ifndef NU_QUOTE_H
#define NU_QUOTE_H

#include <stddef.h>

#include "doc.h"

#define QUOTE_MAX_PENDING	4096
#define QUOTE_MAX_TEXT		(4 * 1024 * 1024)

enum quote_kind {
	QUOTE_DIRECT,	/* whole clauses of speech */
	QUOTE_PARTIAL,	/* a fragment inside the writer's own sentence */
	QUOTE_INDIRECT	/* reported speech without marks (-i) */
};

struct quote_rec {
	const char	*text;		/* the quote without its marks */
	size_t		 len;
	unsigned long long start, end;	/* its bytes in the document */
	enum quote_kind	 kind;
	const char	*cue;		/* "said", "according to", or "" */
	size_t		 cuelen;
	const char	*speaker;	/* canonical name, or "" when unknown */
	size_t		 speakerlen;
	const char	*written;	/* the speaker as written ("he"), or "" */
	size_t		 writtenlen;
	unsigned long long wstart, wend; /* its bytes; 0 0 when not written */
	size_t		 para;		/* paragraph number, from 1 */
};

typedef void	(*quote_emit_fn)(const struct quote_rec *, void *);

struct link_dict;
struct quote_doc;

/*
 * A reader that hands each record to emit.  dict is the linking
 * dictionary (may be NULL); indirect adds reported speech.
 */
struct quote_doc *quote_doc_new(const struct link_dict *dict, int indirect,
		    quote_emit_fn emit, void *arg);
void		 quote_doc_free(struct quote_doc *);

void		 quote_doc_begin(struct quote_doc *);
void		 quote_doc_para(struct quote_doc *, const struct para *);
/*
 * The work on paragraphs that needs nothing of the document (quote
 * marks, sentences, tokens, word classes), done ahead, in another thread:
 * quote_prep_para() on each paragraph in turn, then
 * quote_doc_para_prepared() on the k-th of them (from 0) in place of
 * quote_doc_para().  The text of the paragraphs must stay in place until
 * quote_prep_clear().
 */
struct quote_prep;

struct quote_prep *quote_prep_new(void);
void		 quote_prep_free(struct quote_prep *);
void		 quote_prep_clear(struct quote_prep *);
void		 quote_prep_para(struct quote_prep *, const struct para *);
/* Of the names' work that either thread may do, the prep's share. */
void		 quote_prep_share(struct quote_prep *, unsigned);
void		 quote_doc_para_prepared(struct quote_doc *,
		    const struct para *, struct quote_prep *, size_t k);

/* The document is over: names settle and the records are emitted. */
void		 quote_doc_end(struct quote_doc *);

/* "direct", "partial", "indirect". */
const char	*quote_kind_name(enum quote_kind);

#endif
