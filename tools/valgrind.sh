#!/bin/sh
# make valgrind: every program of BIN under valgrind's memcheck over the
# demo articles (tests/corpus/) and the options that take other paths
# (-j, -b, -z, -p, -i, -d, --by-file, --merge, --chart, a missing file).
# Any invalid read or write, use of uninitialised memory, or leak (with
# --leak-check=full) fails the run.
#
#   sh tools/valgrind.sh [BIN]
set -u

BIN=${1:-bin}
C=tests/corpus
D=tests/mentions
T=${TMPDIR:-/tmp}/nu-valgrind.$$
status=0

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: valgrind is missing (apt-get install valgrind)" >&2
	exit 1
fi
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

# vg LABEL [< INPUT] PROG ARGS...: run under memcheck; a report fails.
vg() {
	label=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*==' "$T/err"; then
		echo "valgrind: $label: FAILED" >&2
		grep '^==' "$T/err" | head -30 >&2
		status=1
	else
		echo "valgrind: $label: clean (exit $rc)"
	fi
}

printf 'PERSON\tAna Ruiz\tRuiz\tA. Ruiz\nORG\tHarbor Authority\tHA\n' > "$T/dict"
for f in "$C"/*.txt; do cat "$f"; printf '\0'; done > "$T/docs"
"$BIN/entities" -H "$C"/*.txt > "$T/ents"
"$BIN/mentions" --partial "$T/ents" > "$T/counts"

vg "sentences -H corpus" "$BIN/sentences" -H "$C"/*.txt
vg "sentences -pbj" "$BIN/sentences" -pbj "$C/cup-final.txt"
vg "sentences -z" "$BIN/sentences" -z "$T/docs"
printf 'Some text.\n' | iconv -f UTF-8 -t UTF-16 > "$T/u16"
vg "sentences, a missing file" "$BIN/sentences" "$C/cup-final.txt" "$T/none"
vg "entities, UTF-16 and a directory" "$BIN/entities" "$T/u16" "$T" \
    "$C/cup-final.txt"
vg "quotes, a bad dictionary" "$BIN/quotes" -d "$T/u16" "$C/cup-final.txt"
vg "entities -H corpus" "$BIN/entities" -H "$C"/*.txt
vg "entities -bj -d" "$BIN/entities" -bj -d "$T/dict" "$C/harbor-strike.txt"
vg "entities -z -t PERSON" "$BIN/entities" -z -t PERSON "$T/docs"
vg "quotes -H corpus" "$BIN/quotes" -H "$C"/*.txt
vg "quotes -ibj -d" "$BIN/quotes" -ibj -d "$T/dict" "$C/quotes-merger.txt"
vg "quotes -z" "$BIN/quotes" -z "$T/docs"
vg "mentions" "$BIN/mentions" "$T/ents"
vg "mentions --by-file -j" "$BIN/mentions" --by-file -j "$T/ents"
vg "mentions --merge" "$BIN/mentions" --merge "$T/counts" "$T/counts"
vg "mentions --chart --top" "$BIN/mentions" --chart=always --top 5 "$T/ents"
vg "mentions, records of tests/mentions" "$BIN/mentions" "$D/news.tsv" \
    "$D/news-H.tsv" "$D/speakers.txt"
exit $status
