# newsutils - see README.md.  `make deps check` is all a fresh Debian
# machine needs; `make help` lists the targets.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=

CC	?= cc
CFLAGS	?= -O2 -g
NU_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Ilib \
	$(shell pkg-config --cflags libbsd-overlay libpcre2-8)
NU_LIBS	= $(shell pkg-config --libs libbsd-overlay libpcre2-8) -lm -pthread

# SANITIZE=1 builds everything with AddressSanitizer and UBSan into its
# own folders, so the two builds never mix.  FUZZBUILD=1 (set by `make
# fuzz`) builds the library with clang for libFuzzer into a third.
ifdef FUZZBUILD
NU_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=undefined
NU_LIBS	+= -fsanitize=fuzzer,address,undefined
O	= build-fuzz
B	= bin-fuzz
else ifdef SANITIZE
NU_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
NU_LIBS	+= -fsanitize=address,undefined
O	= build-san
B	= bin-san
else
O	= build
B	= bin
endif

PROGS	= $(patsubst cmd/%.c,%,$(wildcard cmd/*.c))
TOOLS	= $(patsubst tools/%.c,%,$(wildcard tools/*.c))
LIBSRC	= $(wildcard lib/*.c)
LIBOBJ	= $(LIBSRC:%.c=$(O)/%.o)
LIBA	= $(O)/libnewsutils.a
UNITS	= $(patsubst tests/unit/%.c,$(O)/tests/unit/%.t,$(wildcard tests/unit/*.c))
MANS	= $(wildcard man/*.[17])
E	= ../shared/eval

all: $(PROGS:%=$(B)/%) $(TOOLS:%=$(B)/%)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(NU_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/%: $(O)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIBA) $(NU_LIBS)

$(B)/%: $(O)/tools/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIBA) $(NU_LIBS)

$(O)/tests/unit/%.t: $(O)/tests/unit/%.o $(LIBA)
	$(CC) $(CFLAGS) -o $@ $< $(LIBA) $(NU_LIBS)

# The alias and title tables of lib/linkdict.c and the word tables of
# lib/link.c, generated from data/.
LINKTAB	= data/aliases.tsv data/countries.tsv data/places.tsv \
	data/titles.txt data/orgsuffixes.txt data/locsuffixes.txt \
	data/locprefixes.txt data/miscprefixes.txt data/miscsuffixes.txt
$(O)/gen/link_tab.h: tools/linktab.awk $(LINKTAB)
	@mkdir -p $(@D)
	awk -f tools/linktab.awk $(LINKTAB) > $@.tmp && mv $@.tmp $@
# Its word lists, from data/link/words.txt.
$(O)/gen/link_words.h: tools/word-tab.sh data/link/words.txt
	@mkdir -p $(@D)
	sh tools/word-tab.sh link data/link/words.txt > $@.tmp && mv $@.tmp $@
$(O)/lib/link.o: $(O)/gen/link_tab.h $(O)/gen/link_words.h
$(O)/lib/linkdict.o: $(O)/gen/link_tab.h
$(O)/lib/link.o $(O)/lib/linkdict.o: NU_CFLAGS += -I$(O)/gen

# The cue and word table of lib/words.c, generated from data/quote/.
QUOTETAB = data/quote/cues.txt data/quote/words.txt data/quote/names.txt
$(O)/gen/quote_tab.h: tools/quote-tab.sh $(QUOTETAB)
	@mkdir -p $(@D)
	sh tools/quote-tab.sh $(QUOTETAB) > $@.tmp && mv $@.tmp $@
QUOTEOBJ = $(O)/lib/quote.o $(O)/lib/quote_mark.o $(O)/lib/quote_names.o \
	$(O)/lib/quote_subj.o $(O)/lib/words.o
$(QUOTEOBJ) $(O)/lib/ent.o $(O)/lib/ent_span.o: $(O)/gen/quote_tab.h
$(QUOTEOBJ): NU_CFLAGS += -I$(O)/gen

# The word tables of lib/sent.c (and its unit test), generated from
# data/sent/.
SENTTAB	= data/sent/titles.txt data/sent/abbrevs.txt data/sent/starters.txt \
	data/sent/credits.txt
$(O)/gen/sent_tab.h: tools/senttab.sh $(SENTTAB)
	@mkdir -p $(@D)
	sh tools/senttab.sh $(SENTTAB) > $@.tmp && mv $@.tmp $@
$(O)/lib/sent.o $(O)/tests/unit/sent.o: $(O)/gen/sent_tab.h
$(O)/lib/sent.o $(O)/tests/unit/sent.o: NU_CFLAGS += -I$(O)/gen

# The word lists of lib/ner.c's rules, of lib/ent*.c and of lib/tok.c,
# generated from data/ner/rules.txt, data/ent/rules.txt and
# data/tok/rules.txt.
$(O)/gen/%_tab.h: tools/word-tab.sh data/%/rules.txt
	@mkdir -p $(@D)
	sh tools/word-tab.sh $* data/$*/rules.txt > $@.tmp && mv $@.tmp $@
$(O)/lib/ner.o: $(O)/gen/ner_tab.h
$(O)/lib/ner.o: NU_CFLAGS += -I$(O)/gen
ENTOBJ	= $(O)/lib/ent.o $(O)/lib/ent_span.o
$(ENTOBJ): $(O)/gen/ent_tab.h
$(ENTOBJ): NU_CFLAGS += -I$(O)/gen
$(O)/lib/tok.o: $(O)/gen/tok_tab.h
$(O)/lib/tok.o: NU_CFLAGS += -I$(O)/gen

# The entity model, lib/ner_model.c, is generated and committed: `make
# model` retrains it from ../shared/train/ner (about a minute).
model: $(B)/nertrain
	$(B)/nertrain -d ../shared/train/ner -l data/ner -o lib/ner_model.c

-include $(shell find $(O) -name '*.d' 2>/dev/null)

deps:
	@sh tools/deps.sh

# check and demo first make sure the Debian packages are there, then run
# make again, so that pkg-config is asked after deps installed it.
check demo: deps
	@$(MAKE) --no-print-directory run-$@

# One prove run over the C unit tests and every bats file, so the last
# line is prove's summary.  NU_SANITIZE lets a test shrink its biggest
# inputs under the sanitizers.
run-check: all $(UNITS)
	NU_BIN=$(CURDIR)/$(B) NU_UNIT=$(CURDIR)/$(O)/tests/unit \
	    NU_SANITIZE=$(SANITIZE) \
	    prove -e tests/tap-exec $(UNITS) tests/*.bats

# The libFuzzer targets of fuzz/, each run FUZZ_SECONDS (see fuzz/run.sh).
FUZZ_SECONDS ?= 60
FUZZERS	= $(patsubst fuzz/%.c,%,$(wildcard fuzz/*.c))
fuzz:
	@$(MAKE) --no-print-directory FUZZBUILD=1 CC=clang run-fuzz
run-fuzz: $(FUZZERS:%=$(O)/fuzz/%)
	sh fuzz/run.sh $(O)/fuzz $(FUZZ_SECONDS) $(FUZZERS)
$(O)/fuzz/%: $(O)/fuzz/%.o $(LIBA)
	$(CC) $(CFLAGS) -o $@ $< $(LIBA) $(NU_LIBS)

run-demo: all
	@sh tools/demo.sh $(B)

eval: all
	@sh tools/eval.sh $(B)

bench: all
	@sh tools/bench.sh $(B)

# Robustness runs too slow for check: a 1 GB line through every program
# under a memory bound, and memcheck over the demo articles.
stress: all
	@sh tools/stress.sh $(B)

valgrind: all
	@sh tools/valgrind.sh $(B)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do install -m 755 $(B)/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(wildcard man/*.1); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done
	for m in $(wildcard man/*.7); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man7/; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(notdir $(wildcard man/*.1)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done
	for m in $(notdir $(wildcard man/*.7)); do rm -f $(DESTDIR)$(MANDIR)/man7/$$m; done

clean:
	rm -rf build build-san build-fuzz bin bin-san bin-fuzz

help:
	@echo "targets: all deps check demo eval bench fuzz stress valgrind install"
	@echo "         uninstall clean"
	@echo "variables: PREFIX DESTDIR SANITIZE=1 FUZZ_SECONDS FUZZ_PARALLEL FUZZERS CC CFLAGS"

.PHONY: all deps check demo run-check run-demo eval bench install uninstall \
	clean help model fuzz run-fuzz stress valgrind
.SECONDARY:
