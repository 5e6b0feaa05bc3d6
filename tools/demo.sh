#!/bin/sh
# make demo: run every program in BIN on the articles in tests/corpus/ and
# show, a few lines each, what it does.  The commands are printed as a user
# would type them; BIN is put first on PATH so that they run as printed.
#
#   sh tools/demo.sh [BIN]
set -u

BIN=${1:-bin}
C=tests/corpus
PATH=$(cd "$BIN" && pwd):$PATH
export PATH

# Print a command, then run it.
show() {
	printf '\n$ %s\n' "$1"
	sh -c "$1" || echo "(exit status $?)"
}

has() {
	[ -f "cmd/$1.c" ] && [ -x "$BIN/$1" ]
}

echo "newsutils demo: the programs on the invented articles in $C/"
ls "$C"

if has sentences; then
	echo
	echo "== sentences: one sentence a line"
	show "sentences $C/harbor-strike.txt | head -6"
	show "sentences -p $C/cup-final.txt | head -8"
	show "sentences -b $C/merger-review.txt | head -3"
	show "sentences -j $C/fisheries-talks.txt | head -2"
	show "sentences $C/*.txt | grep -c ."
	show "sentences -H $C/*.txt | awk -F'\\t' '\$2 ~ /strike/ { print \$1 }' | uniq -c"
	show "printf 'One doc. Two sentences.\\0Another doc.\\0' | sentences -z -H"
fi

if has quotes; then
	echo
	echo "== quotes: who said what"
	show "quotes $C/harbor-strike.txt | head -6"
	show "quotes $C/fisheries-talks.txt | cut -f1 | sort | uniq -c | sort -rn"
fi

if has entities; then
	echo
	echo "== entities: every name, linked to its entity"
	show "entities $C/merger-review.txt | head -8"
	show "entities -t PERSON $C/governor-race.txt | cut -f2 | sort -u"
fi

if has mentions; then
	echo
	echo "== mentions: who and what is talked about, most first"
	if has entities; then
		show "entities $C/harbor-strike.txt | mentions | head -5"
		show "entities -H $C/*.txt | mentions --by-file | head -5"
	else
		# One name a line works too.
		show "grep -ho 'Gov\\. [A-Z][a-z]* [A-Z][a-z]*' $C/*.txt | mentions"
	fi
	if has quotes; then
		show "quotes -h $C/*.txt | cut -f1 | mentions | head -5"
	fi
fi
