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

# Reached on 2026-11-28: PER/LOC/ORG F1 0.746, PER 0.826, gum_news 0.705
# (the issue's bar: 0.70, PER 0.82, gum_news 0.64); then F1 0.750, PER
# 0.831, gum_news 0.717 with the rules after the model of session 3; then
# F1 0.762, gum_news 0.760 with session 4's (national teams in sports
# reports, most of it).  On 2026-12-08 the word-list entries that came
# from dev documents went (issue 13): F1 0.749, PER 0.812, gum_news 0.726,
# the honest baseline.  Floors are 0.02 under what is reached.
ENT_F1=0.73
ENT_PER_F1=0.79
ENT_NEWS_F1=0.70

# Reached on 2026-11-28: English quote F1 0.953, speaker accuracy 0.901;
# 0.953, 0.887 on 2026-12-08 with speakers only among the names entities
# prints (issue 13: one GUM quote had a speaker no tagger names).
QUOTE_F1=0.93
QUOTE_SPEAKER=0.88

# Wikinews 2019-2020 (199 documents), reached on 2026-12-08: quote F1
# 0.913, speaker accuracy 0.712; then 0.918, 0.785 with the speaker
# rules of the same day; then 0.916, 0.813 with one name layer and the
# rules of session 6.
WN_QUOTE_F1=0.895
WN_SPEAKER=0.79

# Persons counted by entities | mentions on the same documents, reached
# on 2026-12-08: person_f1 0.872, count_exact 0.924, mention_err 0.204;
# then 0.879, 0.927, 0.185 with the rules of the same day (an error: its
# bound is a ceiling); then 0.892, 0.931, 0.158 in session 6.
MEN_PERSON_F1=0.87
MEN_COUNT_EXACT=0.91
MEN_ERR_MAX=0.18

# The entity scorer's report, typed as the bar is (PER, LOC, ORG).
entities_report() {
	"$E/entities/score" --types PER,LOC,ORG --offsets byte -- sh -c \
	    "\"$NU_BIN/entities\" -b | awk -F'\t' -v OFS='\t' '{print \$3,\$1,\$2,\$5}'"
}

# at_least GOT MIN WHAT
at_least() {
	[ -n "$1" ] || fail "no figure for $3"
	awk -v g="$1" -v m="$2" 'BEGIN { exit !(g + 0 >= m + 0) }' ||
	    fail "$3: $1 is below the floor $2"
}

@test "entities: F1 at least $ENT_F1, PER at least $ENT_PER_F1, gum_news at least $ENT_NEWS_F1" {
	[ -x "$NU_BIN/entities" ] || skip "no entities"
	run --separate-stderr entities_report
	assert_success
	at_least "$(printf '%s\n' "$output" | awk '$1 == "ALL" { print $4 }')" \
	    "$ENT_F1" "PER/LOC/ORG F1"
	at_least "$(printf '%s\n' "$output" | awk '$1 == "PER" { print $4 }')" \
	    "$ENT_PER_F1" "PER F1"
	at_least "$(printf '%s\n' "$output" |
	    awk '$1 == "file" && $2 == "gum_news.jsonl" { print $NF }')" \
	    "$ENT_NEWS_F1" "gum_news F1"
}

# quote_floors MIN_F1 MIN_SPEAKER [SCORER ARGS...]: the quote scorer on
# quotes, its quote F1 and speaker accuracy at least the two minimums.
quote_floors() {
	local f1=$1 spk=$2
	shift 2
	[ -x "$NU_BIN/quotes" ] || skip "no quotes"
	run --separate-stderr "$E/quotes/score" "$@" -- "$NU_BIN/quotes"
	assert_success
	at_least "$(printf '%s\n' "$output" | awk '$1 == "quote_f1" { print $2 }')" \
	    "$f1" "quote F1"
	at_least "$(printf '%s\n' "$output" | awk '$1 == "quote_f1" { print $4 }')" \
	    "$spk" "speaker accuracy"
}

@test "quotes: English quote F1 at least $QUOTE_F1, speaker accuracy at least $QUOTE_SPEAKER" {
	quote_floors "$QUOTE_F1" "$QUOTE_SPEAKER"
}

@test "quotes: Wikinews 2019-2020 quote F1 at least $WN_QUOTE_F1, speaker accuracy at least $WN_SPEAKER" {
	quote_floors "$WN_QUOTE_F1" "$WN_SPEAKER" \
	    --gold "$E/quotes/wikinews-2019-2020.dev.jsonl" --jobs 2
}

@test "mentions: persons of Wikinews 2019-2020 found and counted (person_f1 $MEN_PERSON_F1, count_exact $MEN_COUNT_EXACT, mention_err at most $MEN_ERR_MAX)" {
	[ -x "$NU_BIN/entities" ] && [ -x "$NU_BIN/mentions" ] ||
	    skip "no entities or mentions"
	run --separate-stderr "$E/mentions/score" -- \
	    "\"$NU_BIN/entities\" | \"$NU_BIN/mentions\" -t PERSON"
	assert_success
	last=$(printf '%s\n' "$output" | tail -n 1)
	at_least "$(echo "$last" | awk '$1 == "person_f1" { print $2 }')" \
	    "$MEN_PERSON_F1" "person_f1"
	at_least "$(echo "$last" | awk '{ print $4 }')" "$MEN_COUNT_EXACT" \
	    "count_exact"
	# An error figure: its bound is a ceiling, the floor of its negative.
	at_least "$(echo "$last" | awk '{ print -$6 }')" "-$MEN_ERR_MAX" \
	    "mention_err"
}
