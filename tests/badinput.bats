#!/usr/bin/env bats
# The bad-input battery of issue 6, for every program: whatever the bytes,
# a program ends with its documented status, says nothing alarming on
# standard error, and loses no data.  Run under `make check SANITIZE=1`
# any memory error shows up here as a sanitizer report.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TEXTPROGS="sentences entities quotes"
ALLPROGS="sentences entities quotes mentions"

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	T=$BATS_TEST_TMPDIR
	C=$BATS_TEST_DIRNAME/corpus
	# Under the sanitizers everything runs several times slower: the
	# big inputs shrink, the bytes they are made of stay the same.
	if [ -n "${NU_SANITIZE:-}" ]; then
		BIG=$((2 * 1024 * 1024))
	else
		BIG=$((10 * 1024 * 1024))
	fi
	printf 'Ana Ruiz met Omar Haddad in Springfield. "The plan works," Ruiz said.\n' \
	    > "$T/good.txt"
}

# survive STATUS PROG ARGS...: run the program (in $NU_BIN), which must
# exit with STATUS and print no sanitizer or crash report.
survive() {
	local want=$1 prog=$2
	shift 2
	run --separate-stderr "$NU_BIN/$prog" "$@"
	if [ "$status" -ne "$want" ]; then
		fail "$prog $*: exit $status, not $want; stderr: $stderr"
	fi
	case $stderr in
	*Sanitizer*|*"runtime error"*|*"Segmentation"*|*"Abort"*)
		fail "$prog $*: $stderr" ;;
	esac
}

# Every program on FILE: exit 0, no report.  mentions reads it as names.
all_survive() {
	local p
	for p in $ALLPROGS; do
		survive 0 "$p" "$@"
	done
}

# json_ok FILE: every line is a JSON object, in valid UTF-8.
json_ok() {
	python3 - "$1" <<'EOF'
import json, sys
for n, line in enumerate(open(sys.argv[1], 'rb').read().split(b'\n'), 1):
    if not line:
        continue
    try:
        v = json.loads(line.decode('utf-8', 'strict'))
    except (UnicodeDecodeError, ValueError) as e:
        sys.exit('%s:%d: %s' % (sys.argv[1], n, e))
    if not isinstance(v, dict):
        sys.exit('%s:%d: not an object' % (sys.argv[1], n))
EOF
}

# -j on FILE for every program: the output is JSON in valid UTF-8.
all_json_ok() {
	local p
	command -v python3 >/dev/null || skip "python3 is missing; run make deps"
	for p in $ALLPROGS; do
		"$NU_BIN/$p" -j "$1" > "$T/$p.json" 2> "$T/$p.err" ||
		    fail "$p -j $1: exit $?: $(cat "$T/$p.err")"
		json_ok "$T/$p.json" || fail "$p -j $1: bad JSON"
	done
}

# The bytes of a file without white space: what `sentences` must keep.
nospace() {
	tr -d ' \n' < "$1" | od -An -tx1 -v
}

@test "invalid UTF-8 (overlong, surrogates, stray bytes) passes through" {
	printf 'Overlong \xc0\xaf and \xe0\x80\xaf forms. Surrogates \xed\xa0\x80 and \xed\xbf\xbf here.\n' > "$T/bad"
	printf 'Stray \x80\xbf\xfe\xff bytes, Ana Ruiz said. Five bytes \xf8\x88\x80\x80\x80 too.\n' >> "$T/bad"
	printf '"Quote \xc3 cut," said Omar \xf0\x9f\x98 Haddad.\n' >> "$T/bad"
	all_survive "$T/bad"
	"$NU_BIN/sentences" "$T/bad" > "$T/out"
	assert_equal "$(nospace "$T/out")" "$(nospace "$T/bad")"
	all_json_ok "$T/bad"
}

@test "UTF-8 truncated at the very end of the input" {
	for cut in '\xc3' '\xe2\x80' '\xf0\x9f\x98'; do
		printf "Ana Ruiz said \"yes\" in Springfield. End $cut" > "$T/cut"
		all_survive "$T/cut"
		"$NU_BIN/sentences" "$T/cut" > "$T/out"
		assert_equal "$(nospace "$T/out")" "$(nospace "$T/cut")"
		# Through a pipe too: the last read ends inside the character.
		for p in $TEXTPROGS; do
			survive 0 "$p" - < "$T/cut"
		done
		all_json_ok "$T/cut"
	done
}

@test "NUL bytes inside a document are data, the text after them is read" {
	printf 'Ana Ruiz went\0 home. Omar Haddad met\0Lena Park in Springfield.\n\0\0\n' > "$T/nul"
	all_survive "$T/nul"
	"$NU_BIN/sentences" "$T/nul" > "$T/out"
	assert_equal "$(nospace "$T/out")" "$(nospace "$T/nul")"
	run "$NU_BIN/entities" "$T/nul"
	assert_output --partial "Lena Park"
	all_json_ok "$T/nul"
}

@test "a BOM is skipped and offsets count it" {
	printf '\xef\xbb\xbfAna Ruiz met Omar Haddad. "It went well," Ruiz said.\n' > "$T/bom"
	all_survive "$T/bom"
	for p in $TEXTPROGS; do
		run "$NU_BIN/$p" "$T/bom"
		refute_output --partial $'\xef\xbb\xbf'
	done
	run "$NU_BIN/sentences" -b "$T/bom"
	assert_line --index 0 --regexp '^3	'
	run "$NU_BIN/entities" "$T/bom"
	assert_line --index 0 --regexp '^PERSON	Ana Ruiz	Ana Ruiz$'
}

@test "UTF-16 and UTF-32, with and without a BOM, are refused with a hint that works" {
	printf 'Ana Ruiz met Omar Haddad in Springfield.\n' > "$T/src"
	# iconv's UTF-16 and UTF-32 write a BOM, the others none.
	for e in UTF-16 UTF-16BE UTF-16LE UTF-32 UTF-32BE UTF-32LE; do
		iconv -f UTF-8 -t $e < "$T/src" > "$T/$e"
	done
	for p in $TEXTPROGS; do
		"$NU_BIN/$p" -H "$T/good.txt" "$T/good.txt" > "$T/want"
		"$NU_BIN/$p" "$T/src" > "$T/want-src"
		for f in UTF-16:UTF-16LE UTF-16BE:UTF-16BE UTF-16LE:UTF-16LE \
		    UTF-32:UTF-32LE UTF-32BE:UTF-32BE UTF-32LE:UTF-32LE; do
			e=${f#*:}
			f=${f%:*}
			survive 2 "$p" "$T/good.txt" "$T/$f" "$T/good.txt"
			assert_equal "$stderr" "$p: $T/$f: $e input is not read; convert it first with iconv -f $e -t UTF-8"
			assert_equal "$output" "$(cat "$T/want")"
			# The hint reads the file as it was written.
			iconv -f $e -t UTF-8 < "$T/$f" > "$T/conv"
			survive 0 "$p" "$T/conv"
			assert_equal "$output" "$(cat "$T/want-src")"
		done
	done
}

@test "mentions refuses UTF-16 and UTF-32 too" {
	printf 'PERSON\tAna Ruiz\tAna Ruiz\n' > "$T/rec"
	for f in UTF-16:UTF-16LE UTF-16BE:UTF-16BE UTF-32:UTF-32LE \
	    UTF-32BE:UTF-32BE UTF-32LE:UTF-32LE; do
		e=${f#*:}
		f=${f%:*}
		iconv -f UTF-8 -t $f < "$T/rec" > "$T/$f"
		survive 2 mentions "$T/rec" "$T/$f"
		assert_equal "$stderr" "mentions: $T/$f: $e input is not read; convert it first with iconv -f $e -t UTF-8"
		assert_equal "$output" "1	PERSON	Ana Ruiz"
	done
}

@test "CRLF and a lone CR read as LF, in every program, offsets those of the input" {
	printf 'Ana Ruiz said "the plan works," on Monday.\n\nThe U.S. Senate met.\nIt voted.\n' > "$T/lf"
	sed 's/$/\r/' "$T/lf" > "$T/crlf"
	tr '\n' '\r' < "$T/lf" > "$T/cr"
	for p in $TEXTPROGS; do
		"$NU_BIN/$p" "$T/lf" > "$T/want"
		survive 0 "$p" "$T/crlf"
		assert_equal "$output" "$(cat "$T/want")"
		survive 0 "$p" "$T/cr"
		assert_equal "$output" "$(cat "$T/want")"
		"$NU_BIN/$p" -b "$T/lf" > "$T/want"
		survive 0 "$p" -b "$T/cr"
		assert_equal "$output" "$(cat "$T/want")"
		"$NU_BIN/$p" -b "$T/cr" > "$T/out"
		"$BATS_TEST_DIRNAME/offsets-match" "$T/cr" "$T/out"
	done
	printf 'PERSON\tAna Ruiz\tAna Ruiz\r\nPERSON\tAna Ruiz\tRuiz\r\n' > "$T/rec"
	survive 0 mentions "$T/rec"
	assert_output "2	PERSON	Ana Ruiz"
	tr -d '\n' < "$T/rec" > "$T/rec-cr"
	survive 0 mentions "$T/rec-cr"
	assert_output "2	PERSON	Ana Ruiz"
	all_survive "$T/cr"
}

@test "an empty file and a file of blank lines: no output, exit 0" {
	: > "$T/empty"
	printf '\n\n \n\t\n\r\n\n' > "$T/blank"
	for f in empty blank; do
		for p in $ALLPROGS; do
			survive 0 "$p" "$T/$f"
			assert_output ""
			assert_equal "$stderr" ""
			survive 0 "$p" -j - < "$T/$f"
			assert_output ""
		done
		for p in $TEXTPROGS; do
			survive 0 "$p" -z "$T/$f"
			assert_output ""
		done
	done
}

@test "a 10 MB line (2 MB under the sanitizers): every record, no byte lost" {
	python3 -c 'import sys
s = "Ana Ruiz said \"the plan works,\" on Monday in Springfield. "
n = int(sys.argv[1])
sys.stdout.write((s * (n // len(s) + 1))[:n])' "$BIG" > "$T/big" ||
	    skip "python3 is missing; run make deps"
	n=$(python3 -c 'import sys
s = "Ana Ruiz said \"the plan works,\" on Monday in Springfield. "
n = int(sys.argv[1]); print(-(-n // len(s)))' "$BIG")
	run -0 bash -c '"$1/sentences" "$2" | wc -l' _ "$NU_BIN" "$T/big"
	assert_output "$n"
	# The last sentence may be cut before its quote.
	run -0 bash -c '"$1/quotes" "$2" | wc -l' _ "$NU_BIN" "$T/big"
	[ "$output" -eq "$n" ] || [ "$output" -eq "$((n - 1))" ] ||
	    fail "quotes: $output quotes in $n sentences"
	run -0 bash -c '"$1/entities" -t PERSON "$2" | wc -l' _ "$NU_BIN" "$T/big"
	assert_output "$n"
	# One name of a million words: its short forms once took hours.
	run -0 timeout 120 "$NU_BIN/mentions" "$T/big"
	assert_equal "$(printf '%s\n' "$output" | cut -f1)" "1"
}

@test "binary garbage: exit 0, JSON stays valid" {
	python3 -c 'import random, sys
r = random.Random(6)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(200000)))' \
	    > "$T/noise" || skip "python3 is missing; run make deps"
	for p in $TEXTPROGS; do
		survive 0 "$p" "$T/noise"
		survive 0 "$p" -j "$T/noise"
		json_ok <(printf '%s\n' "$output") || fail "$p -j: bad JSON"
		survive 0 "$p" -z "$T/noise"
		# The programs themselves are binary garbage of another kind.
		survive 0 "$p" "$NU_BIN/sentences"
	done
	# To mentions most lines are bad records: status 2, and only the
	# first ten are told.
	survive 2 mentions "$T/noise"
	assert_equal "$(printf '%s\n' "$stderr" | wc -l)" 11
	assert_line --index 0 --regexp '^[0-9]+	'
	survive 2 mentions -j "$T/noise"
	json_ok <(printf '%s\n' "$output") || fail "mentions -j: bad JSON"
}

@test "deeply nested and unbalanced quote marks" {
	python3 -c 'import sys
o = ["\"", "\u201c", "\u2018", "\u00ab", "\u201e", "\u2039", "\x27"]
c = ["\"", "\u201d", "\u2019", "\u00bb", "\u201c", "\u203a", "\x27"]
d = 2000
s = "Ana Ruiz said " + "".join(o[i % 7] + "level %d " % i for i in range(d))
s += "".join(c[i % 7] for i in reversed(range(d))) + " she said.\n\n"
s += "Omar Haddad said " + "".join(o[i % 7] for i in range(d)) + " end.\n\n"
s += "".join(c[i % 7] + " closing " for i in range(d)) + "\n\n"
s += "\u201cOpen, never closed, Ruiz said.\n\n\u00bb\u00ab\u201d\u201c\u2019\u2018 reversed.\n"
sys.stdout.write(s)' > "$T/nest" || skip "python3 is missing; run make deps"
	all_survive "$T/nest"
	all_json_ok "$T/nest"
	survive 0 quotes -b "$T/nest"
}

@test "10,000 quote marks in a row" {
	for m in '"' '\xe2\x80\x9c' '\xe2\x80\x9d' '\xc2\xab' "'" '"\xe2\x80\x9c'; do
		{
			printf 'Ana Ruiz said '
			# The format is repeated for each of the 10,000 numbers.
			printf "$m%.0s" $(seq 10000)
			printf ' and left.\n'
		} > "$T/marks"
		all_survive "$T/marks"
		all_json_ok "$T/marks"
	done
}

@test "a directory or a missing file among good files: the rest are read, exit 2" {
	mkdir "$T/dir"
	printf 'PERSON\tAna Ruiz\tAna Ruiz\n' > "$T/rec"
	for p in $ALLPROGS; do
		g=$T/good.txt
		[ "$p" = mentions ] && g=$T/rec
		"$NU_BIN/$p" -H "$g" "$g" > "$T/want"
		survive 2 "$p" -H "$g" "$T/dir" "$T/missing" "$g"
		assert_equal "$output" "$(cat "$T/want")"
		assert_equal "$stderr" "$p: $T/dir: Is a directory
$p: $T/missing: No such file or directory"
	done
}

@test "mentions: a line of over 16 MB is no record, the lines after it are read" {
	{
		head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' x
		printf '\nPERSON\tAna Ruiz\tRuiz\n'
	} > "$T/long"
	survive 2 mentions "$T/long"
	assert_output "1	PERSON	Ana Ruiz"
	assert_equal "$stderr" "mentions: $T/long:1: a line of over 16 MB is no record"
}

@test "-z: a later document that starts like UTF-16 is data, the rest are read" {
	printf 'First document.\0\377\376Garbage here.\0Third document.\0' > "$T/docs"
	for p in $TEXTPROGS; do
		survive 0 "$p" -z -H "$T/docs"
	done
	survive 0 sentences -z -H "$T/docs"
	assert_line --index 0 "$T/docs:1	First document."
	assert_line --index 2 "$T/docs:3	Third document."
	# A stream that starts as UTF-16 is still refused whole.
	{ iconv -f UTF-8 -t UTF-16 < "$T/good.txt"; printf '\0\0'; cat "$T/good.txt"; } > "$T/u16"
	survive 2 sentences -z "$T/u16"
	assert_output ""
}

@test "-d: a dictionary of garbage, NUL bytes, a huge name or a directory is refused before any input" {
	printf 'PERSON\tAna\0Ruiz\n' > "$T/nul"
	{ printf 'PERSON\t'; head -c 2000000 /dev/zero | tr '\0' x; echo; } > "$T/long"
	printf '\377\376\001garbage\n' > "$T/junk"
	mkdir "$T/dir"
	for p in entities quotes; do
		survive 2 "$p" -d "$T/nul" "$T/good.txt"
		assert_output ""
		assert_equal "$stderr" "$p: $T/nul:1: NUL byte in line"
		survive 2 "$p" -d "$T/long" "$T/good.txt"
		assert_equal "$stderr" "$p: $T/long:1: name too long"
		survive 2 "$p" -d "$T/junk" "$T/good.txt"
		assert_equal "$stderr" "$p: $T/junk:1: expected TYPE<TAB>NAME[<TAB>ALIAS...]"
		survive 2 "$p" -d "$T/dir" "$T/good.txt"
		assert_equal "$stderr" "$p: $T/dir: Is a directory"
	done
}

@test "the fuzzers' hostile seeds (fuzz/seeds/text), plain and -z, TSV and JSON" {
	command -v python3 >/dev/null || skip "python3 is missing; run make deps"
	for f in "$BATS_TEST_DIRNAME"/../fuzz/seeds/text/*; do
		# A seed's first byte picks the fuzz target's options.
		tail -c +2 "$f" > "$T/in"
		for p in $TEXTPROGS; do
			for o in -b -z; do
				run --separate-stderr "$NU_BIN/$p" $o "$T/in"
				[ "$status" -le 2 ] || fail "$p $o $f: exit $status"
				case $stderr in
				*Sanitizer*|*"runtime error"*)
					fail "$p $o $f: $stderr" ;;
				esac
			done
			# Status 2 for the UTF-16 and UTF-32 seeds, 0 for the others.
			"$NU_BIN/$p" -zj "$T/in" > "$T/out" 2>/dev/null || true
			json_ok "$T/out" || fail "$p -zj $f: bad JSON"
		done
	done
}
