# conventions.bash - checks of the conventions of DESIGN.md that every
# program keeps, written once: load it with `load conventions`.  Each
# takes the program's path first.

# offsets_match FILE OUTPUT: whether every -b record of OUTPUT names the
# bytes of its last field in FILE (tests/offsets-match).
offsets_match() {
	"$BATS_TEST_DIRNAME/offsets-match" "$@"
}

# help_lists PROG OPTION...: --help succeeds, on standard output only,
# and names every OPTION.
help_lists() {
	local prog=$1 o
	shift
	run --separate-stderr "$prog" --help
	assert_success
	assert_equal "$stderr" ""
	for o; do
		assert_output --partial -- "$o"
	done
}

# version_usage PROG USAGE: -V and --version print the version line; a
# bad option prints nothing on standard output, a message and USAGE on
# standard error, and fails with status 2.
version_usage() {
	local prog=$1 usage=$2 name o
	name=$(basename "$prog")
	for o in -V --version; do
		run --separate-stderr "$prog" "$o"
		assert_success
		assert_output --regexp "^$name \\(newsutils\\) [0-9]+\\.[0-9]+\\.[0-9]+\$"
	done
	for o in -Q --no-such-option; do
		run --separate-stderr "$prog" "$o" /dev/null
		assert_failure 2
		assert_output ""
		assert_equal "${stderr_lines[1]}" "$usage"
	done
}

# write_error PROG ARG...: PROG ARG... >/dev/full fails with status 2
# and says so, and so does --help.
write_error() {
	local prog=$1 name
	shift
	[ -w /dev/full ] || skip "no /dev/full"
	name=$(basename "$prog")
	run --separate-stderr bash -c '"$0" "$@" > /dev/full' "$prog" "$@"
	assert_failure 2
	assert_equal "$stderr" "$name: write error: No space left on device"
	run --separate-stderr bash -c '"$0" --help > /dev/full' "$prog"
	assert_failure 2
}

# line_buffered PROG DOC FIRST: with -z --line-buffered, PROG writes FIRST,
# the first record of the document DOC, as soon as DOC's NUL arrives,
# while the writer still holds the input open.
line_buffered() {
	local prog=$1 doc=$2 first=$3
	mkfifo "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/go"
	(printf '%s\0' "$doc"; read -r x < "$BATS_TEST_TMPDIR/go") \
	    > "$BATS_TEST_TMPDIR/in" &
	timeout 20 "$prog" -z --line-buffered < "$BATS_TEST_TMPDIR/in" |
	    { read -r l || :; echo "$l" > "$BATS_TEST_TMPDIR/got"
	    timeout 10 sh -c ': > "$0"' "$BATS_TEST_TMPDIR/go"; cat >/dev/null; }
	wait
	run cat "$BATS_TEST_TMPDIR/got"
	assert_output "$first"
}

# types_option PROG FILE: -t takes type names in any case, and a list
# with an empty or an unknown name is a usage error, the same in every
# program that takes it (lib/opt.c's opt_types).  FILE has persons.
types_option() {
	local prog=$1 file=$2 name t want
	name=$(basename "$prog")
	run --separate-stderr "$prog" -t PERSON "$file"
	assert_success
	[ -n "$output" ] || fail "$name -t PERSON $file: no output"
	want=$output
	for t in person Person PERSON,person --types=pErSoN; do
		case $t in
		--*)	run --separate-stderr "$prog" "$t" "$file" ;;
		*)	run --separate-stderr "$prog" -t "$t" "$file" ;;
		esac
		assert_success
		assert_output "$want"
	done
	for t in '' , PERSON,, ,PERSON PERSON,,ORG; do
		run --separate-stderr "$prog" -t "$t" "$file"
		assert_failure 2
		assert_output ""
		assert_equal "${stderr_lines[0]}" "$name: -t: an empty type name in \"$t\""
	done
	for t in PLANET:PLANET 'PERSON, ORG: ORG' people,ORG:people; do
		run --separate-stderr "$prog" -t "${t%:*}" "$file"
		assert_failure 2
		assert_output ""
		assert_equal "${stderr_lines[0]}" "$name: -t: unknown type \"${t##*:}\" (one of PERSON, ORG, GPE, LOC, NORP, MISC)"
	done
}
