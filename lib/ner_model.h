/*
 * ner_model: the layout of the compiled-in entity model.  The tables are
 * defined in the generated lib/ner_model.c (`make model`); only ner.c and
 * the trainer that writes them need this header.
 *
 * Both tables are open-addressing hash tables in slot order, so that the
 * model needs no set-up at start: slot = hash & mask, then linear probing;
 * a key of 0 ends the probe.  Keys are the high 32 bits of the 64-bit
 * hash with the low bit set, so that no key is 0.
 */
#ifndef NER_MODEL_H
#define NER_MODEL_H

#include <stdint.h>

#include "nerfeat.h"

struct ner_lslot {
	uint32_t	 key;
	uint16_t	 bits;		/* NER_LX_* */
	uint8_t		 lcr;		/* NER_LCR_* */
};

/*
 * The weight table is a bucketed cuckoo hash: a feature's key is in one
 * of the 4 slots of bucket B1 or of bucket B2, so a lookup is 8 compares
 * without branches (most features are not in the model, and a branch on
 * found/not found would be mispredicted half the time).  A slot gives
 * the row of the feature's label scores; row 0 is all zeros and stands
 * for "not found", so the scores are added without a branch as well.
 */
struct ner_wslot {
	uint32_t	 key;
	uint32_t	 row;
};

extern const struct ner_wslot ner_model_wslot[];	/* 4 per bucket */
extern const int16_t ner_model_wval[][NER_NLABELS];

#define NER_MODEL_B1(h, mask)	((uint32_t)(h) & (mask))
#define NER_MODEL_B2(h, mask)	\
	((uint32_t)(((h) * 0x9e3779b97f4a7c15ULL) >> 40) & (mask))
extern const uint32_t ner_model_wmask;	/* buckets - 1 */
extern const struct ner_lslot ner_model_lex[];
extern const uint32_t ner_model_lmask;

#define NER_MODEL_KEY(h)	((uint32_t)((h) >> 32) | 1u)

#endif /* NER_MODEL_H */
