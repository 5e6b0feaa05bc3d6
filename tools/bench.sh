#!/bin/sh
# make bench: throughput and peak memory of every program in BIN, beside
# `wc -w` on the same input.
#
#   sh tools/bench.sh [BIN]
#
# The inputs are news-like files made from the articles in tests/corpus/:
# their paragraphs, shuffled with a fixed seed and repeated until the file
# reaches 20 MB and 200 MB.  They are cached under bench/ (gitignored) and
# remade when the corpus changes.  Times come from hyperfine when it is
# installed (mean of several runs), else from one run of /usr/bin/time;
# peak memory (maximum resident set size) always from /usr/bin/time.
# MB/s counts 10^6 bytes of input per second of wall time, start-up
# included, as ../shared/eval/sentences/bench does.  Each input is read
# as one document; a program whose CPU time grows more than 15 times from
# 20 MB to 200 MB is named and makes the run fail (work worse than linear
# in the document, which no test of check would notice).
set -eu

BIN=${1:-bin}
DIR=bench
CORPUS=tests/corpus
export LC_ALL=C.UTF-8

if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time is missing; run make deps" >&2
	exit 1
fi
have_hyperfine=0
command -v hyperfine >/dev/null 2>&1 && have_hyperfine=1
mkdir -p "$DIR"

# Make DIR/news-MB.txt from the corpus paragraphs unless it is newer than
# every article.  A paragraph is a blank-line separated block, or one line
# in articles that have no blank lines; they are written blank-line
# separated so that the programs see ordinary wrapped news.
make_input() {
	mb=$1
	f=$DIR/news-$mb.txt
	if [ -f "$f" ] && [ -z "$(find "$CORPUS" -newer "$f" -name '*.txt')" ]
	then
		return
	fi
	echo "bench: making $f" >&2
	for a in "$CORPUS"/*.txt; do
		if grep -q '^[[:space:]]*$' "$a"; then
			awk 'BEGIN { RS = "" } { gsub(/\n/, "\001"); print }' "$a"
		else
			cat "$a"
		fi
	done | awk -v want=$((mb * 1000000)) '
	{ p[n++] = $0 }
	END {
		srand(20261127)
		while (size < want) {
			s = p[int(rand() * n)]
			gsub(/\001/, "\n", s)
			printf "%s\n\n", s
			size += length(s) + 2
		}
	}' > "$f.tmp"
	mv "$f.tmp" "$f"
}

# The mean wall time of `sh -c CMD < FILE > /dev/null`, in seconds; the
# CPU time (user and system) of the same runs is left in $DIR/cpu, as wall
# time alone misleads on a machine that is busy with other work.
wall() {
	if [ $have_hyperfine = 1 ]; then
		hyperfine --style none --warmup "$3" --runs "$4" \
		    --export-csv "$DIR/hf.csv" "$1 < $2" >/dev/null 2>&1
		awk -F, 'NR == 2 { print $5 + $6 > "'"$DIR/cpu"'"; print $2 }' \
		    "$DIR/hf.csv"
	else
		/usr/bin/time -f '%e %U %S' -o "$DIR/time.out" sh -c "$1" \
		    < "$2" > /dev/null
		awk '{ print $2 + $3 > "'"$DIR/cpu"'"; print $1 }' \
		    "$DIR/time.out"
	fi
}

# Peak resident memory of one run, in kilobytes.
peak() {
	/usr/bin/time -f %M -o "$DIR/time.out" sh -c "exec $1" \
	    < "$2" > /dev/null
	tail -n 1 "$DIR/time.out"
}

make_input 20
make_input 200
# One paragraph (the dateline paragraph of an article), for start-up cost.
awk 'BEGIN { RS = "" } NR == 3' "$CORPUS/harbor-strike.txt" > "$DIR/one.txt"

# What each program reads: text, except mentions, which counts names.
progs=
superlinear=0
for c in cmd/*.c; do
	p=$(basename "$c" .c)
	[ -x "$BIN/$p" ] && progs="$progs $p"
	# entities and quotes in one thread: what each job of parallel(1)
	# runs.
	case $p in
	entities|quotes)
		[ -x "$BIN/$p" ] && progs="$progs $p-1" ;;
	esac
done

mbs() {
	awk -v b="$(wc -c < "$2")" -v t="$1" \
	    'BEGIN { printf "%.1f", (t > 0 ? b / 1e6 / t : 0) }'
}

echo "MB/s: wall time (CPU time in brackets), 10^6 bytes of input a second;"
echo "wc -w: on the same 200 MB input, in the same minute; peak: maximum RSS"
printf '%-10s %8s %16s %16s %10s %10s %9s\n' program "20 MB" \
    "200 MB" "wc -w 200 MB" "peak 20" "peak 200" "one para"
for p in wc $progs; do
	case $p in
	wc)
		cmd="wc -w" ;;
	*-1)
		cmd="$BIN/${p%-1} --threads=1" ;;
	*)
		cmd="$BIN/$p" ;;
	esac
	in20=$DIR/news-20.txt
	in200=$DIR/news-200.txt
	if [ "$p" = mentions ]; then
		# mentions counts one name a line: give it the names of the
		# text, made once by cutting words out of the same file.
		for s in 20 200; do
			[ -s "$DIR/names-$s.txt" ] && continue
			tr -cs 'A-Za-z' '\n' < "$DIR/news-$s.txt" |
			    grep '^[A-Z]' > "$DIR/names-$s.txt" || true
		done
		in20=$DIR/names-20.txt
		in200=$DIR/names-200.txt
	fi
	t20=$(wall "$cmd" "$in20" 1 5)
	c20=$(cat "$DIR/cpu")
	t200=$(wall "$cmd" "$in200" 0 3)
	c200=$(cat "$DIR/cpu")
	twc=$(wall "wc -w" "$in200" 0 3)
	cwc=$(cat "$DIR/cpu")
	m20=$(peak "$cmd" "$in20")
	m200=$(peak "$cmd" "$in200")
	t1=$(wall "$cmd" "$DIR/one.txt" 20 200)
	printf '%-10s %8s %7s (%6s) %7s (%6s) %7s KB %7s KB %6.2f ms\n' \
	    "$p" "$(mbs "$t20" "$in20")" \
	    "$(mbs "$t200" "$in200")" "$(mbs "$c200" "$in200")" \
	    "$(mbs "$twc" "$in200")" "$(mbs "$cwc" "$in200")" "$m20" "$m200" \
	    "$(awk -v t="$t1" 'BEGIN { print t * 1000 }')"
	# Each input is one document, so work that grows faster than the
	# document (a pass over all its mentions for each new one) shows as
	# CPU time growing more than ten times from 20 MB to 200 MB.
	if awk -v a="$c20" -v b="$c200" 'BEGIN { exit !(b > a * 10 * 1.5) }'
	then
		printf 'bench: %s: CPU time grows %.1f times from 20 MB to 200 MB: worse than linear in the document\n' \
		    "$p" "$(awk -v a="$c20" -v b="$c200" 'BEGIN { print b / a }')"
		superlinear=1
	fi
done

# Memory is bounded by the longest paragraph, not the input: the 200 MB
# file with every line break made a space is one paragraph of 200 MB.
if [ -x "$BIN/sentences" ]; then
	tr '\n' ' ' < "$DIR/news-200.txt" |
	    /usr/bin/time -f %M -o "$DIR/time.out" "$BIN/sentences" > /dev/null
	echo "sentences on 200 MB without a line break: peak" \
	    "$(tail -n 1 "$DIR/time.out") KB"
fi

# The bar of mentions(1): on 1 million entity records (TYPE NAME TEXT,
# the names two capitalised words of the text in a row), at least as fast
# as sort | uniq -c | sort -rn on the same records.
if [ -x "$BIN/mentions" ] && [ -s "$DIR/names-200.txt" ]; then
	rec=$DIR/entities-1m.tsv
	[ -s "$rec" ] || awk 'BEGIN { split("PERSON ORG GPE LOC NORP MISC", t) }
	    p != "" { printf "%s\t%s %s\tthe %s %s\n", t[NR % 6 + 1], p, $0,
	    p, $0 } { p = $0 }' "$DIR/names-200.txt" | head -n 1000000 > "$rec"
	tm=$(wall "$BIN/mentions" "$rec" 1 5)
	ts=$(wall "{ sort | uniq -c | sort -rn; }" "$rec" 1 3)
	printf 'mentions on 1M entity records: %.2f s; sort | uniq -c | sort -rn: %.2f s; peak %s KB\n' \
	    "$tm" "$ts" "$(peak "$BIN/mentions" "$rec")"
fi

# The scale-out bar: GNU parallel on 2 cores against one pipeline, on the
# 200 MB file cut at paragraph ends, partial counts merged.  (The command
# is one line: hyperfine's CSV would quote a line break.)
if [ -x "$BIN/mentions" ] && [ -x "$BIN/entities" ] &&
    command -v parallel >/dev/null 2>&1; then
	in=$DIR/news-200.txt
	# Each job in one thread, as against the same pipeline alone; and
	# the pipeline with entities' own two threads, for comparison.
	ts=$(wall "{ $BIN/entities --threads=1 | $BIN/mentions; }" "$in" 0 1)
	tp=$(wall "{ parallel --will-cite --pipepart -a $in --recend '\n\n' \
	    --block -1 -j2 '$BIN/entities --threads=1 | $BIN/mentions --partial' | \
	    $BIN/mentions --merge; }" /dev/null 0 1)
	t2=$(wall "{ $BIN/entities | $BIN/mentions; }" "$in" 0 1)
	printf 'entities --threads=1 | mentions on 200 MB: %.1f s; parallel -j2: %.1f s (%.2fx); entities in two threads | mentions: %.1f s\n' \
	    "$ts" "$tp" "$(awk -v a="$ts" -v b="$tp" 'BEGIN { print a / b }')" "$t2"
fi
rm -f "$DIR/hf.csv" "$DIR/time.out" "$DIR/cpu"
[ "$superlinear" = 0 ]
