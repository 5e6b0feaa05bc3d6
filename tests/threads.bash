# threads.bash - shared by the bats files of the programs that read ahead
# in a second thread (entities, quotes): load it with `load threads`.

# same_in_threads PROG MINLINES: PROG's output is the same in one thread
# and in two over some 700 KB of -z documents (the reader hands on
# batches of about 16 KB), and has more than MINLINES lines; --threads
# takes no number below 1.
same_in_threads() {
	local prog=$1 min=$2 name i

	name=$(basename "$prog")
	for i in $(seq 32); do
		cat "$BATS_TEST_DIRNAME"/corpus/*.txt
		printf '\0'
	done > "$BATS_TEST_TMPDIR/many"
	"$prog" --threads=1 -z -j "$BATS_TEST_TMPDIR/many" \
	    "$BATS_TEST_DIRNAME"/corpus/*.txt > "$BATS_TEST_TMPDIR/one"
	assert [ "$(wc -l < "$BATS_TEST_TMPDIR/one")" -gt "$min" ]
	for i in 2 9; do
		run "$prog" --threads "$i" -z -j "$BATS_TEST_TMPDIR/many" \
		    "$BATS_TEST_DIRNAME"/corpus/*.txt
		assert_success
		assert_equal "$(printf '%s\n' "$output" | md5sum)" \
		    "$(md5sum < "$BATS_TEST_TMPDIR/one")"
	done
	run --separate-stderr "$prog" --threads=0 /dev/null
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "$name: --threads: 0 is too small"
	run --separate-stderr "$prog" --threads=two /dev/null
	assert_failure 2
}
