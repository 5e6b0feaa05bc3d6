#!/usr/bin/env bats
# Streaming invariance (issue 6): a program's output does not depend on
# how its input is cut into reads, nor on whether documents come as
# files or as -z records (apart from the name column).

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TEXTPROGS="sentences entities quotes"

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	T=$BATS_TEST_TMPDIR
	C=$BATS_TEST_DIRNAME/corpus
	# One paragraph a line, so the paragraph style is only known once
	# the lookahead is read; CRLF, a BOM and a quote over two paragraphs.
	printf '\xef\xbb\xbfHARBOR CITY \xe2\x80\x94 Ana Ruiz, the port director, said on Monday that talks had stalled.\r\n' > "$T/lines"
	printf '\xe2\x80\x9cWe are not there yet,\xe2\x80\x9d Ruiz said. \xe2\x80\x9cThe U.S. side wants more.\r\n' >> "$T/lines"
	printf '\xe2\x80\x9cBut we will meet again,\xe2\x80\x9d she added.\r\n' >> "$T/lines"
	printf 'Omar Haddad of the Dockworkers Union called it "a stall."\r\n' >> "$T/lines"
}

# same PROG ARGS... INPUT: PROG ARGS with INPUT on standard input, read
# whole from the file and one byte a read through a pipe, write the same
# bytes.
same() {
	local prog=$1
	shift
	local in=${*: -1}
	set -- "${@:1:$#-1}"
	"$NU_BIN/$prog" "$@" < "$in" > "$T/whole" || fail "$prog $*: exit $?"
	"$NU_BIN/trickle" -u 200 "$in" | "$NU_BIN/$prog" "$@" > "$T/bytes" ||
	    fail "$prog $* (one byte a read): exit $?"
	cmp "$T/whole" "$T/bytes" ||
	    fail "$prog $*: one byte a read differs: $(diff "$T/whole" "$T/bytes" | head -5)"
	[ -s "$T/whole" ] || fail "$prog $*: no output to compare"
}

@test "one read or one byte a read: the same output, every program" {
	for p in $TEXTPROGS; do
		same "$p" "$T/lines"
		same "$p" -bj "$T/lines"
		same "$p" "$C/quotes-marks.txt"
	done
	same sentences -p "$T/lines"
	"$NU_BIN/entities" "$C/cup-final.txt" > "$T/ents"
	same mentions "$T/ents"
	same mentions -j "$T/ents"
}

@test "-z: the same records as files, apart from the name column" {
	set -- "$C"/*.txt
	for p in $TEXTPROGS; do
		for opt in "" -b; do
			"$NU_BIN/$p" -H $opt "$@" | cut -f2- > "$T/files"
			for f; do cat "$f"; printf '\0'; done |
			    "$NU_BIN/$p" -z -H $opt | cut -f2- > "$T/z"
			cmp "$T/files" "$T/z" ||
			    fail "$p -z $opt: $(diff "$T/files" "$T/z" | head -5)"
			[ -s "$T/files" ] || fail "$p: no output"
		done
	done
}

@test "-z one byte a read: the same records as one read" {
	for f in "$T/lines" "$C/quotes-marks.txt" "$T/lines"; do
		cat "$f"
		printf '\0'
	done > "$T/docs"
	for p in $TEXTPROGS; do
		same "$p" -z -b "$T/docs"
	done
}

@test "-z names documents FILE:N, counting from 1" {
	printf 'One sentence.\0Two sentences. Here.\0' > "$T/docs"
	run -0 "$NU_BIN/sentences" -z -H "$T/docs"
	assert_output "$T/docs:1	One sentence.
$T/docs:2	Two sentences.
$T/docs:2	Here."
}
