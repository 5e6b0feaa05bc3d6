#!/usr/bin/env bats
# The manual pages: mdoc(7) that mandoc lints clean, one page a program.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

setup() {
	M=$BATS_TEST_DIRNAME/../man
	command -v mandoc >/dev/null || skip "mandoc is missing; run make deps"
}

@test "mandoc -Tlint -W warning is clean on every page" {
	run --separate-stderr mandoc -Tlint -W warning "$M"/*.[17]
	assert_success
	assert_equal "$stderr" ""
	assert_output ""
}

@test "newsutils.7 is there" {
	[ -f "$M/newsutils.7" ]
}

@test "a program's page names every option of its --help" {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	for c in "$BATS_TEST_DIRNAME"/../cmd/*.c; do
		p=$(basename "$c" .c)
		[ -f "$M/$p.1" ] || continue
		page=$(mandoc -Tascii "$M/$p.1" | col -b)
		for o in $("$NU_BIN/$p" --help | grep '^  ' |
		    grep -Eo -- ' --?[A-Za-z][-a-z]*'); do
			[[ $page == *"$o"* ]] || fail "$p.1 does not mention $o"
		done
	done
}
