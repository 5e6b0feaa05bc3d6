#!/bin/sh
# make stress: every program of BIN reads a 1 GB input without a newline,
# made on the fly and piped in, and its peak memory (maximum resident set
# size, /usr/bin/time -f %M) must stay under a bound that does not grow
# with the input (DESIGN.md: state is bounded per paragraph).  Too slow
# for make check: a few minutes.
#
#   sh tools/stress.sh [BIN]	STRESS_MB=N for another size
#
# The text is news-like words, sentences and quotes, so that every
# analyser does its full work on one endless paragraph; mentions reads
# entity records run into one endless line, which is too long to be a
# record (over 16 MB): it must say so and exit 2, holding 16 MB at most.
set -u

BIN=${1:-bin}
MB=${STRESS_MB:-1024}
LIMIT_KB=${STRESS_LIMIT_KB:-65536}	# 64 MB for every program
export LC_ALL=C.UTF-8

if [ ! -x /usr/bin/time ]; then
	echo "stress: /usr/bin/time is missing; run make deps" >&2
	exit 1
fi

# MB megabytes of text without a newline, on standard output.
text() {
	yes 'Ana Ruiz, the port director, said on Monday: "We are not there yet, but the U.S. side wants more." Omar Haddad of the Dockworkers Union met her in Harbor City. ' |
	    tr -d '\n' | head -c "$((MB * 1024 * 1024))"
}

# The same size of `entities` records with their newlines turned into TABs.
records() {
	yes 'PERSON	Ana Ruiz	Ruiz' | tr '\n' '\t' | head -c "$((MB * 1024 * 1024))"
}

tmp=${TMPDIR:-/tmp}/nu-stress.$$
status=0
for p in sentences entities quotes mentions; do
	gen=text want=
	[ "$p" = mentions ] && gen=records
	if [ "$p" = mentions ] && [ "$MB" -gt 16 ]; then
		want='Command exited with non-zero status 2
mentions: -:1: a line of over 16 MB is no record'
	fi
	start=$(date +%s)
	$gen | /usr/bin/time -f %M -o "$tmp" "$BIN/$p" >/dev/null 2>"$tmp.err"
	# time(1) says first how the program ended, if not with status 0.
	kb=$(tail -1 "$tmp")
	got=$(sed '$d' "$tmp"; head -3 "$tmp.err")
	if [ "$got" != "$want" ]; then
		echo "stress: $p: $got" >&2
		status=1
	fi
	secs=$(($(date +%s) - start))
	case $kb in
	*[!0-9]*|'')
		echo "stress: $p: failed: $kb" >&2
		status=1
		continue ;;
	esac
	if [ "$kb" -gt "$LIMIT_KB" ]; then
		verdict="OVER the bound of $LIMIT_KB KB"
		status=1
	else
		verdict=ok
	fi
	printf 'stress: %-10s %5d MB without a newline: %7d KB peak, %4d s: %s\n' \
	    "$p" "$MB" "$kb" "$secs" "$verdict"
done
rm -f "$tmp" "$tmp.err"
exit $status
