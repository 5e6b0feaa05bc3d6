#!/bin/sh
# fuzz/run.sh DIR SECONDS TARGET... - run each libFuzzer target of DIR
# for SECONDS, one after the other (they share the machine), on a corpus
# kept in DIR/corpus/TARGET and seeded from the project's own texts.  A
# crash, leak or input slower than a second leaves its input in
# DIR/crash/TARGET/ and makes the run fail; every target still runs.
# FUZZ_FLAGS adds libFuzzer options (-runs=N, -jobs=N); FUZZ_PARALLEL=N
# runs N targets at a time (default 1), one a processor.  DIR/TARGET FILE
# runs one input again; its first byte picks the target's options (see
# the target's source), the rest is what the program would read.
set -u
dir=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
status=0
# The code fuzzed, for the report: the commit, and whether the work tree
# differed from it.
code=$(git -C "$top" describe --always --dirty 2>/dev/null || echo unknown)
echo "fuzz: code at $code, started $(date -u '+%Y-%m-%d %H:%M UTC')"

# The seeds of each target: what it reads in real use.
seeds() {
	case $1 in
	mentions)
		echo "$top/tests/mentions" ;;
	dict)
		echo "$top/fuzz/seeds/dict" ;;
	*)
		echo "$top/tests/corpus" "$top/fuzz/seeds/text" ;;
	esac
}

# One target; its exit status goes to DIR/TARGET.rc.
fuzz_one() {
	t=$1
	c=$dir/corpus/$t a=$dir/crash/$t
	mkdir -p "$c" "$a"
	echo "fuzz: $t for ${secs}s"
	# An input takes a millisecond or so; one that takes seconds is a
	# bug of its own.  The bound is wall time, and a busy machine stalls
	# a low-priority fuzzer for a second or more now and then (a false
	# timeout came of -timeout=1), so it is 20 s, and the slowest input
	# is reported.
	# shellcheck disable=SC2046
	"$dir/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=65536 -close_fd_mask=2 -print_final_stats=1 \
	    -artifact_prefix="$a/" \
	    ${FUZZ_FLAGS:-} "$c" $(seeds "$t") >"$dir/$t.log" 2>&1
	echo $? > "$dir/$t.rc"
}

running=0
for t; do
	fuzz_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "${FUZZ_PARALLEL:-1}" ]; then
		wait
		running=0
	fi
done
wait

for t; do
	a=$dir/crash/$t
	rc=$(cat "$dir/$t.rc")
	grep -E '^stat::(number_of_executed_units|average_exec_per_sec|slowest_unit_time_sec|peak_rss_mb):' \
	    "$dir/$t.log" | sed "s/^stat::/fuzz: $t at $code: /"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz: $t FAILED (exit $rc); see $dir/$t.log and $a/" >&2
		grep -m3 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' \
		    "$dir/$t.log" >&2
		status=1
	fi
done
exit $status
