/*
 * ent.h - the entity mentions of a document: the tagger (ner.h) over
 * each sentence, the user dictionary's names found in the text, titles
 * kept outside people's names, and every mention linked (link.h) to its
 * entity.  `entities` prints what this finds; `quotes` may use it to
 * know the people of a document.
 *
 * Use: ent_doc_begin at each document, ent_para for each paragraph, and
 * ent_doc_end; the emit function given to ent_new gets every mention in
 * text order once its NAME has settled, which is at the document's end,
 * or earlier when a huge document fills the buffer (ENT_BUF_MAX).
 */
#ifndef NU_ENT_H
#define NU_ENT_H

#include <stddef.h>

#include "doc.h"
#include "link.h"

struct tok;

/* Mentions (and bytes of their text) buffered before names settle. */
#define ENT_BUF_MAX	65536
#define ENT_TEXT_MAX	(4 * 1024 * 1024)

struct ent_mention {
	enum ent_type	 type;		/* the entity's settled type */
	const char	*name;		/* its NAME */
	size_t		 namelen;
	const char	*text;		/* the mention as written */
	size_t		 textlen;
	unsigned long long start, end;	/* bytes of the document */
	size_t		 sentence;	/* sentence of the document, from 1 */
	const char	*title;		/* a person's title or role, or NULL */
	size_t		 titlelen;
	int		 gender;	/* 'm', 'f' when a title says, else 0 */
};

typedef void	(*ent_emit_fn)(const struct ent_mention *, void *);

struct ent_finder;

/* dict may be NULL (no aliases at all). */
struct ent_finder *ent_new(const struct link_dict *, ent_emit_fn, void *);
void		 ent_free(struct ent_finder *);

void		 ent_doc_begin(struct ent_finder *);
void		 ent_para(struct ent_finder *, const struct para *);
void		 ent_doc_end(struct ent_finder *);

/*
 * The work on paragraphs that needs no document state (sentences, tokens,
 * the tagger's facts and static scores), done ahead, in another thread:
 * ent_prep_para() on each paragraph in turn, then ent_para_prepared() on
 * the k-th of them (from 0) in place of ent_para().  The text of the
 * paragraphs must stay in place until ent_prep_clear().
 */
struct ent_prep;

struct ent_prep	*ent_prep_new(void);
void		 ent_prep_free(struct ent_prep *);
void		 ent_prep_clear(struct ent_prep *);
void		 ent_prep_para(struct ent_prep *, const struct para *);
/*
 * The part of the tagger's scores worked out ahead, per mille (1000, all,
 * at first); ent_para_prepared() does the rest, with the same outcome.
 */
void		 ent_prep_share(struct ent_prep *, unsigned);
void		 ent_para_prepared(struct ent_finder *, const struct para *,
		    struct ent_prep *, size_t k);

/*
 * Sentence j (from 0) of paragraph k of a prep, as ent_prep_para() split
 * and tokenized it: bytes [*s, *e) of the paragraph, and its tokens, with
 * offsets from *s, in tv[0..*nt).  Returns 0 when the paragraph has no
 * sentence j.  A caller that needs the same sentences and tokens (quotes)
 * takes them from here rather than making them again.
 */
int		 ent_prep_sentence(const struct ent_prep *, size_t k,
		    size_t j, size_t *s, size_t *e, const struct tok **tv,
		    size_t *nt);

/*
 * For a caller that works on each paragraph as it comes (quotes): the
 * mentions the last ent_para() or ent_para_prepared() found, in text
 * order, before their names settle.  ent is the link entity (link.h),
 * which ent_name() names once the document is over.
 */
struct ent_found {
	unsigned long long start, end;	/* bytes of the document */
	enum ent_type	 type;		/* as tagged */
	size_t		 ent;		/* link entity, or LINK_NONE */
};

size_t		 ent_found(const struct ent_finder *,
		    const struct ent_found **);
/*
 * After ent_doc_end(): the NAME that `entities` printed for link entity
 * ent, or NULL when it printed no mention of it (an
 * abbreviation, a common word).  Before it (a caller flushing a huge
 * document early): the name so far.
 */
const char	*ent_name(const struct ent_finder *, size_t ent, size_t *len);
/* Whether the document is in German, by its function words so far. */
int		 ent_german(const struct ent_finder *);

#endif
