/*
 * ner: the statistical named-entity tagger.
 *
 * A greedy left-to-right averaged perceptron over BIO labels (PER, LOC,
 * ORG, MISC as in the CoNLL-style training data) with word, shape,
 * lexicon and document-history features (lib/nerfeat.c).  The weights
 * and word lists are compiled in (lib/ner_model.c, made by `make model`),
 * so there is nothing to load.
 *
 * Use:
 *	struct ner *n = ner_new();
 *	for each document:
 *		ner_doc_begin(n);
 *		for each sentence (or paragraph) of it:
 *			tok_text(&tl, text, len);
 *			k = ner_tag_sentence(n, text, tl.v, tl.n, &spans);
 *	ner_free(n);
 *
 * Spans follow CoNLL practice: no leading "the", no possessive 's, and
 * titles ("President", "Mr.") stay outside PERSON spans.  Types: the
 * model's LOC becomes GPE when the whole span is a country, state or
 * city in the lexicon (iso-codes, tz database, data/ner), its MISC
 * becomes NORP for a nationality or group (data/ner/demonyms.txt).
 *
 * Memory: the tagger works on pieces of at most 512 tokens and keeps a
 * fixed-size document history, so only the span array grows, with the
 * number of names in one sentence.  Not thread-safe per struct ner; use
 * one per thread.
 */
#ifndef NER_H
#define NER_H

#include <stddef.h>

#include "nerfeat.h"
#include "tok.h"

/* Product types, in the order of the man page. */
enum ner_ptype {
	NER_PT_PERSON,
	NER_PT_ORG,
	NER_PT_GPE,		/* countries, cities, states */
	NER_PT_LOC,		/* other places */
	NER_PT_NORP,		/* nationalities, religious and political groups */
	NER_PT_MISC,		/* events, works, products, laws */
	NER_PT_COUNT
};

struct ner_span {
	int		 type;		/* enum ner_ptype */
	int		 base;		/* enum ner_type (nerfeat.h): PER LOC ORG MISC */
	size_t		 tok_start;	/* tokens [tok_start, tok_end) */
	size_t		 tok_end;
	size_t		 start;		/* bytes [start, end) of the text */
	size_t		 end;
	size_t		 title;		/* a title token just before, or (size_t)-1 */
};

struct ner;

struct ner	*ner_new(void);
void		 ner_free(struct ner *);

/* Forget the document history: a new document starts. */
void		 ner_doc_begin(struct ner *);

/*
 * Tag one sentence: toks[0..ntok) with offsets into text.  Sets *spans
 * to the entity spans found, in text order, and returns their number.
 * The spans stay valid until the next call.
 */
size_t		 ner_tag_sentence(struct ner *, const char *text,
		    const struct tok *toks, size_t ntok,
		    const struct ner_span **spans);

/*
 * What the tagger can work out for a sentence without the document's
 * history, so ahead of it and in another thread: the facts of every token
 * (struct ner_tokinfo) and, for each token it will score whatever the
 * labels before it, the scores of the features that do not depend on
 * those labels (ner_feat_static).
 */
struct ner_pre {
	int32_t		 sc[NER_NLABELS];
	uint8_t		 blim;		/* see ner_feat_static() */
	uint8_t		 ok;		/* sc and blim are set */
};

/*
 * Fill ti[0..ntok) and pre[0..ntok) for a sentence, the scores only if
 * scores is not 0 (the tagger works out the others); reads only the
 * compiled model, so any thread may call it.
 */
void		 ner_prepare(const char *text, const struct tok *toks,
		    size_t ntok, struct ner_tokinfo *ti, struct ner_pre *pre,
		    int scores);

/*
 * ner_tag_sentence() for a sentence ner_prepare() was given: the same
 * spans, with the work done ahead.  ti is written to.
 */
size_t		 ner_tag_prepared(struct ner *, const char *text,
		    const struct tok *toks, size_t ntok,
		    struct ner_tokinfo *ti, const struct ner_pre *pre,
		    const struct ner_span **spans);

/* Is the word mostly written in lower case (in the training text)? */
int		 ner_mostly_lower(const char *s, size_t len);

/*
 * Is the word a common word rather than a name: mostly lower case in the
 * training text or written in lower case earlier in this document, and
 * no given name or surname of the lexicon?
 */
int		 ner_common_word(struct ner *, const char *s, size_t len);

/* "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC". */
const char	*ner_type_name(int ptype);

/* "PER", "LOC", "ORG", "MISC" for enum ner_type. */
const char	*ner_base_name(int type);

#endif /* NER_H */
