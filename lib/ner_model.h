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
 * The weight table is two parallel arrays: the keys alone, small enough
 * to stay in cache while a lookup probes them (most features are not in
 * the model, so most lookups only ever touch keys), and the label scores.
 */
extern const uint32_t ner_model_wkey[];
extern const int16_t ner_model_wval[][NER_NLABELS];
extern const uint32_t ner_model_wmask;
extern const struct ner_lslot ner_model_lex[];
extern const uint32_t ner_model_lmask;

#define NER_MODEL_KEY(h)	((uint32_t)((h) >> 32) | 1u)

#endif /* NER_MODEL_H */
