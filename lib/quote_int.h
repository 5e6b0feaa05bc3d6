/*
 * quote_int.h - what the parts of the quote finder share, inside the
 * library only (quote.h is the interface):
 *   quote_mark.c   the quote marks of a paragraph, paired into spans;
 *   quote_names.c  its tokens, and the people and organisations of the
 *                  document, from the mentions `entities` finds (ent.h);
 *   quote_subj.c   who the subject of a speech verb is: a name, an
 *                  apposition, a pronoun or a description resolved;
 *   quote.c        each quote attributed, and its record.
 */
#ifndef NU_QUOTE_INT_H
#define NU_QUOTE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ent.h"
#include "link.h"
#include "quote.h"
#include "tok.h"
#include "words.h"



#define NAME_MAX_LEN	120	/* a longer name is cut */
#define ROLE_MAX_LEN	32
#define ENT_MAX		1024	/* people and organisations a document */
#define EHASH		4096	/* slots of the name indexes, a power of two */
#define CTX_MAX		40	/* tokens of context searched for a cue */
#define SUBJ_MAX	60	/* tokens searched for a cue's subject, each side */

/* Kinds of quote marks. */
enum mark {
	M_DQ,		/* " */
	M_LDQ,		/* U+201C */
	M_RDQ,		/* U+201D */
	M_LOWDQ,	/* U+201E */
	M_LG,		/* U+00AB */
	M_RG,		/* U+00BB */
	M_SQ,		/* ' */
	M_LSQ,		/* U+2018 */
	M_RSQ,		/* U+2019 */
	M_LSG,		/* U+2039 */
	M_RSG		/* U+203A */
};

/* A paragraph is at most DOC_PARA_MAX bytes, so 32 bits hold offsets. */
struct mark_at {
	uint32_t	 off;
	uint32_t	 sclose;	/* the next single mark that may close */
	unsigned char	 len;
	unsigned char	 kind;
};

/* A quote span of a paragraph, in bytes of the paragraph. */
struct span {
	size_t		 o0, o1;	/* the opening mark */
	size_t		 c0, c1;	/* the closing mark; c0 == c1 == len if none */
	int		 closed;
	int		 cont;		/* continues the last paragraph's quote */
	size_t		 t0, t1;	/* tokens inside: [t0, t1) */
	size_t		 to, tc;	/* token of the opening, closing mark */
	size_t		 skipped;	/* words of sentences not tokenized */
	int		 kept;		/* taken as a quote: its kind + 1, or 0 */
};

/* What a token is, besides its text. */
struct tinfo {
	uint32_t	 link;		/* its mention's link entity, or TI_NOLINK */
	int		 q;		/* quote it is inside, or -1 */
	int		 ent;		/* entity, or -1 */
	uint32_t	 e0, e1;	/* the entity's tokens */
	unsigned int	 bits;		/* QT_* of the word */
	unsigned int	 pbits;		/* QT_* of a phrase starting here */
	uint32_t	 sent;		/* sentence number in the paragraph */
	unsigned char	 plen;		/* its tokens */
	unsigned char	 mark;		/* it is a quote mark */
	unsigned char	 other;		/* inside a place or other name */
};

enum { G_NONE, G_MALE, G_FEMALE };
enum { E_PERSON, E_ORG, E_PLACE, E_NONAME };

/* A person or organisation of the document. */
struct qent {
	char		 name[NAME_MAX_LEN];
	size_t		 nlen;
	char		 role[ROLE_MAX_LEN];
	size_t		 rlen;
	int		 type;
	int		 gender;
	long long	 mention;	/* position last named, or -1 */
	long long	 speech;	/* position last the subject of speech */
	long long	 msent, ssent;	/* sentence of the last mention, speech */
	long long	 pmention, pmsent;	/* the mention before the last */
	size_t		 link;		/* its link entity, or LINK_NONE */
	size_t		 nwords;	/* words of the mention linked */
	unsigned int	 nh, lh;	/* hashes of the name and its last word */
	int		 lnext;		/* next entity of the same surname slot */
	int		 newer, older;	/* the recency list, when inlist */
	int		 inlist;
};

/* A record waiting for the end of its document. */
struct pending {
	size_t		 text, len;	/* in the arena */
	unsigned long long start, end;
	enum quote_kind	 kind;
	size_t		 cue, cuelen;	/* in the arena */
	size_t		 wr, wrlen;	/* in the arena */
	unsigned long long wstart, wend;
	int		 ent;		/* speaker, or -1 */
	size_t		 para;
};

/*
 * The person a sentence names first, outside quotes, and where: ent is
 * -1 when it names none, -2 when a person's pronoun comes first.
 */
struct first {
	int		 ent;
	long long	 pos;
};

/* The result of resolving who a cue's subject is. */
struct who {
	int		 ent;		/* -1 when unknown */
	size_t		 w0, w1;	/* tokens as written; w0 == w1 if none */
	int		 found;		/* something stood in the subject's place */
};

struct quote_doc {
	quote_emit_fn	 emit;
	void		*arg;
	int		 indirect;
	struct ent_finder *ef;		/* the names: entities' own */

	/* The paragraph. */
	const char	*p;
	size_t		 len;
	unsigned long long off;
	size_t		 pn;
	struct tok_list	 tl;
	struct tinfo	*ti;
	size_t		 ticap;
	int		*used;		/* cues already given a subject */
	size_t		 usedcap;
	unsigned char	*sflag;		/* SF_* of each sentence */
	size_t		 sfcap;
	struct first	*first;		/* who each sentence names first */
	size_t		 firstcap;
	struct mark_at	*marks;
	size_t		 nmarks, mcap;
	struct span	*spans;
	size_t		 nspans, scap;
	size_t		*sstart;	/* first token of each sentence */
	size_t		 nsent, sscap;

	/* The document. */
	struct qent	*ents;
	size_t		 nents;
	/*
	 * Indexes of the entities: by whole name (open addressing, entity
	 * + 1; a renamed entity keeps its old slot too, checked on use)
	 * and by surname (chains through lnext, -1 ends).
	 */
	int		*nslot, *lslot;
	size_t		 nused;
	int		 mru;		/* the entity named or speaking last */
	long long	 pos;		/* token position in the document */
	long long	 sbase;		/* sentences before the paragraph */
	int		 last_direct;	/* the last quote was direct */
	int		 open_at_end;	/* the last paragraph ended in a quote */
	int		 open_kind;	/* the mark that opened it */
	int		 cut;		/* the paragraph goes on from a cut one */
	int		 last_ent;	/* speaker of the last quote */
	size_t		 last_para;	/* its paragraph */
	int		 speech_ent;	/* subject of the last speech cue */
	size_t		 speech_para;
	long long	 anon_speech;	/* when someone unnamed spoke last */
	struct first	 lastfirst;	/* of the last paragraphs' last such */
	long long	 lastfirst_sent;	/* sentence, and which it is */
	int		 label;		/* the paragraph's speaker label, or -1 */
	int		 label_last;	/* the last label of the document */
	int		 label_prev;	/* the one before it, another person */
	int		 de;		/* the document is in German (ent.h) */

	struct pending	*pend;
	size_t		 npend, pcap;
	char		*arena;
	size_t		 alen, acap;
};

/* No link entity (LINK_NONE), in the 32 bits of tinfo's link. */
#define TI_NOLINK	UINT32_MAX
_Static_assert(LINK_MAX_ENTITIES < TI_NOLINK, "link entities fit tinfo");

/* What a sentence of the paragraph holds, found once (sflag). */
#define SF_MARK		0x1	/* a quote mark */
#define SF_VERB		0x2	/* a speech verb outside quotes */
#define SF_VERB_KNOWN	0x4	/* SF_VERB was found out */

/* Tokens. */

static inline int
ent_at(const struct quote_doc *q, size_t i)
{
	return q->ti[i].ent >= 0 ? q->ti[i].ent : -1;
}

static inline const char *
tstr(const struct quote_doc *q, size_t i, size_t *n)
{
	*n = q->tl.v[i].len;
	return q->p + q->tl.v[i].off;
}

/* Whether token i (which may be out of range) is the word w. */
static inline int
tis(const struct quote_doc *q, size_t i, const char *w)
{
	size_t	 n;
	const char *s;

	if (i >= q->tl.n)
		return 0;
	s = tstr(q, i, &n);

	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Whether token i is a possessive ending or an apostrophe ('s, ', curly too). */
static inline int
is_poss(const struct quote_doc *q, size_t i)
{
	return tis(q, i, "'s") || tis(q, i, "'") ||
	    tis(q, i, "\xe2\x80\x99s") || tis(q, i, "\xe2\x80\x99");
}

static inline int
tword(const struct quote_doc *q, size_t i)
{
	return q->tl.v[i].kind == TOK_WORD;
}

static inline int
tcap(const struct quote_doc *q, size_t i)
{
	return q->tl.v[i].kind == TOK_WORD && (q->tl.v[i].flags & TOK_UPPER);
}

/* First token of the sentence of token k. */
static inline size_t
sent_first(const struct quote_doc *q, size_t k)
{
	return q->sstart[q->ti[k].sent];
}

/* quote_mark.c: marks. */
void		 add_mark(struct quote_doc *, size_t, size_t, int);
void		 find_marks(struct quote_doc *);
void		 pair_marks(struct quote_doc *);

/* quote_names.c: tokens and names. */
void		*room(void *, size_t *, size_t, size_t);
long long	 act(const struct qent *);
void		 touch(struct quote_doc *, int);
int		 name_ent(struct quote_doc *, int, size_t, size_t);
int		 known_surname(const struct quote_doc *, size_t, int);
int		 german_role(const struct quote_doc *, size_t, size_t);
size_t		 word_end(const struct quote_doc *, size_t, size_t);
void		 tag_prep(struct quote_doc *, const struct ent_prep *, size_t);
void		 tag_rest(struct quote_doc *);

/* quote_subj.c: subjects. */
void		 who_set(struct who *, int, size_t, size_t);
size_t		 sent_end(const struct quote_doc *, size_t);
size_t		 clause_first(const struct quote_doc *, size_t, size_t);
void		 clause_subject(struct quote_doc *, size_t, size_t,
		    struct who *);
void		 one_person(struct quote_doc *, size_t, size_t, struct who *);
void		 subj_of(struct quote_doc *, size_t, size_t, size_t,
		    unsigned int, size_t, struct who *);
unsigned int	 cue_at(const struct quote_doc *, size_t, size_t *);
int		 has_verb_before(const struct quote_doc *, size_t, size_t);

#endif
