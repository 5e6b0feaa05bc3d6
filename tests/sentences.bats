#!/usr/bin/env bats
# sentences: the conventions of DESIGN.md "Input" and "Output", as a user
# sees them.  How well sentences are split is tests/sentences-cases.bats.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert
load conventions

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	S=$NU_BIN/sentences
	C=$BATS_TEST_DIRNAME/corpus
	X=$BATS_TEST_DIRNAME/expected
	T=$BATS_TEST_TMPDIR
	printf 'One sentence here. Another one follows.\n' > "$T/a.txt"
	printf 'A third sentence.\n' > "$T/b.txt"
}

@test "reads standard input when there is no operand" {
	run "$S" < "$T/a.txt"
	assert_success
	assert_output $'One sentence here.\nAnother one follows.'
}

@test "- is standard input, among files" {
	run bash -c '"$0" -h "$1" - < "$2"' "$S" "$T/a.txt" "$T/b.txt"
	assert_success
	assert_output $'One sentence here.\nAnother one follows.\nA third sentence.'
}

@test "one file: no name column unless -H" {
	run "$S" "$T/b.txt"
	assert_output "A third sentence."
	run "$S" -H "$T/b.txt"
	assert_output "$T/b.txt"$'\tA third sentence.'
}

@test "several files: the name column by default, none with -h" {
	run "$S" "$T/a.txt" "$T/b.txt"
	assert_success
	assert_output "$T/a.txt	One sentence here.
$T/a.txt	Another one follows.
$T/b.txt	A third sentence."
	run "$S" -h "$T/a.txt" "$T/b.txt"
	assert_output $'One sentence here.\nAnother one follows.\nA third sentence.'
}

@test "options may follow the operands, as in GNU tools" {
	run "$S" "$T/b.txt" -H
	assert_output "$T/b.txt"$'\tA third sentence.'
	run "$S" -- "$T/b.txt"
	assert_output "A third sentence."
}

@test "-z: NUL-separated documents named FILE:N" {
	printf 'First doc. Still first.\0Second doc.\0\0Fourth doc.' > "$T/z"
	run "$S" -z -H "$T/z"
	assert_success
	assert_output "$T/z:1	First doc.
$T/z:1	Still first.
$T/z:2	Second doc.
$T/z:4	Fourth doc."
	run bash -c 'printf "Mine. Yours.\0Ours.\0" | "$0" -zH' "$S"
	assert_output $'-:1\tMine.\n-:1\tYours.\n-:2\tOurs.'
}

@test "-z: offsets count from the start of each document" {
	printf 'First doc. Still first.\0Second doc.\0' > "$T/z"
	run "$S" -z -b "$T/z"
	assert_output $'0\t10\tFirst doc.\n11\t23\tStill first.\n0\t11\tSecond doc.'
}

@test "without -z a NUL byte is data" {
	printf 'Zero\0byte here. Next one.\n' > "$T/nul"
	"$S" "$T/nul" > "$T/out"
	printf 'Zero\0byte here.\nNext one.\n' > "$T/want"
	cmp "$T/out" "$T/want"
}

@test "-b: byte offsets after the name column" {
	run "$S" -b -H "$T/a.txt"
	assert_output "$T/a.txt	0	18	One sentence here.
$T/a.txt	19	39	Another one follows."
}

@test "-b: the offsets of every sentence of the corpus name its bytes" {
	for f in "$C"/*.txt; do
		"$S" -b "$f" > "$T/out"
		run offsets_match "$f" "$T/out"
		assert_success
	done
}

@test "-j: valid JSON Lines with doc, start, end and text, in that order" {
	run "$S" -j "$T/a.txt"
	assert_success
	assert_line -n 0 "{\"doc\":\"$T/a.txt\",\"start\":0,\"end\":18,\"text\":\"One sentence here.\"}"
	for f in "$C"/*.txt; do
		"$S" -j "$f" > "$T/out"
		python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    assert list(r) == ["doc", "start", "end", "text"], r
' "$T/out"
	done
}

@test "-j: the same sentences as TSV" {
	f=$C/harbor-strike.txt
	"$S" "$f" > "$T/tsv"
	"$S" --json "$f" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["text"])' > "$T/json"
	cmp "$T/tsv" "$T/json"
}

@test "-p: a blank line between paragraphs, none before or after" {
	printf 'The first paragraph. It has two sentences.\n\nThe second one.\n' > "$T/p"
	run "$S" -p "$T/p"
	assert_output $'The first paragraph.\nIt has two sentences.\n\nThe second one.'
	run "$S" --paragraphs -j "$T/p"
	assert_equal "${#lines[@]}" 3
}

@test "-p: each document starts without a blank line" {
	printf 'One.\n\nTwo.\n' > "$T/p"
	run "$S" -p -H "$T/p" "$T/p"
	assert_output "$T/p	One.

$T/p	Two.
$T/p	One.

$T/p	Two."
}

@test "a line break inside a sentence becomes one space" {
	printf 'This sentence is\nwrapped over\r\nthree lines.\n\nNext.\n' > "$T/w"
	run "$S" "$T/w"
	assert_output $'This sentence is wrapped over three lines.\nNext.'
}

@test "three styles of paragraph: blank lines, a line each, wrapped lines" {
	# Hard-wrapped, no blank line: a line break inside a sentence before
	# a capital ("Mayor\nOdile Vance") joins; a short line ends its
	# paragraph, as does one before an indented line.
	cat > "$T/w" <<-'EOF'
	Harbour plan approved
	The council of Tarnwick voted on Monday to approve the harbour plan,
	after a debate that lasted well into the night. The vote was seven to
	two. Mayor Odile Vance, who had pushed for the plan since her election,
	said the town had waited long enough. Councillor Brannock Okafor
	voted against it.
	  The work will start in the spring and will take about three years to
	finish, the council said in a statement released after the vote ended.
	Residents of the harbour district will be asked to comment on the plan.
	EOF
	run "$S" -p "$T/w"
	assert_output "Harbour plan approved

The council of Tarnwick voted on Monday to approve the harbour plan, after a debate that lasted well into the night.
The vote was seven to two.
Mayor Odile Vance, who had pushed for the plan since her election, said the town had waited long enough.
Councillor Brannock Okafor voted against it.

The work will start in the spring and will take about three years to finish, the council said in a statement released after the vote ended.
Residents of the harbour district will be asked to comment on the plan."
	# One paragraph a line, long lines: each line is a paragraph.
	printf 'Harbour plan approved\nThe council voted on Monday to approve the harbour plan after a debate that lasted well into the night, seven to two.\nMayor Odile Vance said the town had waited long enough for the plan and would now move quickly.\n' > "$T/l"
	run "$S" -p "$T/l"
	assert_output $'Harbour plan approved\n\nThe council voted on Monday to approve the harbour plan after a debate that lasted well into the night, seven to two.\n\nMayor Odile Vance said the town had waited long enough for the plan and would now move quickly.'
}

@test "TSV escapes TAB and backslash" {
	printf 'A\ttab and a \\ backslash.\n' > "$T/e"
	run "$S" "$T/e"
	assert_output 'A\ttab and a \\ backslash.'
}

@test "JSON escapes quotes, backslashes and controls; each bad byte is U+FFFD" {
	printf 'A "quoted" \\ back\001slash\ttab\nwrapped. Next: \355\240\200\300\257 \360\237\230\200.\n' > "$T/j"
	run "$S" -j "$T/j"
	assert_line -n 0 --partial '"text":"A \"quoted\" \\ back\u0001slash\ttab wrapped."'
	assert_line -n 1 --partial '"text":"Next: ����� 😀."'
	"$S" -j "$T/j" | python3 -c '
import json, sys
for line in sys.stdin:
    json.loads(line)'
}

@test "a document name is escaped like any field" {
	printf 'Name test.\n' > "$T/tab	name.txt"
	run "$S" -H "$T/tab	name.txt"
	assert_output "$T/tab\\tname.txt	Name test."
	run "$S" -j "$T/tab	name.txt"
	assert_output --partial "\"doc\":\"$T/tab\\tname.txt\""
}

@test "--line-buffered: a paragraph comes out before the input ends" {
	mkfifo "$T/in"
	# The writer holds the pipe open until the reader has seen a line
	# (or 30 s); without line buffering nothing comes until the reader's
	# timeout.  Each side opens the FIFO under its own timeout, so that no
	# failure can leave a process blocked for ever.
	timeout 30 sh -c 'exec > "$0"; printf "First one. Second one.\n\nThird.\n"
	    i=0; while [ ! -e "$1" ] && [ $i -lt 300 ]; do
	    sleep 0.1; i=$((i + 1)); done' "$T/in" "$T/seen" &
	timeout 20 sh -c 'exec "$0" --line-buffered < "$1"' "$S" "$T/in" |
	    { read -r l; echo "$l" > "$T/got"; : > "$T/seen"; cat >/dev/null; }
	wait
	run cat "$T/got"
	assert_output "First one."
}

@test "--help: every option, on standard output, exit 0" {
	help_lists "$S" -b -H -h -j --json -p --paragraphs -z --line-buffered \
	    --help -V --version
}

@test "-V and --version; a bad option: usage on standard error, exit 2" {
	version_usage "$S" "usage: sentences [-bHhjpVz] [--line-buffered] [file ...]"
}

@test "an unreadable file is reported, the others still read, exit 2" {
	run --separate-stderr "$S" "$T/a.txt" "$T/missing" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "sentences: $T/missing: No such file or directory"
	assert_line -n 0 "$T/a.txt	One sentence here."
	assert_line -n 2 "$T/b.txt	A third sentence."
}

@test "a directory operand is reported, exit 2" {
	run --separate-stderr "$S" "$T" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "sentences: $T: Is a directory"
	assert_output "$T/b.txt	A third sentence."
}

@test "nothing found is success" {
	: > "$T/empty"
	run "$S" "$T/empty"
	assert_success
	assert_output ""
	printf '\n \n\t\n' > "$T/blank"
	run "$S" -j "$T/blank"
	assert_success
	assert_output ""
}

@test ">/dev/full: write error, exit 2" {
	write_error "$S" "$C/cup-final.txt"
}

@test "yes | head -c 50M | sentences | head -1 ends quietly" {
	run --separate-stderr bash -c \
	    'yes | head -c 50M | "$0" 2> "$1" | head -1 | wc -l' "$S" "$T/err"
	assert_success
	assert_output 1
	run cat "$T/err"
	assert_output ""
}

@test "a closed pipe with SIGPIPE ignored: quiet, exit 2" {
	run bash -c 'trap "" PIPE; e=$1; shift; "$0" "$@" 2> "$e" |
	    head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"' \
	    "$S" "$T/err" "$C"/*.txt "$C"/*.txt "$C"/*.txt
	assert_output 2
	run cat "$T/err"
	assert_output ""
}

@test "a UTF-8 byte-order mark is skipped, and counted in offsets" {
	printf '\357\273\277First one. Second one.\n' > "$T/bom"
	run "$S" -b "$T/bom"
	assert_output $'3\t13\tFirst one.\n14\t25\tSecond one.'
}

@test "CRLF is read as LF" {
	printf 'Para one. Still one,\r\nwrapped.\r\n\r\nPara two.\r\n' > "$T/crlf"
	printf 'Para one. Still one,\nwrapped.\n\nPara two.\n' > "$T/lf"
	"$S" -p "$T/crlf" > "$T/out1"
	"$S" -p "$T/lf" > "$T/out2"
	cmp "$T/out1" "$T/out2"
	"$S" -b "$T/crlf" > "$T/out"
	run offsets_match "$T/crlf" "$T/out"
	assert_success
}

@test "a lone CR (old Mac line ends) is a line end: headline, date and body apart" {
	printf 'KELLPORT MAYOR STEPS DOWN\rMarch 3, 2026\rTeodor Lask resigned on Tuesday. He gave no reason.\r' > "$T/cr"
	run "$S" -b "$T/cr"
	assert_success
	assert_output $'0\t25\tKELLPORT MAYOR STEPS DOWN\n26\t39\tMarch 3, 2026\n40\t72\tTeodor Lask resigned on Tuesday.\n73\t91\tHe gave no reason.'
	"$S" -b "$T/cr" > "$T/out"
	run offsets_match "$T/cr" "$T/out"
	assert_success
	# A CR inside a sentence is a wrapped line: one space, as LF is.
	printf 'The vote\rwas close.\r' > "$T/wrap"
	run "$S" -p "$T/wrap"
	assert_output 'The vote was close.'
}

@test "invalid UTF-8 passes through TSV untouched, U+FFFD in JSON" {
	printf 'Bad \377\300 bytes here. Next.\n' > "$T/bad"
	"$S" "$T/bad" > "$T/out"
	printf 'Bad \377\300 bytes here.\nNext.\n' > "$T/want"
	cmp "$T/out" "$T/want"
	run "$S" -j "$T/bad"
	assert_line -n 0 --partial '"text":"Bad �� bytes here."'
}

@test "UTF-16 and UTF-32 are refused with a hint to use iconv" {
	printf 'Some text. More text here.\n' | iconv -f UTF-8 -t UTF-16 > "$T/u16"
	run --separate-stderr "$S" "$T/u16" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "sentences: $T/u16: UTF-16LE input is not read; convert it first with iconv -f UTF-16LE -t UTF-8"
	assert_output "$T/b.txt	A third sentence."
	# Without a byte-order mark too.
	printf 'Some text. More text here.\n' | iconv -f UTF-8 -t UTF-16LE > "$T/u16"
	run --separate-stderr "$S" "$T/u16"
	assert_failure 2
	assert_equal "$stderr" "sentences: $T/u16: UTF-16LE input is not read; convert it first with iconv -f UTF-16LE -t UTF-8"
	# UTF-32 with a BOM was called UTF-16, and the hint failed.
	printf 'Some text. More text here.\n' | iconv -f UTF-8 -t UTF-32 > "$T/u32"
	run --separate-stderr "$S" "$T/u32"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "sentences: $T/u32: UTF-32LE input is not read; convert it first with iconv -f UTF-32LE -t UTF-8"
}

@test "a 10 MB line: every sentence, no byte lost" {
	awk 'BEGIN { for (i = 0; i < 200000; i++)
	    printf "Sentence number %d is here. ", i }' > "$T/long"
	run bash -c '"$0" "$1" | wc -l' "$S" "$T/long"
	assert_output 200000
	"$S" "$T/long" | tr -d ' \n' | cksum > "$T/got"
	tr -d ' \n' < "$T/long" | cksum > "$T/want"
	cmp "$T/got" "$T/want"
}

@test "a paragraph of 1 MB without a sentence end is cut, not lost" {
	head -c 1000000 /dev/zero | tr '\0' 'a' > "$T/a1m"
	"$S" -b "$T/a1m" > "$T/out"
	run offsets_match "$T/a1m" "$T/out"
	assert_success
	run bash -c 'cut -f3 "$0" | tr -d "\n" | wc -c' "$T/out"
	assert_output 1000000
}

# The whole output on articles of the corpus, checked by hand.  When the
# splitter improves, fix the expected file only where it is now right.
@test "expected sentences of corpus articles" {
	for x in "$X"/*.sentences; do
		[ -f "$x" ] || skip "no expected files in $X"
		a=$(basename "$x" .sentences)
		"$S" "$C/$a.txt" > "$T/out"
		run diff -u "$x" "$T/out"
		assert_success
	done
}
