#!/bin/sh
# Scratch build of the entity tools until the Makefile has rules for them.
set -e
cd "$(dirname "$0")/.."
CC=${CC:-cc}
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -O2 $(pkg-config --cflags libbsd-overlay)"
LIBS="$(pkg-config --libs libbsd-overlay) -lm"
mkdir -p bin
$CC $CFLAGS -Ilib -o bin/nertrain tools/nertrain.c lib/nerfeat.c lib/tok.c $LIBS
if [ "$1" = model ]; then
	bin/nertrain -d ../shared/train/ner -l data/ner -o lib/ner_model.c
fi
if [ -f lib/ner_model.c ]; then
	$CC $CFLAGS -Ilib -o ${NERTAG:-bin/nertag} tools/nertag.c lib/ner.c lib/nerfeat.c lib/tok.c lib/ner_model.c $LIBS
fi
