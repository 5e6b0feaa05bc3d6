/*
 * ent_int.h - what the two halves of the entity finder share, inside
 * the library only (ent.h is the interface):
 *   ent_span.c  the spans of one sentence: the tagger's and the
 *               dictionary's, and the rules that mend them (titles,
 *               appositions, German quotes, storms and ships, works,
 *               organisations before people, datelines);
 *   ent.c       the mentions of the document: held until it ends, then
 *               given a second look, teams told from places, and each
 *               one sent out with its NAME; the prepared paragraphs.
 */
#ifndef NU_ENT_INT_H
#define NU_ENT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ent.h"
#include "link.h"
#include "ner.h"
#include "tok.h"

#define DATELINE_MAX	120	/* how far into a paragraph its dash may be */
#define DATELINE_SPANS	4
#define DATELINE_PARAS	6	/* it may follow a headline, byline, photo */
#define HEAD_PARAS	3	/* a headline is one of the first paragraphs */
#define HEAD_MAX	200	/* bytes of a headline */
#define SPORTY_MAX	512	/* sports paragraphs a document remembers */

/* Is the word s[0..n) in list l of data/ent/rules.txt (ent_tab.h)? */
#define INLIST(l, s, n)	tok_inlist(ent_w_##l, \
	sizeof(ent_w_##l) / sizeof(ent_w_##l[0]), (s), (n))

/* A mention waiting for its NAME. */
struct pending {
	unsigned long long start, end;
	size_t		 toff, tlen;	/* text, in the finder's arena */
	size_t		 ent;		/* link entity, or LINK_NONE */
	size_t		 sentence;
	enum ent_type	 type;		/* as tagged, for LINK_NONE */
	int		 german;	/* one word inside „...“ */
	int		 fixed;		/* a dateline's place, or after "in" */
	int		 team;		/* a place standing for its team */
	size_t		 para;		/* its paragraph's number */
};

/* A span of the current sentence, from the model or the dictionary. */
struct span {
	size_t		 start, end;	/* bytes of the sentence */
	enum ent_type	 type;
	size_t		 tstart, tlen;	/* a title just before it */
	int		 caps;		/* a dateline's place, in capitals */
	int		 german;	/* inside German quotation marks */
};

struct ent_finder {
	const struct link_dict *dict;
	struct link_doc	*ld;
	struct ner	*ner;
	struct ent_prep	*prep;		/* for ent_para(), or NULL */
	const struct tok *tv;		/* the sentence's tokens */
	size_t		 nt;
	ent_emit_fn	 emit;
	void		*arg;
	struct pending	*pv;
	size_t		 np, pcap;
	char		*text;
	size_t		 tlen, tcap;
	struct span	*sv;
	size_t		 ns, scap;
	size_t		 sentence;
	struct span	 dl[DATELINE_SPANS];	/* the paragraph's dateline */
	size_t		 ndl;
	struct head {
		unsigned long long off;		/* in the document */
		size_t		 sentence;
		size_t		 len;
		char		 text[HEAD_MAX];
	}		 head[HEAD_PARAS];	/* see second_look() */
	size_t		 nhead;
	struct tok_list	 htl;
	int		 scores;	/* results ("1-0") in the document */
	int		 sportw;	/* sports words from the first one on */
	size_t		 para;		/* the paragraph's number */
	size_t		 sporty[SPORTY_MAX];	/* paragraphs with either */
	size_t		 nsporty;
	uint32_t	 sbits[32];	/* see sports_word() */
	struct ent_found *fv;		/* the paragraph's, see ent_found() */
	size_t		 nf, fcap;
	/* Link entities with a mention printed, once the document ended. */
	unsigned char	 printed[LINK_MAX_ENTITIES / 8];
	int		 ended;
	long long	 german, english;	/* function words seen */
};

/* ent.c */
const char	*ent_title_case(char *, const char *, size_t);
void		 ent_add(struct ent_finder *, const char *, unsigned long long,
		    const struct span *);
void		 ent_sport(struct ent_finder *, const char *, const struct tok *,
		    size_t);

/* ent_span.c */
void		 ent_sentence(struct ent_finder *, const char *, size_t,
		    unsigned long long, size_t, const struct tok *, size_t,
		    struct ner_tokinfo *, const struct ner_pre *);
size_t		 ent_dateline(struct ent_finder *, const char *, size_t);

#endif
