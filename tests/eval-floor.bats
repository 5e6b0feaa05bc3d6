#!/usr/bin/env bats
# Accuracy floors: once a program meets its bar on the dev sets of
# ../shared/eval (see `make eval`), its figure is guarded here a little
# below what it reached, so that it cannot fall back silently.  To raise a
# floor, change its number below; to guard a new figure, add a test that
# calls floor.  The final figures are taken on held-out documents, so a
# floor is a guard against regressions, never a target to tune to.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

# Reached on 2026-11-27: Golden Rules 51/52, news F1 0.9876, interview 0.9866.
SENT_GOLDEN_RULES=49
SENT_NEWS_F1=0.975
SENT_INTERVIEW_F1=0.975

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	E=${NU_EVAL:-$BATS_TEST_DIRNAME/../../shared/eval}
	[ -d "$E" ] || skip "no gold sets: $E is absent (set NU_EVAL)"
	command -v python3 >/dev/null || skip "python3 is missing; run make deps"
}

# floor MIN SCORER ARGS...: run a scorer and check the number on its
# METRIC line (the last line every scorer prints) is at least MIN.
floor() {
	local min=$1 got
	shift
	run --separate-stderr "$@"
	assert_success
	got=$(printf '%s\n' "$output" | awk '/^METRIC / { m = $2 } END { print m }')
	[ -n "$got" ] || fail "no METRIC line from $*"
	awk -v g="$got" -v m="$min" 'BEGIN { exit !(g + 0 >= m + 0) }' ||
	    fail "$got is below the floor $min: $*"
}

@test "sentences: Golden Rules at least $SENT_GOLDEN_RULES of 52" {
	[ -x "$NU_BIN/sentences" ] || skip "no sentences"
	floor "$SENT_GOLDEN_RULES" "$E/sentences/score" \
	    "$E/sentences/golden_rules_en.jsonl" "$NU_BIN/sentences"
}

@test "sentences: gum_news_dev boundary F1 at least $SENT_NEWS_F1" {
	[ -x "$NU_BIN/sentences" ] || skip "no sentences"
	floor "$SENT_NEWS_F1" "$E/sentences/score" \
	    "$E/sentences/gum_news_dev.jsonl" "$NU_BIN/sentences"
}

@test "sentences: gum_interview_dev boundary F1 at least $SENT_INTERVIEW_F1" {
	[ -x "$NU_BIN/sentences" ] || skip "no sentences"
	floor "$SENT_INTERVIEW_F1" "$E/sentences/score" \
	    "$E/sentences/gum_interview_dev.jsonl" "$NU_BIN/sentences"
}
