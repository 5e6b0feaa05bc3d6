#!/usr/bin/env bats
# sentences: the hard cases of splitting, one test each, on text written
# for these tests.  The conventions (options, input, exit codes) are in
# tests/sentences.bats.

bats_load_library bats-support
bats_load_library bats-assert

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	S=$NU_BIN/sentences
}

# split TEXT: run sentences on TEXT (printf %b, so \n is a line break).
split() {
	run sh -c 'printf "%b" "$1" | "$2"' sh "$1" "$S"
	assert_success
}

@test "titles never end a sentence before a name" {
	split 'Sen. Ruth Obi met Gov. Lyle Ames and Dr. Ivo Brandt in St. Paul on Monday. Mt. Hollis was closed.'
	assert_output - <<'EOF'
Sen. Ruth Obi met Gov. Lyle Ames and Dr. Ivo Brandt in St. Paul on Monday.
Mt. Hollis was closed.
EOF
}

@test "an abbreviation that may end a sentence is decided by the next word" {
	split 'The mill moved to the U.S. It reopened in May. The U.S. Senate held a vote. Pell Bros. and Alder Corp. in Leeds merged. The deal closed at 7 a.m. The staff went home.'
	assert_output - <<'EOF'
The mill moved to the U.S.
It reopened in May.
The U.S. Senate held a vote.
Pell Bros. and Alder Corp. in Leeds merged.
The deal closed at 7 a.m.
The staff went home.
EOF
}

@test "an abbreviation at a paragraph end ends the sentence" {
	split 'Shares rose at Tamber Inc.\n\nNothing else moved.'
	assert_output - <<'EOF'
Shares rose at Tamber Inc.
Nothing else moved.
EOF
}

@test "initials and multi-period names stay inside the sentence" {
	split 'Carol M. Whitfield joined J.P. Morgan in 2004. She left when O.K. Tran arrived. The last letter was C. The rest was lost.'
	assert_output - <<'EOF'
Carol M. Whitfield joined J.P. Morgan in 2004.
She left when O.K. Tran arrived.
The last letter was C.
The rest was lost.
EOF
}

@test "numbers and money do not end sentences" {
	split 'Revenue fell to $4.5 billion, a 38.5% drop. The firm ranks No. 3 in the region. It paid $12.50 a share. See p. 14 for details.'
	assert_output - <<'EOF'
Revenue fell to $4.5 billion, a 38.5% drop.
The firm ranks No. 3 in the region.
It paid $12.50 a share.
See p. 14 for details.
EOF
}

@test "ellipses: three dots go on, four dots and a capital end" {
	split 'He paused ... then he spoke. It was, well. . . odd. We waited for hours… and nothing came. I said I would wait.... Nobody came.'
	assert_output - <<'EOF'
He paused ... then he spoke.
It was, well.
. . odd.
We waited for hours… and nothing came.
I said I would wait....
Nobody came.
EOF
}

@test "ellipses before a capital word end a sentence, except before I" {
	split 'We tried to call … Nobody answered. I just ... I could not say it. The report said "prices rose [...] and then fell [...]" (page 4).'
	assert_output - <<'EOF'
We tried to call …
Nobody answered.
I just ... I could not say it.
The report said "prices rose [...] and then fell [...]" (page 4).
EOF
}

@test "question and exclamation marks, alone and doubled" {
	split 'Who saw that coming?! Not me. Stop!! It is over. Is it? yes, said no one. She works at Zoomly! in sales.'
	assert_output - <<'EOF'
Who saw that coming?!
Not me.
Stop!!
It is over.
Is it? yes, said no one.
She works at Zoomly! in sales.
EOF
}

@test "full stops inside closing quotes and brackets" {
	split 'He called it "a disgrace." The board disagreed. She said “we are done.” Then she left. (The vote was close.) It passed. The plan (first drafted in 2019.) was dropped.'
	assert_output - <<'EOF'
He called it "a disgrace."
The board disagreed.
She said “we are done.”
Then she left.
(The vote was close.)
It passed.
The plan (first drafted in 2019.) was dropped.
EOF
}

@test "a quotation holding several sentences is split at each" {
	split '"We gave them every chance. They chose a strike. We did not," said Rafael Quintero. '"'"'Not yet.'"'"' she said.'
	assert_output - <<'EOF'
"We gave them every chance.
They chose a strike.
We did not," said Rafael Quintero.
'Not yet.' she said.
EOF
}

@test "a missing space after a full stop" {
	split 'The pier reopened.Traffic resumed by noon.Crews sold 1,200.Then they left. Mr.Lane stayed.'
	assert_output - <<'EOF'
The pier reopened.
Traffic resumed by noon.
Crews sold 1,200.
Then they left.
Mr.Lane stayed.
EOF
}

@test "URLs and e-mail addresses are not split" {
	split 'Write to Anna.Berg@calderwire.example or see https://www.calderwire.example/news/pier.Report.html. Comments close Friday. The site www.Example.org is down.'
	assert_output - <<'EOF'
Write to Anna.Berg@calderwire.example or see https://www.calderwire.example/news/pier.Report.html.
Comments close Friday.
The site www.Example.org is down.
EOF
}

@test "numbered lists: each item is a sentence" {
	split '1. Close the gates 2. Count the boats 3. Report to the harbor master'
	assert_output - <<'EOF'
1. Close the gates
2. Count the boats
3. Report to the harbor master
EOF
	split 'a) red b) green c) blue'
	assert_output - <<'EOF'
a) red
b) green
c) blue
EOF
}

@test "bulleted list lines are sentences" {
	split 'The cuts fall on:\n- sales teams in Redfield\n- a design center\n• contract staff'
	assert_output - <<'EOF'
The cuts fall on:
- sales teams in Redfield
- a design center
• contract staff
EOF
	split '• 1. Gather • 2. Vote'
	assert_output - <<'EOF'
• 1. Gather
• 2. Vote
EOF
}

@test "datelines without a full stop are sentences of their own" {
	split 'BRUSSELS — European ministers agreed on Tuesday.'
	assert_output - <<'EOF'
BRUSSELS —
European ministers agreed on Tuesday.
EOF
	split 'ST. LOUIS -- The river crested at noon.'
	assert_output - <<'EOF'
ST. LOUIS --
The river crested at noon.
EOF
	split 'Port Ellison, Calder - Crews worked all night.'
	assert_output - <<'EOF'
Port Ellison, Calder -
Crews worked all night.
EOF
}

@test "a date or a place at the head of a paragraph is a dateline without a dash" {
	split 'Tuesday, November 3, 2026 Crews reopened the pier at Port Ellison.'
	assert_output - <<'EOF'
Tuesday, November 3, 2026
Crews reopened the pier at Port Ellison.
EOF
	split 'Milbrook, Kesterland, Calder On Friday the clinic closed.'
	assert_output - <<'EOF'
Milbrook, Kesterland, Calder
On Friday the clinic closed.
EOF
	split 'Rao, Kowalczyk, Ambrose and Whitcomb met on Friday.'
	assert_output 'Rao, Kowalczyk, Ambrose and Whitcomb met on Friday.'
}

@test "a smiley stays with the sentence it ends" {
	split 'Was it worth it? :) It was. We lost! :-( Next year.'
	assert_output - <<'EOF'
Was it worth it? :)
It was.
We lost! :-(
Next year.
EOF
}

@test "a dash inside an ordinary sentence is no dateline" {
	split 'The mayor — who had promised calm — left early.'
	assert_output 'The mayor — who had promised calm — left early.'
}

@test "headlines without a full stop" {
	split 'Dockworkers walk out as talks collapse\nMore than 2,300 dockworkers walked off the job at six on Tuesday after\ntalks between their union and the shipping company broke down.'
	assert_output - <<'EOF'
Dockworkers walk out as talks collapse
More than 2,300 dockworkers walked off the job at six on Tuesday after talks between their union and the shipping company broke down.
EOF
}

@test "photo credits are sentences of their own" {
	split 'Flooded streets in the old town Image: Jonah Reyes.\n\nThe water fell by noon.'
	assert_output - <<'EOF'
Flooded streets in the old town
Image: Jonah Reyes.
The water fell by noon.
EOF
}

@test "hard-wrapped lines do not split a sentence" {
	split 'The harbor authority said the strike would cost the regional economy\nabout $4.5 billion a week, and that Brannock Shipping would ask\nGov. Harlan Petrie to appoint a mediator before the end of the\nmonth.\n\nNext paragraph.'
	assert_output - <<'EOF'
The harbor authority said the strike would cost the regional economy about $4.5 billion a week, and that Brannock Shipping would ask Gov. Harlan Petrie to appoint a mediator before the end of the month.
Next paragraph.
EOF
}

@test "a line that wraps before a capitalised name is not a break" {
	split 'Talks between the union and the shipping company broke down after\nQuintero walked out of the room, officials said on Tuesday night.\n\nMore talks are planned.'
	assert_output - <<'EOF'
Talks between the union and the shipping company broke down after Quintero walked out of the room, officials said on Tuesday night.
More talks are planned.
EOF
}

@test "short lines without full stops are a list" {
	split 'tickets\nparking and transport\nfood, drink'
	assert_output - <<'EOF'
tickets
parking and transport
food, drink
EOF
}

@test "sentences keep every byte but line breaks" {
	text='She said: "Go.”  Then\r\nsilence…   Really?! Yes. — Ana Ruiz'
	run sh -c 'printf "%b" "$1" | "$2" | tr -d " \n"' sh "$text" "$S"
	assert_success
	assert_output "$(printf '%b' "$text" | tr -d ' \r\n')"
}

@test "a space lost after a closing quote: the sentence still ends there" {
	split 'He said the firm was "committed to Calder."Rao did not reply. The "U.S."Army sent none.'
	assert_output - <<'EOF2'
He said the firm was "committed to Calder."
Rao did not reply.
The "U.S."Army sent none.
EOF2
}

@test "German closing marks end a sentence as English ones do" {
	split 'Sie sagte: \0342\0200\0236Wir kommen morgen.\0342\0200\0234 Dann ging sie. Er rief: \0342\0200\0232Halt!\0342\0200\0230 Niemand blieb stehen. He said: \0342\0200\0234We come.\0342\0200\0235 Then he left.'
	assert_output - <<'OUT'
Sie sagte: „Wir kommen morgen.“
Dann ging sie.
Er rief: ‚Halt!‘
Niemand blieb stehen.
He said: “We come.”
Then he left.
OUT
}
