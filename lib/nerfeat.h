/*
 * nerfeat: the features of the entity tagger, shared by the run-time
 * tagger (ner.c) and the trainer (tools/nertrain.c) so that both see
 * exactly the same feature hashes.
 *
 * A sentence is first turned into per-token facts (struct ner_tokinfo:
 * word and shape hashes, lexicon class bits, how often the word is written
 * in lower case, document history); features are then 64-bit hashes of a
 * template number and a few of those facts, made with integer mixing only.
 */
#ifndef NERFEAT_H
#define NERFEAT_H

#include <stddef.h>
#include <stdint.h>

/* BIO labels over the four training types. */
enum ner_label {
	NER_O,
	NER_B_PER, NER_I_PER,
	NER_B_LOC, NER_I_LOC,
	NER_B_ORG, NER_I_ORG,
	NER_B_MISC, NER_I_MISC,
	NER_NLABELS
};

/* Entity types (label 2t-1 is B-, 2t is I- of type t). */
enum ner_type { NER_NONE, NER_PER, NER_LOC, NER_ORG, NER_MISC, NER_NTYPES };

#define NER_LABEL_TYPE(l)	(((l) + 1) / 2)
#define NER_LABEL_ISB(l)	((l) != NER_O && ((l) & 1))

/* Lexicon classes (bits of struct ner_lexent.bits). */
#define NER_LX_COUNTRY	0x0001	/* country name (iso-codes) */
#define NER_LX_REGION	0x0002	/* state, province (iso-codes) */
#define NER_LX_CITY	0x0004	/* city (tz database, word list) */
#define NER_LX_TITLE	0x0008	/* title or role before a name */
#define NER_LX_ORGWORD	0x0010	/* word that ends or heads an org name */
#define NER_LX_DEMONYM	0x0020	/* nationality, religion, party member */
#define NER_LX_DATE	0x0040	/* month or weekday name */
#define NER_LX_FIRST	0x0080	/* often a person's first name */
#define NER_LX_LAST	0x0100	/* often a person's last name */
#define NER_LX_LOCTOK	0x0200	/* often inside a place name */
#define NER_LX_ORGTOK	0x0400	/* often inside an organisation name */
#define NER_LX_CUE	0x0800	/* cue after a person: said, told */
#define NER_LX_LOCWORD	0x1000	/* River, Mountains, Island, Street */
#define NER_LX_ORGNAME	0x2000	/* a known organisation */
#define NER_LX_GIVEN	0x4000	/* a given name (data/quote/names.txt) */
#define NER_LX_PHRASE	0x8000	/* a multi-word entry continues */
/*
 * The bits that are features.  NER_LX_GIVEN is not: as one it cost dev
 * PER 0.826 -> 0.820; it serves the rules after the model.
 */
#define NER_LX_FEATURES	0x3fff
#define NER_LX_NBITS	16

/* Lower-case ratio buckets (struct ner_lexent.lcr). */
enum { NER_LCR_UNSEEN, NER_LCR_NEVER, NER_LCR_RARE, NER_LCR_HALF,
	NER_LCR_MOSTLY, NER_LCR_ALWAYS };

struct ner_lexent {
	uint16_t	 bits;	/* NER_LX_* */
	uint8_t		 lcr;	/* NER_LCR_* */
};

/*
 * Looks a word (or a phrase, by its hash) up in a lexicon; returns 1 and
 * fills *e when found.  The tagger uses the compiled table, the trainer a
 * table built from its data.
 */
typedef int	(*ner_lookup_fn)(void *ctx, uint64_t key, struct ner_lexent *e);

/* Per-token facts. */
struct ner_tokinfo {
	uint64_t	 word;	/* hash of the lower-cased word */
	uint64_t	 exact;	/* hash of the word as written */
	uint32_t	 shape;	/* hash of the collapsed shape (Xx, X.X., dd) */
	uint16_t	 bits;	/* lexicon bits, phrases expanded */
	uint16_t	 pbits;	/* lexicon bits of a phrase starting here */
	uint8_t		 lcr;
	uint8_t		 cap;	/* has an upper-case letter */
	uint8_t		 init;	/* first word of a sentence */
	uint8_t		 hist;	/* type this word got earlier in the doc */
	uint16_t	 rbits;	/* lexicon bits of the last word of the run */
	uint64_t	 rword;	/* that word's hash, 0 if this token ends it */
	size_t		 rend;	/* index of that word */
	uint32_t	 suf;	/* hash of the last three letters */
	uint8_t		 phr;	/* a lexicon phrase may start here */
	uint8_t		 done;	/* the facts above are computed */
	uint8_t		 alpha;	/* starts with a letter */
};

/* History values beyond the entity types (ner_tokinfo.hist). */
#define NER_HIST_O	5	/* seen capitalised, not a name */
#define NER_HIST_LOWER	6	/* seen in lower case in this document */

/*
 * The history key under which a lower-case word is remembered, and
 * whether a token is worth remembering so: a word the lexicon does not
 * know as mostly lower case, so that "Iodine" opening a sentence after
 * "intake of iodine" is known for a common noun.
 */
#define NER_LOWKEY(word)	((word) ^ 0x6c6f776572636173ULL)
#define NER_LOWMARK(t)	((t)->done && !(t)->cap && (t)->alpha && \
			    (t)->lcr <= NER_LCR_HALF)

/* Longest lexicon phrase, in tokens. */
#define NER_MAXPHRASE	6

/* Most features one token can have. */
#define NER_MAXFEAT	64

uint64_t ner_hash_word(const char *s, size_t len);
uint64_t ner_hash_exact(const char *s, size_t len);
uint64_t ner_hash_phrase(uint64_t h, uint64_t word);
uint64_t ner_hash_mix(uint64_t);

/*
 * Fill ti[0..n) for the tokens (s[k], len[k]); hist is left zero.  Only
 * tokens near a capitalised word get all their facts (done); the decoder
 * calls ner_feat_ensure() for others it needs.  cap[k], when cap is not
 * NULL, says whether token k has an upper-case letter (the tokenizer
 * knows: TOK_HASUPPER), which is otherwise found here.
 */
void	ner_feat_sentence(struct ner_tokinfo *ti, const char *const *s,
	    const size_t *len, const uint8_t *cap, size_t n,
	    ner_lookup_fn look, void *ctx);

/*
 * Make sure the facts of tokens i-2 .. i+2 are computed; call before
 * ner_feat_extract() for token i.
 */
void	ner_feat_ensure(struct ner_tokinfo *ti, const char *const *s,
	    const size_t *len, size_t n, size_t i, ner_lookup_fn look,
	    void *ctx);

/*
 * Does token i need the model at all?  A lower-case token after an O
 * label, with no capitalised neighbour, is O in practice; skipping it
 * keeps the tagger fast and is applied in training as well.
 */
int	ner_feat_skip(const struct ner_tokinfo *ti, size_t n, size_t i,
	    int yprev);

/*
 * Write the feature hashes of token i, given the two previous labels;
 * returns how many (at most NER_MAXFEAT).
 */
size_t	ner_feat_extract(const struct ner_tokinfo *ti, size_t n, size_t i,
	    int y1, int y2, uint64_t *f);

/*
 * The same features in two parts: those of the token and its neighbours
 * alone, which may be scored ahead of the tagger, and those of the labels
 * before it and the document history (the first NER_NDYNFIX always, then
 * one for each lexicon bit below blim).
 */
#define NER_NDYNFIX	6
size_t	ner_feat_static(const struct ner_tokinfo *ti, size_t n, size_t i,
	    uint64_t *f, unsigned *blim);
size_t	ner_feat_dynamic(const struct ner_tokinfo *ti, size_t i, int y1,
	    int y2, unsigned blim, uint64_t *f);

/* May label y follow label prev (BIO: I-X only after B-X or I-X)? */
int	ner_label_ok(int prev, int y);

#endif /* NERFEAT_H */
