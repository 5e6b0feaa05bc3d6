#!/usr/bin/env bats
# mentions: counting entity records, every option, bad records, and the
# scale-out property: counts made in parts and merged are the counts of
# the whole, with GNU parallel and in a map/sort/reduce run shaped like
# Hadoop Streaming.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert
load conventions

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	M=$NU_BIN/mentions
	D=$BATS_TEST_DIRNAME/mentions
	T=$BATS_TEST_TMPDIR
}

# Entity records of many documents where some names are rare, so that
# cutting the input into parts changes which short forms compete in a
# part: "Halvard" has one long form in some parts and two in others.
gen() {
	awk -v n="$1" -v seed="$2" 'BEGIN {
		srand(seed)
		np = split("PERSON:Vladimir Putin|PERSON:Putin|PERSON:Ivo Halvard|PERSON:Halvard|PERSON:Ana Ruiz|PERSON:Ruiz|PERSON:Li Wei|PERSON:Wei|ORG:European Union|ORG:Union|ORG:World Bank|ORG:Bank|GPE:Sudan|GPE:South Sudan|GPE:Mexico|GPE:New Mexico|NORP:Russian|MISC:World Cup|:Putin|:Vladimir Putin|ORG:Tab\\tand\\\\slash", pool, "|")
		nr = split("PERSON:Tomas Halvard|PERSON:Anton Ivo Halvard|ORG:Soviet Union|PERSON:Carol M. Whitfield|PERSON:Whitfield|:Ana Ruiz", rare, "|")
		for (i = 0; i < n; i++) {
			if (rand() < 0.002)
				s = rare[int(rand() * nr) + 1]
			else
				s = pool[int(rand() * np) + 1]
			c = index(s, ":")
			t = substr(s, 1, c - 1)
			nm = substr(s, c + 1)
			d = "doc" int(rand() * 40) ".txt"
			if (t == "")
				print nm
			else if (rand() < 0.3)
				printf "%s\t%s\t%s\tsome text\n", d, t, nm
			else if (rand() < 0.5)
				printf "%s\t%d\t%d\t%s\t%s\tsome text\n", d, i, i + 3, t, nm
			else
				printf "%s\t%s\t%s\n", t, nm, "text"
		}
	}'
}

@test "counts entity records, most mentioned first, ties by name" {
	run "$M" "$D/news.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "reads the document-name column" {
	run "$M" "$D/news-H.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "reads the byte-offset columns, with and without the name column" {
	awk -F'\t' -v OFS='\t' '{ print NR, NR + 5, $2, $3, $4 }' \
	    "$D/news-H.tsv" > "$T/b.tsv"
	awk -F'\t' -v OFS='\t' '{ print $1, NR, NR + 5, $2, $3, $4 }' \
	    "$D/news-H.tsv" > "$T/hb.tsv"
	run "$M" "$T/b.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
	run "$M" "$T/hb.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "columns after TEXT are allowed, for what entities may add" {
	awk -F'\t' -v OFS='\t' '{ print $0, NR, "x" }' "$D/news-H.tsv" \
	    > "$T/more.tsv"
	run "$M" "$T/more.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "reads TYPE<TAB>NAME, as cut -f1,2 leaves it" {
	cut -f1,2 "$D/news.tsv" > "$T/tn.tsv"
	run "$M" "$T/tn.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "reads JSON Lines from entities -j" {
	# The TSV escape of a backslash is also its JSON escape.
	awk -F'\t' '{ printf "{\"doc\":\"%s\",\"start\":%d,\"end\":%d,\"type\":\"%s\",\"name\":\"%s\",\"text\":\"%s\"}\n", $1, NR, NR + 2, $2, $3, $4 }' \
	    "$D/news-H.tsv" > "$T/news.jsonl"
	run "$M" "$T/news.jsonl"
	assert_success
	assert_output "$(cat "$D/news.expected")"
	run "$M" --by-file "$T/news.jsonl"
	assert_success
	assert_output "$(cat "$D/news-by-file.expected")"
}

@test "JSON input: escapes and \\u sequences are decoded" {
	printf '%s\n' '{"type":"PERSON","name":"Jos\u00e9 Mart\u00ed","text":"x"}' \
	    '{"name":"Jos\u00e9 Mart\u00ed","type":"PERSON"}' \
	    '{"type":"PERSON","name":"Jos\u00e9 Mart\u00ed","x":[1,{"a":"}"}]}' \
	    '{"type":"ORG","name":"A \"B\" \ud83d\ude00"}' > "$T/u.jsonl"
	run "$M" "$T/u.jsonl"
	assert_success
	assert_output "$(printf '3\tPERSON\tJosé Martí\n1\tORG\tA "B" 😀')"
}

@test "plain names, one a line: TYPE is empty, empty lines are skipped" {
	run "$M" "$D/speakers.txt"
	assert_success
	assert_output "$(cat "$D/speakers.expected")"
}

@test "short forms: one long form joins, two compete, nested ones chain" {
	printf 'PERSON\t%s\n' Halvard Halvard 'Ivo Halvard' \
	    'Anton Ivo Halvard' Putin 'Vladimir Putin' Smith \
	    'Ann Smith' 'Bob Smith' > "$T/s.tsv"
	run "$M" "$T/s.tsv"
	assert_success
	assert_output "$(printf '%s\n' '4	PERSON	Anton Ivo Halvard' \
	    '2	PERSON	Vladimir Putin' '1	PERSON	Ann Smith' \
	    '1	PERSON	Bob Smith' '1	PERSON	Smith')"
}

@test "short forms join only within their type, and places never join" {
	printf '%s\n' 'PERSON	Jordan' 'PERSON	Michael Jordan' 'GPE	Jordan' \
	    'GPE	Sudan' 'GPE	South Sudan' 'ORG	Bank' 'ORG	World Bank' \
	    > "$T/t.tsv"
	run "$M" "$T/t.tsv"
	assert_success
	assert_output "$(printf '%s\n' '2	PERSON	Michael Jordan' \
	    '2	ORG	World Bank' '1	GPE	Jordan' '1	GPE	South Sudan' \
	    '1	GPE	Sudan')"
}

@test "a word must end where the short form begins" {
	printf 'PERSON\t%s\n' Son 'Ann Johnson' > "$T/w.tsv"
	run "$M" "$T/w.tsv"
	assert_output "$(printf '1\tPERSON\tAnn Johnson\n1\tPERSON\tSon')"
}

@test "--by-file: per-document counts and per-document short forms" {
	run "$M" --by-file "$D/news-H.tsv"
	assert_success
	assert_output "$(cat "$D/news-by-file.expected")"
	run "$M" -H "$D/news-H.tsv"
	assert_success
	assert_output "$(cat "$D/news-by-file.expected")"
}

@test "--by-file without a name column counts under the file read" {
	cp "$D/news.tsv" "$T/one.ent"
	cd "$T"
	run "$M" --by-file one.ent
	assert_success
	assert_line --index 0 "one.ent	6	PERSON	Vladimir Putin"
	run "$M" --by-file < one.ent
	assert_line --index 0 "-	6	PERSON	Vladimir Putin"
}

@test "-t selects types; an unknown type is a usage error" {
	run "$M" -t PERSON,ORG "$D/news.tsv"
	assert_success
	assert_output "$(grep -E '	(PERSON|ORG)	' "$D/news.expected")"
	run "$M" -t PERSON "$D/speakers.txt"
	assert_success
	assert_output ""
	run "$M" -t PERSON,PEOPLE "$D/news.tsv"
	assert_failure 2
	assert_output --partial 'unknown type "PEOPLE"'
}

@test "-t: type names in any case, an empty one is a usage error, as in entities" {
	types_option "$M" "$D/news.tsv"
	run "$M" -t person,Org "$D/news.tsv"
	assert_success
	assert_output "$(grep -E '	(PERSON|ORG)	' "$D/news.expected")"
}

@test "a record's TYPE is read in capitals only: a document named org is no type" {
	printf 'org\tPERSON\tAna Ruiz\tAna Ruiz\nloc\tGPE\tKellport\tKellport\n' > "$T/rec"
	run --separate-stderr "$M" --by-file "$T/rec"
	assert_success
	assert_output $'loc\t1\tGPE\tKellport\norg\t1\tPERSON\tAna Ruiz'
}

@test "--top N, and of each file with --by-file" {
	run "$M" --top 2 "$D/news.tsv"
	assert_success
	assert_output "$(head -n 2 "$D/news.expected")"
	run "$M" --by-file --top 1 "$D/news-H.tsv"
	assert_output "$(printf '%s\n' 'a.txt	3	PERSON	Vladimir Putin' \
	    'b.txt	3	PERSON	Tomas Halvard' 'c.txt	1	PERSON	Ana Ruiz' \
	    'd.txt	2	PERSON	Ruiz')"
	for bad in 0 -1 x 99999999999999999999; do
		run "$M" --top "$bad" "$D/news.tsv"
		assert_failure 2
		assert_output --partial usage:
	done
	run --separate-stderr "$M" --top 0 "$D/news.tsv"
	assert_equal "${stderr_lines[0]}" "mentions: --top: 0 is too small"
}

@test "-j writes JSON Lines, which --merge reads back" {
	run "$M" -j --top 1 "$D/news.tsv"
	assert_success
	assert_output '{"count":6,"type":"PERSON","name":"Vladimir Putin"}'
	run "$M" -j --by-file --top 1 "$D/news-H.tsv"
	assert_line --index 0 \
	    '{"doc":"a.txt","count":3,"type":"PERSON","name":"Vladimir Putin"}'
	"$M" -j --partial "$D/news.tsv" > "$T/p.jsonl"
	run "$M" --merge "$T/p.jsonl"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "escapes in names are decoded and written again" {
	printf 'ORG\tTab\\tName\\\\x\\nY\tt\nORG\tTab\\tName\\\\x\\nY\tt\n' > "$T/e.tsv"
	run "$M" "$T/e.tsv"
	assert_success
	assert_output $'2\tORG\tTab\\tName\\\\x\\nY'
	run "$M" -j "$T/e.tsv"
	assert_output '{"count":2,"type":"ORG","name":"Tab\tName\\x\nY"}'
}

@test "bad records: told with their line number, skipped, status 2" {
	printf '%s\n' 'PERSON	Ana Ruiz	x' 'PEOPLE	Ana Ruiz	x' \
	    'a	b	c	d	e	f	g' 'x	y	PERSON	Ana Ruiz	t' \
	    'PERSON		t' '{"type":"PERSON"' 'PERSON	Ana Ruiz	x' > "$T/bad.tsv"
	run "$M" "$T/bad.tsv"
	assert_failure 2
	assert_line "2	PERSON	Ana Ruiz"
	assert_line --partial "bad.tsv:2: no entity type"
	assert_line --partial "bad.tsv:3: no entity type"
	assert_line --partial "bad.tsv:4: byte offsets that are not numbers"
	assert_line --partial "bad.tsv:5: an empty NAME"
	assert_line --partial "bad.tsv:6: not a JSON object"
}

@test "many bad records: ten told, then how many more" {
	yes 'no	type	here' | head -n 25 > "$T/bad.tsv"
	run "$M" "$T/bad.tsv"
	assert_failure 2
	assert_line --partial "bad.tsv:10: no entity type"
	refute_line --partial "bad.tsv:11:"
	assert_line --partial "bad.tsv: 15 more bad records"
}

@test "counts given without --merge get a hint" {
	run "$M" "$D/news.expected"
	assert_failure 2
	assert_line --partial "news.expected:1: a count record, not a mention (use --merge)"
}

@test "--merge: bad count records are told and skipped" {
	printf '%s\n' '3	PERSON	Ana Ruiz' 'x	PERSON	Ruiz' '2	PEOPLE	Ruiz' \
	    '2	PERSON' '99999999999999999999	PERSON	Ruiz' > "$T/c.tsv"
	run "$M" --merge "$T/c.tsv"
	assert_failure 2
	assert_line "3	PERSON	Ana Ruiz"
	assert_line --partial "c.tsv:2: a COUNT that is not a whole number"
	assert_line --partial "c.tsv:3: an unknown entity type"
	assert_line --partial "c.tsv:4: not COUNT<TAB>TYPE<TAB>NAME"
	assert_line --partial "c.tsv:5: a COUNT that is not a whole number"
}

@test "--merge: a sum that overflows is an error, never a wrong count" {
	printf '%s\n' '18446744073709551615	PERSON	Ana Ruiz' \
	    '1	PERSON	Ana Ruiz' > "$T/o.tsv"
	run "$M" --merge "$T/o.tsv"
	assert_failure 2
	assert_line "18446744073709551615	PERSON	Ana Ruiz"
	assert_line --partial "o.tsv:2: the count overflows"
}

@test "the short-form rule commutes with merging partial counts" {
	# In part 1 "Halvard" has one long form, in the whole it has two.
	printf 'PERSON\t%s\n' Halvard Halvard 'Ivo Halvard' > "$T/p1"
	printf 'PERSON\t%s\n' 'Tomas Halvard' > "$T/p2"
	cat "$T/p1" "$T/p2" > "$T/whole"
	"$M" --partial "$T/p1" > "$T/m1"
	"$M" --partial "$T/p2" > "$T/m2"
	run "$M" --merge "$T/m1" "$T/m2"
	assert_success
	assert_output "$("$M" "$T/whole")"
	assert_output "$(printf '%s\n' '2	PERSON	Halvard' \
	    '1	PERSON	Ivo Halvard' '1	PERSON	Tomas Halvard')"
}

@test "merging final counts again changes nothing" {
	gen 3000 5 > "$T/in"
	"$M" "$T/in" > "$T/once"
	run "$M" --merge "$T/once"
	assert_success
	assert_output "$(cat "$T/once")"
	"$M" --by-file "$T/in" > "$T/once"
	run "$M" --merge --by-file "$T/once"
	assert_output "$(cat "$T/once")"
}

@test "--partial with --top or --chart=always is a usage error" {
	run "$M" --partial --top 3 "$D/news.tsv"
	assert_failure 2
	run "$M" --partial --chart=always "$D/news.tsv"
	assert_failure 2
	run "$M" -j --chart=always "$D/news.tsv"
	assert_failure 2
	run "$M" --chart=sometimes "$D/news.tsv"
	assert_failure 2
	assert_output --partial "not auto, always or never"
}

@test "serial counts equal GNU parallel-made partial counts merged" {
	command -v parallel > /dev/null || skip "GNU parallel is not installed"
	gen 20000 1 > "$T/in"
	"$M" "$T/in" > "$T/serial"
	# Blocks of records through one pipe, and files as arguments.
	parallel --will-cite --pipe -N 700 -j 4 "$M" --partial \
	    < "$T/in" > "$T/parts"
	run "$M" --merge "$T/parts"
	assert_success
	assert_output "$(cat "$T/serial")"
	mkdir "$T/split"
	split -l 1500 "$T/in" "$T/split/x"
	parallel --will-cite -j 3 "$M --partial {} > {}.part" ::: "$T"/split/x*
	run "$M" --merge "$T"/split/*.part
	assert_success
	assert_output "$(cat "$T/serial")"
	# And per document, as a cron job would count a day (records
	# with the name column only: the others would count under "-").
	awk -F'\t' '$1 ~ /^doc/' "$T/in" > "$T/named"
	"$M" --by-file "$T/named" > "$T/serial-by-file"
	parallel --will-cite --pipe -N 900 "$M" --partial --by-file \
	    < "$T/named" > "$T/parts"
	run "$M" --merge --by-file "$T/parts"
	assert_success
	assert_output "$(cat "$T/serial-by-file")"
}

@test "merging in any grouping gives the counts of the whole" {
	gen 6000 2 > "$T/in"
	"$M" "$T/in" > "$T/serial"
	split -l 1000 "$T/in" "$T/x"
	for f in "$T"/x??; do "$M" --partial "$f" > "$f.p"; done
	# ((a b) c) ((d e) f), then the two, as a tree of combiners.
	"$M" --merge --partial "$T/xaa.p" "$T/xab.p" > "$T/ab"
	"$M" --merge --partial "$T/ab" "$T/xac.p" > "$T/abc"
	"$M" --merge --partial "$T/xad.p" "$T/xae.p" > "$T/de"
	"$M" --merge --partial "$T/xaf.p" "$T/de" > "$T/def"
	run "$M" --merge "$T/def" "$T/abc"
	assert_success
	assert_output "$(cat "$T/serial")"
	# JSON partials merge as well as TSV ones.
	for f in "$T"/x??; do "$M" -j --partial "$f"; done > "$T/all.jsonl"
	run "$M" --merge "$T/all.jsonl"
	assert_output "$(cat "$T/serial")"
}

@test "map, sort, reduce as Hadoop Streaming runs it gives the same counts" {
	gen 20000 3 > "$T/in"
	"$M" "$T/in" > "$T/serial"
	# Mappers over input splits; the shuffle sorts their output.
	split -l 2500 "$T/in" "$T/split."
	for f in "$T"/split.*; do
		"$M" --partial < "$f"
	done | LC_ALL=C sort > "$T/shuffled"
	run "$M" --merge < "$T/shuffled"
	assert_success
	assert_output "$(cat "$T/serial")"
	# Two reducers, the keys partitioned by TYPE (short forms never
	# cross types): their outputs together are the serial counts.
	awk -F'\t' '{ print > ("'"$T"'/r" ($2 ~ /^(PERSON|GPE|MISC)$/)) }' \
	    "$T/shuffled"
	"$M" --merge < "$T/r0" > "$T/out0"
	"$M" --merge < "$T/r1" > "$T/out1"
	run "$M" --merge "$T/out0" "$T/out1"
	assert_output "$(cat "$T/serial")"
	run sh -c "cat '$T/out0' '$T/out1' | LC_ALL=C sort"
	assert_output "$(LC_ALL=C sort "$T/serial")"
}

@test "--chart draws bars that fit COLUMNS; TSV when not on a terminal" {
	run env COLUMNS=60 LC_ALL=C "$M" --chart=always "$D/news.tsv"
	assert_success
	assert_line --index 0 --regexp '^PERSON Vladimir Putin +#+ 6$'
	assert_line --index 13 --regexp '^MISC   World Cup +#+ 1$'
	run env COLUMNS=40 LC_ALL=C "$M" --chart=always "$D/news.tsv"
	assert_success
	assert_line --index 0 --regexp '^PERSON Vladimir Put~ #+ 6$'
	assert_equal "$(printf '%s\n' "$output" | awk 'length > 40' | wc -l)" 0
	assert_equal "${#lines[@]}" 14
	run env COLUMNS=40 LC_ALL=C "$M" --chart=always --top 3 "$D/news.tsv"
	assert_equal "${#lines[@]}" 3
	run "$M" --chart "$D/news.tsv"
	assert_output "$(cat "$D/news.expected")"
	run "$M" --chart=never "$D/news.tsv"
	assert_output "$(cat "$D/news.expected")"
}

@test "--chart: long names are cut, blocks on a UTF-8 terminal" {
	printf 'PERSON\t%s\n' 'A Name Far Too Long To Show In Full Here' \
	    'Bo' 'Bo' > "$T/l.tsv"
	run env COLUMNS=30 LC_ALL=C.UTF-8 "$M" --chart=always "$T/l.tsv"
	assert_success
	assert_line --index 0 --regexp '^PERSON Bo +█+ 2$'
	assert_line --index 1 --regexp '^PERSON A Name Fa… +[^ ]+ 1$'
}

@test "standard input, -, several files, an empty file" {
	run "$M" < "$D/news.tsv"
	assert_output "$(cat "$D/news.expected")"
	run "$M" - < "$D/news.tsv"
	assert_output "$(cat "$D/news.expected")"
	head -n 10 "$D/news.tsv" > "$T/a"
	tail -n +11 "$D/news.tsv" > "$T/b"
	: > "$T/empty"
	run "$M" "$T/a" "$T/empty" - < "$T/b"
	assert_success
	assert_output "$(cat "$D/news.expected")"
	run "$M" "$T/empty"
	assert_success
	assert_output ""
}

@test "an unreadable file is told, the others are counted, status 2" {
	run "$M" "$T/missing" "$D/news.tsv"
	assert_failure 2
	assert_line --partial "mentions: $T/missing: No such file"
	assert_line "6	PERSON	Vladimir Putin"
}

@test "a BOM, CRLF, invalid UTF-8 and NUL bytes" {
	printf '\357\273\277PERSON\tAna Ruiz\tx\r\nPERSON\tAna Ruiz\tx\r\n' > "$T/bom"
	run "$M" "$T/bom"
	assert_success
	assert_output "$(printf '2\tPERSON\tAna Ruiz')"
	# A lone CR ends a record as LF does.
	printf 'PERSON\tAna Ruiz\tx\rPERSON\tRuiz\tx\r\rORG\tKell Works\tx' > "$T/cr"
	run "$M" "$T/cr"
	assert_success
	assert_output $'2\tPERSON\tAna Ruiz\n1\tORG\tKell Works'
	printf 'ORG\tBad \377 Corp\tx\nORG\tBad \377 Corp\tx\n' > "$T/inv"
	"$M" "$T/inv" > "$T/out"
	printf '2\tORG\tBad \377 Corp\n' | cmp - "$T/out"
	run "$M" -j "$T/inv"
	assert_output '{"count":2,"type":"ORG","name":"Bad � Corp"}'
	printf 'A\000B\nA\000B\n' > "$T/nul"
	"$M" "$T/nul" > "$T/out"
	printf '2\t\tA\000B\n' | cmp - "$T/out"
}

@test "a 10 MB line is one name" {
	head -c 10000000 /dev/zero | tr '\0' x > "$T/big"
	echo >> "$T/big"
	cat "$T/big" >> "$T/big2"
	cat "$T/big" >> "$T/big2"
	run sh -c "'$M' '$T/big2' | cut -f1,2"
	assert_success
	assert_output "$(printf '2\t')"
}

@test ">/dev/full: write error, exit 2" {
	write_error "$M" "$D/news.tsv"
}

@test "a closed pipe ends quietly" {
	gen 50000 4 | cut -f1 > "$T/many"
	for i in 1 2 3 4 5 6 7 8; do sed "s/\$/ $i/" "$T/many"; done \
	    > "$T/many8"
	run --separate-stderr sh -c "'$M' '$T/many8' | head -n 1"
	assert_success
	assert_output --regexp '^[0-9]+'
	assert_equal "$stderr" ""
}

@test "-b and -z are accepted and change nothing" {
	run "$M" -b -z "$D/news.tsv"
	assert_success
	assert_output "$(cat "$D/news.expected")"
}

@test "--help, -V and a bad option" {
	help_lists "$M" -t --types --by-file --chart --merge --partial --top \
	    -H -h -b -j --json -z --line-buffered --help -V --version
	version_usage "$M" \
	    "usage: mentions [-HhjV] [-t types] [--by-file] [--chart[=when]] [--merge] [--partial] [--top n] [file ...]"
}

@test "corpus: mentions counts exactly the records that entities writes" {
	[ -x "$NU_BIN/entities" ] || skip "entities is not built"
	cd "$BATS_TEST_DIRNAME/corpus"
	"$NU_BIN/entities" -H -t PERSON,ORG *.txt > "$T/ent"
	# --partial joins nothing, so it must agree with a plain tally.
	run "$M" --by-file --partial "$T/ent"
	assert_success
	assert_output "$(awk -F'\t' -v OFS='\t' '{ n[$1 "\t" $2 "\t" $3]++ }
	    END { for (k in n) { split(k, f, "\t"); print f[1], n[k], f[2], f[3] } }' \
	    "$T/ent" | LC_ALL=C sort -t'	' -k1,1 -k2,2nr -k4,4 -k3,3)"
	"$NU_BIN/entities" -j -t PERSON,ORG *.txt > "$T/ent.jsonl"
	run "$M" "$T/ent.jsonl"
	assert_output "$("$M" "$T/ent")"
}

@test "entities | mentions: a capitalised common word counts no person" {
	[ -x "$NU_BIN/entities" ] || skip "entities is not built"
	printf '%s\n\n%s\n' 'The Keldby Observatory measured the mildew in the hall.' \
	    'Mildew was small, said Dr. Ola Brenn. Brenn said so twice.' |
	    "$NU_BIN/entities" > "$T/ent"
	run "$M" -t PERSON "$T/ent"
	assert_success
	assert_output "2	PERSON	Ola Brenn"
}

@test "entities | mentions: a double surname and the father's alone are one person" {
	[ -x "$NU_BIN/entities" ] || skip "entities is not built"
	printf '%s\n\n%s\n' 'Mayor Luis Pardo Vega opened the bridge.' \
	    'Pardo said it cost less than planned. Pardo left early.' |
	    "$NU_BIN/entities" > "$T/ent"
	run "$M" -t PERSON "$T/ent"
	assert_success
	assert_output "3	PERSON	Luis Pardo Vega"
}

@test "entities | mentions: a company named after its kind counts no person" {
	[ -x "$NU_BIN/entities" ] || skip "entities is not built"
	printf '%s\n' 'Greek ferry operator chief Eva Mos met the shipping company Velmar on Friday. Velmar said the talks went well, Mos said.' |
	    "$NU_BIN/entities" > "$T/ent"
	run "$M" -t PERSON "$T/ent"
	assert_success
	assert_output "2	PERSON	Eva Mos"
}
