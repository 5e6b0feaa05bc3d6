#!/usr/bin/env bats
# The complexity test: for every program, each shape of input that
# stresses one of its passes (tests/shapes: many quote marks, many
# capitalised words, many abbreviations, one huge paragraph, many tiny
# paragraphs, many speech verbs, many people) is timed at 64 KB and at
# 512 KB, and the CPU time may grow at most 12 times for the 8 times the
# bytes.  Work that grows with the square of a paragraph grows 64 times.
#
# Each time is the least CPU time (user and system) of three runs; a
# 512 KB run under 100 ms is too quick to tell anything and passes.  A
# program's start-up (loading its model) weighs on the 64 KB side only,
# which lets through a little more than linear growth, but nothing near
# the square.  Speed itself is measured by make bench, not here.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TEXTSHAPES="dq dq20 dqpair sq json caps abbrev prose tiny cues namesakes"

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	T=$BATS_TEST_TMPDIR
	S=$BATS_TEST_DIRNAME/shapes
}

# cpu CMD...: the least CPU seconds (user + system) of three runs.
cpu() {
	local i t best=
	for i in 1 2 3; do
		t=$( { TIMEFORMAT='%3U %3S'; time "$@" > /dev/null 2>&1; } 2>&1 |
		    awk '{ printf "%.3f", $1 + $2 }')
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$t
		fi
	done
	echo "$best"
}

# grows PROG SHAPE...: every shape's 512 KB time is under 12 times its
# 64 KB time; the failures are listed together.
grows() {
	local prog=$1 s small big bad=
	shift
	for s; do
		"$S" "$s" 65536 > "$T/$s.64"
		"$S" "$s" 524288 > "$T/$s.512"
		small=$(cpu "$NU_BIN/$prog" "$T/$s.64")
		big=$(cpu timeout 120 "$NU_BIN/$prog" "$T/$s.512")
		echo "# $prog $s: 64 KB ${small} s, 512 KB ${big} s" >&3
		awk -v a="$small" -v b="$big" 'BEGIN {
		    exit !(b < 0.1 || b / (a > 0.001 ? a : 0.001) < 12) }' ||
			bad="$bad $s (64 KB ${small} s, 512 KB ${big} s)"
	done
	[ -z "$bad" ] || fail "$prog grows faster than the input:$bad"
}

@test "sentences: time grows as the input on every shape" {
	grows sentences $TEXTSHAPES
}

@test "entities: time grows as the input on every shape" {
	grows entities $TEXTSHAPES
}

@test "quotes: time grows as the input on every shape" {
	grows quotes $TEXTSHAPES
}

@test "mentions: time grows as the input, all names different" {
	grows mentions records
}

@test "the shapes are the sizes asked for" {
	for s in $TEXTSHAPES records; do
		n=$("$S" "$s" 65536 | wc -c)
		[ "$n" -ge 65536 ] && [ "$n" -lt 70000 ] ||
		    fail "$s: $n bytes"
	done
}
