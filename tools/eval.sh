#!/bin/sh
# make eval: the dev-set figures of every program in BIN, from the gold
# sets and scorers in ../shared/eval (see its README.md).
#
#   sh tools/eval.sh [BIN]
#
# These sets are for measuring only: nothing in the project is trained on
# them or copied from them, and the final figures are taken on held-out
# documents.  tests/eval-floor.bats guards the figures that met their bar.
set -u

BIN=${1:-bin}
E=${NU_EVAL:-../shared/eval}

if [ ! -d "$E" ]; then
	echo "eval: $E is absent; nothing to measure (skipped)"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "eval: python3 is missing; run make deps" >&2
	exit 1
fi

status=0
# The scorer's last line, which every scorer keeps for scripts.
last() {
	out=$("$@" 2>&1) || status=1
	printf '%s\n' "$out" | tail -n 1
}

for c in cmd/*.c; do
	p=$(basename "$c" .c)
	[ -x "$BIN/$p" ] || continue
	case $p in
	sentences)
		echo "sentences  Golden Rules (cases of 52):" \
		    "$(last "$E/sentences/score" \
		    "$E/sentences/golden_rules_en.jsonl" "$BIN/sentences")"
		for s in news interview; do
			echo "sentences  gum_${s}_dev boundary F1:" \
			    "$(last "$E/sentences/score" \
			    "$E/sentences/gum_${s}_dev.jsonl" "$BIN/sentences")"
		done
		;;
	quotes)
		echo "quotes     en-wikinews: $(last "$E/quotes/score" \
		    -- "$BIN/quotes")"
		echo "quotes     de-wikinews: $(last "$E/quotes/score" \
		    --gold "$E/quotes/de-wikinews.dev.jsonl" -- "$BIN/quotes")"
		;;
	entities)
		echo "entities   PER/LOC/ORG: $(last "$E/entities/score" \
		    --types PER,LOC,ORG --offsets byte -- sh -c \
		    "$BIN/entities -b | awk -F'\t' -v OFS='\t' \
		    '{print \$3,\$1,\$2,\$5}'")"
		;;
	mentions)
		# Not a shared gold set: persons and organisations of
		# tests/corpus counted by hand; the issue's bar is every
		# count exact.  The figure is the pipeline's (entities finds
		# the names, mentions counts them).
		[ -x "$BIN/entities" ] || continue
		exp=tests/mentions/corpus-by-file.expected
		got=$(cd tests/corpus && "../../$BIN/entities" -H \
		    -t PERSON,ORG *.txt | "../../$BIN/mentions" --by-file)
		n=$(printf '%s\n' "$got" | diff "$exp" - | grep -c '^[<>]')
		echo "mentions   corpus hand counts per file: $n lines differ" \
		    "(of $(wc -l < "$exp") expected)"
		;;
	*)
		echo "$p: no gold set in $E"
		;;
	esac
done
exit $status
