#!/usr/bin/env bats
# entities: every option, the dictionary file, the input and output
# conventions of DESIGN.md, and the people of the corpus articles.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert
load conventions
load threads

setup() {
	: "${NU_BIN:=$BATS_TEST_DIRNAME/../bin}"
	N=$NU_BIN/entities
	C=$BATS_TEST_DIRNAME/corpus
	X=$BATS_TEST_DIRNAME/expected
	T=$BATS_TEST_TMPDIR
	printf '%s\n' 'Vladimir Putin met reporters in Moscow on Monday. Mr Putin said the talks with the European Union went well.' \
	    '' 'The EU did not comment. Putin'"'"'s spokesman, Dmitry Peskov, said nothing.' > "$T/a.txt"
	printf 'Angela Merkel flew to Paris.\n' > "$T/b.txt"
}

@test "TYPE, NAME and TEXT of every mention, names settled per document" {
	run "$N" "$T/a.txt"
	assert_success
	assert_output "PERSON	Vladimir Putin	Vladimir Putin
GPE	Moscow	Moscow
PERSON	Vladimir Putin	Putin
ORG	European Union	European Union
ORG	European Union	EU
PERSON	Vladimir Putin	Putin
PERSON	Dmitry Peskov	Dmitry Peskov"
}

@test "a short form before the full name takes the full name" {
	printf 'Peskov spoke first. Later, Dmitry Peskov spoke again.\n' > "$T/s"
	run "$N" "$T/s"
	assert_output $'PERSON\tDmitry Peskov\tPeskov\nPERSON\tDmitry Peskov\tDmitry Peskov'
}

@test "titles and roles are outside the name" {
	printf 'Russian President Vladimir Putin spoke. Sen. Marguerite Halloway agreed.\n' > "$T/t"
	run "$N" -t PERSON "$T/t"
	assert_output $'PERSON\tVladimir Putin\tVladimir Putin\nPERSON\tMarguerite Halloway\tMarguerite Halloway'
	printf 'Chief Constable Sarah Boyd and Det. Supt. Tom Hale spoke.\n' > "$T/t"
	run "$N" -j "$T/t"
	assert_line -n 0 --partial '"name":"Sarah Boyd","text":"Sarah Boyd","sentence":1,"title":"Chief Constable"}'
	assert_line -n 1 --partial '"name":"Tom Hale","text":"Tom Hale","sentence":1,"title":"Det. Supt."}'
}

@test "a nationality before a title is a NORP, the title the person's" {
	printf "Danish President Clara Whitby's aide spoke.\n" > "$T/t"
	run "$N" -j "$T/t"
	assert_line -n 0 --partial '"type":"NORP","name":"Danish","text":"Danish"'
	assert_line -n 1 --partial '"type":"PERSON","name":"Clara Whitby","text":"Clara Whitby","sentence":1,"title":"President"}'
}

@test "a title of a body or place before a person: the body, the place and the person apart" {
	printf 'Chair of the Harwick Port Authority Clara Whitby said the docks would reopen. Governor of Ohio Osric Penhale agreed.\n' > "$T/t"
	run "$N" -j "$T/t"
	assert_line -n 0 --partial '"type":"ORG","name":"Harwick Port Authority","text":"Harwick Port Authority"'
	assert_line -n 1 --partial '"type":"PERSON","name":"Clara Whitby","text":"Clara Whitby","sentence":1,"title":"Chair"}'
	assert_line -n 2 --partial '"type":"GPE","name":"Ohio","text":"Ohio"'
	assert_line -n 3 --partial '"type":"PERSON","name":"Osric Penhale","text":"Osric Penhale","sentence":2,"title":"Governor"}'
}

@test "a club or body before a role in lower case and a person is an organisation" {
	printf 'Calder Maple Harriers coach Tomas Ellery said the team was ready. Tarnwick Ironsides chairman Bram Holloway agreed. Calder'"'"'s Labour mayor Clara Whitby did not.\n' > "$T/t"
	run "$N" -j "$T/t"
	assert_line -n 0 --partial '"type":"ORG","name":"Calder Maple Harriers","text":"Calder Maple Harriers"'
	assert_line -n 1 --partial '"type":"PERSON","name":"Tomas Ellery","text":"Tomas Ellery","sentence":1,"title":"coach"}'
	assert_line -n 2 --partial '"type":"ORG","name":"Tarnwick Ironsides","text":"Tarnwick Ironsides"'
	assert_line -n 3 --partial '"type":"PERSON","name":"Bram Holloway","text":"Bram Holloway","sentence":2,"title":"chairman"}'
	refute_output --partial "Calder's Labour"
}

@test "an occupation and a minister's portfolio are titles" {
	printf 'Actor Tomas Ellery and novelist Idris Castellane met UK Health Secretary Bram Holloway.\n' > "$T/t"
	run "$N" -j -t PERSON "$T/t"
	assert_line -n 0 --partial '"name":"Tomas Ellery","text":"Tomas Ellery","sentence":1,"title":"Actor"}'
	assert_line -n 1 --partial '"name":"Idris Castellane","text":"Idris Castellane","sentence":1,"title":"novelist"}'
	assert_line -n 2 --partial '"name":"Bram Holloway","text":"Bram Holloway","sentence":1,"title":"Health Secretary"}'
	# An occupation that is a surname too is a name alone.
	printf 'Singer Marla Quenby cancelled the tour.\n\nOrla Singer built looms. Singer said so.\n' > "$T/t"
	run "$N" -j -t PERSON "$T/t"
	assert_line -n 0 --partial '"name":"Marla Quenby","text":"Marla Quenby","sentence":1,"title":"Singer"}'
	assert_line -n 1 --partial '"name":"Orla Singer","text":"Orla Singer"'
	assert_line -n 2 --partial '"name":"Orla Singer","text":"Singer"'
	assert_equal "${#lines[@]}" 3
}

@test "a shared surname is the person introduced first's; a given name picks the relative" {
	printf '%s\n' 'Senator Harriet Dunmore toured Carvel County with her son, Felix Dunmore.' '' \
	    'Dunmore said the state would pay. Felix said his fields were under water.' '' \
	    'Dunmore thanked the Dunmores, who have farmed there since 1920.' > "$T/t"
	run "$N" -t PERSON,NORP "$T/t"
	assert_output $'PERSON\tHarriet Dunmore\tHarriet Dunmore\nPERSON\tFelix Dunmore\tFelix Dunmore\nPERSON\tHarriet Dunmore\tDunmore\nPERSON\tFelix Dunmore\tFelix\nPERSON\tHarriet Dunmore\tDunmore\nNORP\tDunmores\tDunmores'
	printf 'Carl Jones met the Joneses. Nadia Harris and Ed Harri spoke; Harris left.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tCarl Jones\tCarl Jones\nNORP\tJoneses\tJoneses\nPERSON\tNadia Harris\tNadia Harris\nPERSON\tEd Harri\tEd Harri\nPERSON\tNadia Harris\tHarris'
}

@test "a storm's or a ship's name is no person's, nor its short form" {
	printf '%s\n' 'Hurricane Selma reached the coast on Monday. Selma weakened overnight.' '' \
	    'The USS Carrow sank in 1944. Divers found Carrow last year.' > "$T/t"
	run "$N" "$T/t"
	assert_output $'MISC\tHurricane Selma\tHurricane Selma\nMISC\tHurricane Selma\tSelma\nMISC\tUSS Carrow\tUSS Carrow\nMISC\tUSS Carrow\tCarrow'
}

@test "a storm's or ship's word before the tagger's span, a work's or product's after it, make a thing" {
	printf 'Tropical Storm Orla Fenwick formed overnight. The MV Ansel Brody ran aground. The phone runs Harlow OS.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'MISC\tTropical Storm Orla Fenwick\tTropical Storm Orla Fenwick\nMISC\tMV Ansel Brody\tMV Ansel Brody\nMISC\tHarlow OS\tHarlow OS'
	printf 'The laptop shipped with Orla Fenwick Linux. Ansel Brody Show fans cheered. Orla Fenwick Award winners met.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'MISC\tOrla Fenwick Linux\tOrla Fenwick Linux\nMISC\tAnsel Brody Show\tAnsel Brody Show\nMISC\tOrla Fenwick Award\tOrla Fenwick Award'
	# The tagger finds no name there at all.
	printf 'Typhoon Marisol hit the islands. Storm Dorrit brought floods to Tarnwick, and Cyclone Elowen’s winds eased.\n' > "$T/t"
	run "$N" -t MISC "$T/t"
	assert_output $'MISC\tTyphoon Marisol\tTyphoon Marisol\nMISC\tStorm Dorrit\tStorm Dorrit\nMISC\tCyclone Elowen\tCyclone Elowen'
}

@test "a name all a pair of quotation or italic marks holds is a work's, not a nickname" {
	printf 'The film "Orla Fenwick" opened on Friday, and critics praised *Ansel Brody*. Tomas "Big Tom" Ellery and ‘Clara Whitby’s’ fans agreed.\n' > "$T/t"
	run "$N" -t MISC "$T/t"
	assert_output $'MISC\tOrla Fenwick\tOrla Fenwick\nMISC\tAnsel Brody\tAnsel Brody'
}

@test "a surname of the document standing alone is its person, even a common word" {
	printf '%s\n' 'The singer Oriel Day died on Monday at her home in Carmel.' '' \
	    'Day made 29 albums. Critics said Day had a rare voice, and West Bank fans mourned her.' '' \
	    'Born in May, Day rarely toured.' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tOriel Day\tOriel Day\nLOC\tCarmel\tCarmel\nPERSON\tOriel Day\tDay\nPERSON\tOriel Day\tDay\nLOC\tWest Bank\tWest Bank\nPERSON\tOriel Day\tDay'
}

@test "a name with its letters' marks and without them is one person" {
	printf 'Wiktor Zabinski and Jan Wójcik spoke; Żabiński left early and Wojcik stayed.\n' > "$T/t"
	run "$N" -t PERSON "$T/t"
	assert_output $'PERSON\tWiktor Zabinski\tWiktor Zabinski\nPERSON\tJan Wójcik\tJan Wójcik\nPERSON\tWiktor Zabinski\tŻabiński\nPERSON\tJan Wójcik\tWojcik'
}

@test "continents and seas are LOC, countries and cities GPE" {
	printf 'Exports from Asia to Europe fell. Ships avoid the Red Sea, which Egypt and Sudan border.\n' > "$T/t"
	run "$N" -t GPE,LOC "$T/t"
	assert_output $'LOC\tAsia\tAsia\nLOC\tEurope\tEurope\nLOC\tRed Sea\tRed Sea\nGPE\tEgypt\tEgypt\nGPE\tSudan\tSudan'
	# ISO 3166-2 romanises with marks ("Mahārāshtra"); news writes none.
	printf 'Voters in Maharashtra and Gujarat went to the polls.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'GPE\tMaharashtra\tMaharashtra\nGPE\tGujarat\tGujarat'
}

@test "a known organisation the model leaves out, but not a common word" {
	printf 'The Kremlin said the talks had failed. Downing Street said nothing.\n\nShell said profits rose.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tKremlin\tKremlin\nORG\tDowning Street\tDowning Street'
}

@test "a storm is an event; words between a place and a title are neither" {
	printf 'Hurricane Milton hit Florida on Wednesday.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'MISC\tHurricane Milton\tHurricane Milton\nGPE\tFlorida\tFlorida'
	printf 'U.S. District Judge Lewis Kaplan spoke. Los Angeles Police Chief Michel Moore resigned.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'GPE\tUnited States\tU.S.\nPERSON\tLewis Kaplan\tLewis Kaplan\nGPE\tLos Angeles\tLos Angeles\nPERSON\tMichel Moore\tMichel Moore'
}

@test "an organisation's name less its last word is the organisation, unless a place's" {
	# The tagger reads "Milbrook General" alone as a place.
	printf 'Milbrook General Hospital will close its ward. "We built it," said Lena Cole, whose children were born at Milbrook General.\n\nThe Orrin Valley Council met. Floods hit the Orrin Valley.\n' > "$T/t"
	run "$N" -t ORG,LOC "$T/t"
	assert_output $'ORG\tMilbrook General Hospital\tMilbrook General Hospital\nORG\tMilbrook General Hospital\tMilbrook General\nORG\tOrrin Valley Council\tOrrin Valley Council\nLOC\tOrrin Valley\tOrrin Valley'
}

@test "the word lists of the rules are data, sorted into tables when built" {
	f=$BATS_TEST_DIRNAME/../data/ner/rules.txt
	g=$BATS_TEST_DIRNAME/../tools/word-tab.sh
	run awk -F '\t' '!/^#/ && NF == 2 { n[$1]++ } END { for (l in n) print l }' "$f"
	[ "${#lines[@]}" -ge 16 ]
	run awk -F '\t' '!/^#/ && NF == 2 { n[$1]++ } END { for (l in n) print l }' \
	    "$BATS_TEST_DIRNAME/../data/ent/rules.txt"
	[ "${#lines[@]}" -ge 3 ]
	# Out of order in the file, in order in the table.
	printf 'storm\tTyphoon\nstorm\tCyclone\n' > "$T/r"
	run sh "$g" ner "$T/r"
	assert_success
	assert_output --partial $'ner_w_storm[] = {\n\t"Cyclone",\n\t"Typhoon",\n};'
	# A word twice, or a line that is no list and word, is an error.
	printf 'storm\tTyphoon\nstorm\tTyphoon\n' > "$T/r"
	run sh "$g" ner "$T/r"
	assert_failure
	assert_output --partial '#error "Typhoon twice in storm"'
	printf 'Storm Typhoon\n' > "$T/r"
	run sh "$g" ner "$T/r"
	assert_failure
}

@test "in a sports report a country stands for its team; elsewhere it is a GPE" {
	cat > "$T/t" <<-'EOF'
	Norway came from behind to beat Portugal 2-1 in a qualifying match in Oslo on Tuesday.

	Portugal, who won the first meeting 3-0, took the lead through a penalty. Norway's striker equalised before half-time, and a late goal gave Norway the points.

	The government of Norway said on Friday that it would raise taxes. Norway and Denmark signed a treaty.
	EOF
	run "$N" -t GPE,ORG "$T/t"
	assert_output $'ORG\tNorway\tNorway\nORG\tPortugal\tPortugal\nGPE\tOslo\tOslo\nORG\tPortugal\tPortugal\nORG\tNorway\tNorway\nORG\tNorway\tNorway\nGPE\tNorway\tNorway\nGPE\tNorway\tNorway\nGPE\tDenmark\tDenmark'
	# A vote is no result of a match.
	printf 'The court ruled 5-4 that Norway must pay. The Senate voted 51-49 and Norway appealed.\n' > "$T/t"
	run "$N" -t GPE "$T/t"
	assert_output $'GPE\tNorway\tNorway\nGPE\tNorway\tNorway'
}

@test "a given name that is a place's, and a surname, is a person's" {
	printf 'Chad Smith and Georgia Brown agreed. She lived in Georgia. Florence Park was shut.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tChad Smith\tChad Smith\nPERSON\tGeorgia Brown\tGeorgia Brown\nGPE\tGeorgia\tGeorgia\nLOC\tFlorence Park\tFlorence Park'
}

@test "a verb between two names parts them" {
	printf 'The Securities and Exchange Commission sued Coinbase in June.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tSecurities and Exchange Commission\tSecurities and Exchange Commission\nORG\tCoinbase\tCoinbase'
}

@test "a title alone or initials alone name no one" {
	printf 'The Dr. was out. L. D. wrote to S. F. Smith.\n' > "$T/t"
	run "$N" -t PERSON "$T/t"
	assert_output $'PERSON\tS. F. Smith\tS. F. Smith'
}

@test "a particle inside a name; a title, a party and state, a nationality are no person" {
	printf 'Coach Joost ten Brink met Luisa de Araujo and Pieter van der Mol. Meanwhile, in Washington, Sen. Clara Whitby, D-Mass., spoke. "We won," the Spaniard said.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tJoost ten Brink\tJoost ten Brink
PERSON\tLuisa de Araujo\tLuisa de Araujo
PERSON\tPieter van der Mol\tPieter van der Mol
GPE\tWashington\tWashington
PERSON\tClara Whitby\tClara Whitby
NORP\tSpaniard\tSpaniard'
	# German articles are no particles: "der" after a name stays out.
	printf 'A letter from Jan Keller der Stadtwerke arrived.\n' > "$T/d"
	run "$N" -t PERSON "$T/d"
	assert_line -n 0 $'PERSON\tJan Keller\tJan Keller'
}

@test "a name in apposition with a person is a person's, and so is its surname after" {
	printf 'Ella Boston, a 41-year-old mother of two, sued the club. Boston said she was hurt. Springfield, a city of 100,000, voted.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tElla Boston\tElla Boston\nPERSON\tElla Boston\tBoston\nGPE\tSpringfield\tSpringfield'
	printf 'The author, Maria Park, said so. Greenpeace, an activist group, did not.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'PERSON\tMaria Park\tMaria Park\nORG\tGreenpeace\tGreenpeace'
}

@test "a name ending in a legal form is an organisation's, all of it" {
	printf 'Shares of Tarnwick Fabrics Ltd. rose after Harlow Gears Inc. cut its prices.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tTarnwick Fabrics Ltd.\tTarnwick Fabrics Ltd.\nORG\tHarlow Gears Inc.\tHarlow Gears Inc.'
	printf 'Marks & Spencer and Holt & Varga Co. hired Ana Ruiz & Tom Hale for all Home & Away games.\n' > "$T/t"
	run "$N" -t PERSON,ORG "$T/t"
	assert_output $'ORG\tMarks & Spencer\tMarks & Spencer
ORG\tHolt & Varga Co.\tHolt & Varga Co.
PERSON\tAna Ruiz\tAna Ruiz
PERSON\tTom Hale\tTom Hale'
	printf 'Texas-based Delmar Energy Holdings sued.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tDelmar Energy Holdings\tDelmar Energy Holdings'
	printf 'The chief executive of Halvorsen Biotech, Maria Lindqvist, spoke.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tHalvorsen Biotech\tHalvorsen Biotech\nPERSON\tMaria Lindqvist\tMaria Lindqvist'
}

@test "a title between two names belongs to neither" {
	printf 'The Calder Markets Commission sued the firm. "We will act," CMC Chair Odile Vance said.\n' > "$T/t"
	run "$N" -t ORG,PERSON "$T/t"
	assert_output $'ORG\tCalder Markets Commission\tCalder Markets Commission\nORG\tCalder Markets Commission\tCMC\nPERSON\tOdile Vance\tOdile Vance'
}

@test "a public body the model left out is found by its head word" {
	# In this article the model reads "The Federal Markets Commission on
	# Thursday sued" as no name; "Commission" ends a run of capitals.
	run "$N" -t ORG "$C/merger-review.txt"
	assert_line $'ORG\tFederal Markets Commission\tFederal Markets Commission'
	assert_equal "$(printf '%s\n' "$output" | grep -c $'^ORG\tFederal Markets Commission\t')" 5
}

@test "a headline's names are read again once the story has named them" {
	printf 'Brannock to shut two mills as Okonjo-Brannock talks fail\n\nHARWICK \342\200\224 Brannock Textiles Ltd. said on Monday it would shut two mills. Its chief executive, Ines Okonjo, said the talks had failed.\n' > "$T/t"
	run "$N" -b -t ORG,PERSON "$T/t"
	assert_line --index 1 $'30\t36\tPERSON\tInes Okonjo\tOkonjo'
	assert_line --index 2 $'37\t45\tORG\tBrannock Textiles Ltd.\tBrannock'
}

@test "a headline in title case: a verb between two names parts them" {
	printf 'Kovacs Meets Lindqvist In Oslo To Ease Tensions\n\nPrime Minister Ilona Kovacs met Per Lindqvist in Oslo on Monday.\n' > "$T/t"
	run "$N" -t PERSON "$T/t"
	assert_output $'PERSON\tIlona Kovacs\tKovacs\nPERSON\tPer Lindqvist\tLindqvist\nPERSON\tIlona Kovacs\tIlona Kovacs\nPERSON\tPer Lindqvist\tPer Lindqvist'
}

@test "a word the document typed before keeps its type where the model let go" {
	# "Rao, who co-founded Corvane in 2011": the model says O there; the
	# headline's Corvane comes before the story names the company.
	run "$N" -t ORG "$C/chip-layoffs.txt"
	assert_equal "$(printf '%s\n' "$output" | grep -c $'^ORG\tCorvane Technologies Inc\.\t')" 7
}

@test "capitalised words before a spokesperson or an official are an organisation" {
	printf 'A Port Office spokesperson said no. A Water Board official agreed. A Tuesday official did not.\n' > "$T/t"
	run "$N" -t ORG "$T/t"
	assert_output $'ORG\tPort Office\tPort Office\nORG\tWater Board\tWater Board'
}

@test "a name opening with Mont, Lake or Cape is a place's, not a person's" {
	printf 'The pair were rescued on Mont Blanc after a storm.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'LOC\tMont Blanc\tMont Blanc'
}

@test "a run of capitalised words ending in the kind of a street or river is a place" {
	printf 'Stocks on Wall Street fell. They crossed the Tarrow River near Ferris Road.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'LOC\tWall Street\tWall Street\nLOC\tTarrow River\tTarrow River\nLOC\tFerris Road\tFerris Road'
}

@test "a name after a kind of place and 'of' is that place" {
	printf 'The tunnel under the canton of Brelland will open in 2031. Brelland'"'"'s minister, Odile Vance, said so at the Brelland Institute of Technology.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'GPE\tBrelland\tBrelland\nGPE\tBrelland\tBrelland\nPERSON\tOdile Vance\tOdile Vance\nORG\tBrelland Institute of Technology\tBrelland Institute of Technology'
}

@test "a name right after the kind of a newspaper is an organisation" {
	printf 'The regional newspaper Le Courrier de la Sarre quoted the minister.\n' > "$T/t"
	run "$N" "$T/t"
	assert_output $'ORG\tLe Courrier de la Sarre\tLe Courrier de la Sarre'
}

@test "a sports club's town stands for the club, but not in a dateline or after 'in'" {
	printf 'Brackley beat Tarnwick in the cup final\n\nTARNWICK, Calder \342\200\224 Brackley Athletic won the cup on Sunday, beating Tarnwick Rovers 2-1 in Tarnwick. Brackley'"'"'s manager, Odile Vance, praised her side.\n' > "$T/t"
	run "$N" -t ORG,GPE "$T/t"
	assert_output "ORG	Brackley Athletic	Brackley
ORG	Tarnwick Rovers	Tarnwick
GPE	Tarnwick	TARNWICK
GPE	Calder	Calder
ORG	Brackley Athletic	Brackley Athletic
ORG	Tarnwick Rovers	Tarnwick Rovers
GPE	Tarnwick	Tarnwick
ORG	Brackley Athletic	Brackley"
}

@test "a picture's credit: the photographer, then the agency" {
	printf 'Odile Vance speaks in Tarnwick. (Jonah Reyes/Calder Wire)\n' > "$T/t"
	run "$N" -t ORG,PERSON "$T/t"
	assert_output $'PERSON\tOdile Vance\tOdile Vance\nPERSON\tJonah Reyes\tJonah Reyes\nORG\tCalder Wire\tCalder Wire'
}

@test "a name does not begin with its middle initial" {
	printf 'Caption: Odile R. Vance waves at the crowd.\n' > "$T/t"
	run "$N" -t PERSON "$T/t"
	assert_output $'PERSON\tOdile R. Vance\tOdile R. Vance'
}

@test "a dateline's place is a GPE named as running text writes it" {
	printf 'Talks end\n\nGENEVA \342\200\224 The talks ended.\n\nST. BRENDAN, Calder -- The count began.\n\nUPDATE - Nothing new.\n' > "$T/d"
	run "$N" -b "$T/d"
	assert_line -n 0 $'11\t17\tGPE\tGeneva\tGENEVA'
	assert_line -n 1 $'40\t51\tGPE\tSt. Brendan\tST. BRENDAN'
	assert_line -n 2 $'53\t59\tGPE\tCalder\tCalder'
	refute_output --partial UPDATE
}

@test "reads standard input when there is no operand, and -" {
	run bash -c '"$0" < "$1"' "$N" "$T/b.txt"
	assert_success
	assert_output $'PERSON\tAngela Merkel\tAngela Merkel\nGPE\tParis\tParis'
	run bash -c '"$0" -h "$1" - < "$2"' "$N" "$T/b.txt" "$T/b.txt"
	assert_line -n 0 $'PERSON\tAngela Merkel\tAngela Merkel'
	assert_line -n 2 $'PERSON\tAngela Merkel\tAngela Merkel'
}

@test "-H and -h: the document name column" {
	run "$N" -H "$T/b.txt"
	assert_line -n 0 "$T/b.txt	PERSON	Angela Merkel	Angela Merkel"
	run "$N" "$T/b.txt" "$T/b.txt"
	assert_line -n 2 "$T/b.txt	PERSON	Angela Merkel	Angela Merkel"
	run "$N" -h "$T/b.txt" "$T/b.txt"
	assert_line -n 2 $'PERSON\tAngela Merkel\tAngela Merkel'
}

@test "-b: byte offsets after the name column" {
	run "$N" -b "$T/b.txt"
	assert_output $'0\t13\tPERSON\tAngela Merkel\tAngela Merkel\n22\t27\tGPE\tParis\tParis'
	run "$N" -bH "$T/b.txt"
	assert_line -n 1 "$T/b.txt	22	27	GPE	Paris	Paris"
}

@test "-b: the offsets of every mention of the corpus name its bytes" {
	for f in "$C"/*.txt; do
		"$N" -b "$f" > "$T/out"
		run offsets_match "$f" "$T/out"
		assert_success
	done
}

@test "-j: JSON Lines with the sentence number and a person's title" {
	run "$N" -j "$T/a.txt"
	assert_success
	assert_line -n 0 "{\"doc\":\"$T/a.txt\",\"start\":0,\"end\":14,\"type\":\"PERSON\",\"name\":\"Vladimir Putin\",\"text\":\"Vladimir Putin\",\"sentence\":1,\"title\":\"Mr\"}"
	assert_line -n 1 --partial '"type":"GPE","name":"Moscow","text":"Moscow","sentence":1,"title":""}'
	assert_line -n 4 --partial '"text":"EU","sentence":3,'
	for f in "$C"/*.txt; do
		"$N" --json "$f" > "$T/out"
		python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    assert list(r) == ["doc", "start", "end", "type", "name", "text",
        "sentence", "title"], r
    assert r["sentence"] >= 1
    assert r["type"] == "PERSON" or r["title"] == "", r
' "$T/out"
	done
}

@test "-j: a role in apposition is a person's title" {
	printf '%s\n' "The company's chief executive, Anjali Rao, spoke first." \
	    "Dmitry Peskov, the Kremlin's spokesman, said nothing." > "$T/r"
	run "$N" -j -t PERSON "$T/r"
	assert_line -n 0 --partial '"name":"Anjali Rao","text":"Anjali Rao","sentence":1,"title":"chief executive"}'
	assert_line -n 1 --partial '"name":"Dmitry Peskov","text":"Dmitry Peskov","sentence":2,"title":"spokesman"}'
}

@test "-j: the same mentions as TSV" {
	f=$C/merger-review.txt
	"$N" "$f" > "$T/tsv"
	"$N" -j "$f" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("\t".join((r["type"], r["name"], r["text"])))' > "$T/json"
	cmp "$T/tsv" "$T/json"
}

@test "-t: only the types asked for, in any case" {
	run "$N" -t PERSON "$T/a.txt"
	assert_success
	refute_output --partial GPE
	assert_equal "${#lines[@]}" 4
	run "$N" -t gpe,Org "$T/a.txt"
	assert_output $'GPE\tMoscow\tMoscow\nORG\tEuropean Union\tEuropean Union\nORG\tEuropean Union\tEU'
	run "$N" --types=NORP,MISC "$T/b.txt"
	assert_success
	assert_output ""
}

@test "-t: an unknown type or an empty one is a usage error, as in mentions" {
	run --separate-stderr "$N" -t PERSON,PLANET "$T/a.txt"
	assert_failure 2
	assert_output ""
	assert_equal "${stderr_lines[0]}" "entities: -t: unknown type \"PLANET\" (one of PERSON, ORG, GPE, LOC, NORP, MISC)"
	types_option "$N" "$T/a.txt"
}

@test "-d: dictionary names are found in the text and win over the model" {
	printf '# names the model does not know\n\nORG\tAcme Widget Works\tAWW\tthe Works\nperson\tJ. Random Hacker\tHacker\r\n' > "$T/d"
	printf 'Acme Widget Works hired J. Random Hacker. AWW said Hacker starts today, and the Works agreed. acme did not.\n' > "$T/in"
	run "$N" -d "$T/d" "$T/in"
	assert_success
	assert_output "ORG	Acme Widget Works	Acme Widget Works
PERSON	J. Random Hacker	J. Random Hacker
ORG	Acme Widget Works	AWW
PERSON	J. Random Hacker	Hacker
ORG	Acme Widget Works	the Works"
	run "$N" --dictionary "$T/d" -b "$T/in"
	assert_line -n 0 $'0\t17\tORG\tAcme Widget Works\tAcme Widget Works'
}

@test "-d: an alias that differs from its NAME only in case is found as written" {
	printf 'PERSON\tMarta Velde\tmarta velde\tVelde-Osk\n' > "$T/d"
	printf 'Marta Velde opened the hearing. Later marta velde and Velde-Osk spoke.\n' > "$T/in"
	run "$N" -d "$T/d" "$T/in"
	assert_success
	assert_output "PERSON	Marta Velde	Marta Velde
PERSON	Marta Velde	marta velde
PERSON	Marta Velde	Velde-Osk"
	# The same on a second line of its own, which joins the first.
	printf 'PERSON\tMarta Velde\nPERSON\tmarta velde\n' > "$T/d"
	run "$N" -d "$T/d" -b "$T/in"
	assert_line -n 1 $'38\t49\tPERSON\tMarta Velde\tmarta velde'
}

@test "-d: a dictionary line joins a shipped alias, and its NAME wins" {
	printf 'GPE\tAmerica\n' > "$T/d"
	printf 'The United States and the U.S. Army.\n' > "$T/in"
	run "$N" -t GPE -d "$T/d" "$T/in"
	assert_line -n 0 $'GPE\tAmerica\tUnited States'
}

@test "-d: a malformed line is an error with its line number" {
	printf 'ORG\tAcme\n# fine\nPLANET\tMars\n' > "$T/d"
	run --separate-stderr "$N" -d "$T/d" "$T/a.txt"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "entities: $T/d:3: unknown type (PERSON ORG GPE LOC NORP MISC)"
	printf '\nORG Acme Corp\n' > "$T/d"
	run --separate-stderr "$N" -d "$T/d" "$T/a.txt"
	assert_failure 2
	assert_equal "$stderr" "entities: $T/d:2: expected TYPE<TAB>NAME[<TAB>ALIAS...]"
	printf 'ORG\tAcme\t\tAC\n' > "$T/d"
	run --separate-stderr "$N" -d "$T/d" "$T/a.txt"
	assert_failure 2
	assert_equal "$stderr" "entities: $T/d:1: empty name"
}

@test "-d: a missing dictionary file is an error before any input" {
	run --separate-stderr "$N" -d "$T/nothing" "$T/a.txt"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "entities: $T/nothing: No such file or directory"
}

@test "-z: NUL-separated documents, each linked on its own" {
	printf 'Dmitry Peskov spoke.\0Peskov spoke.\0' > "$T/z"
	run "$N" -z "$T/z"
	assert_success
	assert_output $'PERSON\tDmitry Peskov\tDmitry Peskov\nPERSON\tPeskov\tPeskov'
	run "$N" -z -H -b "$T/z"
	assert_line -n 1 "$T/z:2	0	6	PERSON	Peskov	Peskov"
}

@test "--line-buffered: a document's mentions come out when it ends" {
	line_buffered "$N" 'Angela Merkel flew to Paris.' \
	    $'PERSON\tAngela Merkel\tAngela Merkel'
}

@test "--help, -V, and a bad option" {
	help_lists "$N" -b -H -h -j --json -z --line-buffered -d --dictionary \
	    -t --types --threads --help -V --version
	version_usage "$N" \
	    "usage: entities [-bHhjVz] [-d file] [-t types] [--line-buffered] [--threads n] [file ...]"
	run --separate-stderr "$N" -d
	assert_failure 2
}

@test "--threads: one thread or two, the same output over many batches" {
	same_in_threads "$N" 8000
}

@test "an unreadable file is reported, the others still read, exit 2" {
	run --separate-stderr "$N" "$T/b.txt" "$T/missing" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "entities: $T/missing: No such file or directory"
	assert_equal "${#lines[@]}" 4
}

@test "UTF-16 and UTF-32 are refused with a hint, the other files still read" {
	printf 'Angela Merkel flew to Paris.\n' | iconv -f UTF-8 -t UTF-16 > "$T/u16"
	run --separate-stderr "$N" "$T/u16" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "entities: $T/u16: UTF-16LE input is not read; convert it first with iconv -f UTF-16LE -t UTF-8"
	assert_line -n 0 "$T/b.txt	PERSON	Angela Merkel	Angela Merkel"
	# Without a BOM, UTF-32 was once read as text full of NUL bytes.
	printf 'Angela Merkel flew to Paris.\n' | iconv -f UTF-8 -t UTF-32BE > "$T/u32"
	run --separate-stderr "$N" "$T/u32" "$T/b.txt"
	assert_failure 2
	assert_equal "$stderr" "entities: $T/u32: UTF-32BE input is not read; convert it first with iconv -f UTF-32BE -t UTF-8"
	assert_line -n 0 "$T/b.txt	PERSON	Angela Merkel	Angela Merkel"
}

@test "an empty file, blank lines: success, nothing printed" {
	: > "$T/empty"
	run "$N" "$T/empty"
	assert_success
	assert_output ""
	printf '\n \n\t\n' > "$T/blank"
	run "$N" -j "$T/blank"
	assert_success
	assert_output ""
}

@test ">/dev/full: write error, exit 2" {
	write_error "$N" "$C/cup-final.txt"
}

@test "entities | head -1 ends quietly" {
	run --separate-stderr bash -c \
	    'cat "$1"/*.txt "$1"/*.txt "$1"/*.txt | "$0" 2> "$2" | head -1 | wc -l' \
	    "$N" "$C" "$T/err"
	assert_output 1
	run cat "$T/err"
	assert_output ""
}

@test "a UTF-8 byte-order mark is skipped, and counted in offsets" {
	printf '\357\273\277Angela Merkel flew to Paris.\n' > "$T/bom"
	run "$N" -b "$T/bom"
	assert_output $'3\t16\tPERSON\tAngela Merkel\tAngela Merkel\n25\t30\tGPE\tParis\tParis'
}

@test "CRLF is read as LF" {
	printf 'Dmitry Peskov spoke\r\nin Moscow.\r\n\r\nPeskov left.\r\n' > "$T/crlf"
	printf 'Dmitry Peskov spoke\nin Moscow.\n\nPeskov left.\n' > "$T/lf"
	"$N" "$T/crlf" > "$T/out1"
	"$N" "$T/lf" > "$T/out2"
	cmp "$T/out1" "$T/out2"
	"$N" -b "$T/crlf" > "$T/out"
	run offsets_match "$T/crlf" "$T/out"
	assert_success
}

@test "a lone CR is a line end, and -d reads a dictionary with CR line ends" {
	# Two lines once read as one: "Kellport The" was a person.
	printf 'Teodor Lask resigned as mayor of Kellport\rThe council met at noon.\r' > "$T/cr"
	run "$N" -b "$T/cr"
	assert_line -n 0 $'0\t11\tPERSON\tTeodor Lask\tTeodor Lask'
	assert_line -n 1 --regexp $'^33\t41\t[A-Z]+\tKellport\tKellport$'
	tr '\r' '\n' < "$T/cr" > "$T/lf"
	"$N" -b "$T/lf" > "$T/want"
	run "$N" -b "$T/cr"
	assert_output "$(cat "$T/want")"
	"$N" -b "$T/cr" > "$T/out"
	run offsets_match "$T/cr" "$T/out"
	assert_success
	printf 'PERSON\tMarta Velde\tVelde\rORG\tKell Works\tKW\r' > "$T/d"
	printf 'Marta Velde met KW. Velde left.\n' > "$T/in"
	run "$N" -d "$T/d" "$T/in"
	assert_success
	assert_output "PERSON	Marta Velde	Marta Velde
ORG	Kell Works	KW
PERSON	Marta Velde	Velde"
}

@test "invalid UTF-8 and NUL bytes: no crash, the names around them found" {
	printf 'Angela Merkel \377\300 flew to Paris.\nZero\0byte. Dmitry Peskov \300spoke.\n' > "$T/bad"
	run "$N" "$T/bad"
	assert_success
	assert_line -n 0 $'PERSON\tAngela Merkel\tAngela Merkel'
	assert_line --partial $'Dmitry Peskov'
	run "$N" -j "$T/bad"
	assert_success
	head -c 300000 /dev/urandom > "$T/noise"
	run "$N" "$T/noise"
	assert_success
}

@test "a 10 MB line: every mention, each with its NAME" {
	awk 'BEGIN { for (i = 0; i < 270000; i++)
	    printf "Anna Kowalski met Mr. Jones in Paris. " }' > "$T/long"
	run bash -c '"$0" "$1" | sort | uniq -c' "$N" "$T/long"
	assert_success
	assert_output " 270000 GPE	Paris	Paris
 270000 PERSON	Anna Kowalski	Anna Kowalski
 270000 PERSON	Jones	Jones"
}

# Every person of the corpus articles with the NAME it must carry, as
# NAME<TAB>TEXT, written by hand from the articles.
@test "expected people of the corpus articles" {
	: > "$T/diffs"
	for x in "$X"/*.entities-persons; do
		a=$(basename "$x" .entities-persons)
		"$N" -t PERSON "$C/$a.txt" | cut -f2,3 | LC_ALL=C sort -u > "$T/out"
		diff -u "$x" "$T/out" >> "$T/diffs" || true
	done
	run cat "$T/diffs"
	assert_output ""
}

@test "a common word the document writes in lower case is no person" {
	printf '%s\n\n%s\n' 'Shops in Keldby ran out of kerosene on Friday.' \
	    'Kerosene told reporters nothing, Mayor Ines Vogt said.' > "$T/in"
	run "$N" -t PERSON "$T/in"
	assert_success
	assert_output "PERSON	Ines Vogt	Ines Vogt"
	# A title before the word makes it a name.
	printf '%s\n\n%s\n' 'The Keldby Observatory measured the mildew.' \
	    'Mr. Mildew said the damp was small.' > "$T/in"
	run "$N" -t PERSON "$T/in"
	assert_output --partial "PERSON	Mildew	Mildew"
}

@test "the people of a place, the place and a suffix, is a NORP" {
	printf '%s\n\n%s\n' 'Osloers said the tram was late.' \
	    'Perthites, the survey found, prefer trains.' > "$T/in"
	run "$N" "$T/in"
	assert_success
	assert_output "NORP	Osloers	Osloers
NORP	Perthites	Perthites"
}

@test "a father's surname alone names the person of a double surname" {
	printf '%s\n\n%s\n' 'Governor Ana Ruiz Soto spoke on Monday.' \
	    'The port will reopen, Ruiz said. Ruiz added that ships wait.' > "$T/in"
	run "$N" -t PERSON "$T/in"
	assert_success
	assert_output "PERSON	Ana Ruiz Soto	Ana Ruiz Soto
PERSON	Ana Ruiz Soto	Ruiz
PERSON	Ana Ruiz Soto	Ruiz"
	# An initial is no surname.
	printf '%s\n' 'President George W. Bush came. Bush left, and W. stayed.' > "$T/in"
	run "$N" -t PERSON "$T/in"
	refute_line --partial "George W. Bush	W."
}

@test "a kind of company after a modifier names an organisation" {
	printf '%s\n\n%s\n' 'Dutch retail chain Halvo cut prices on Monday. Halvo said sales had fallen.' \
	    'A firm Ann Lutz founded in 2004 was sold. Lutz said she was glad.' > "$T/in"
	run "$N" "$T/in"
	assert_success
	assert_output "ORG	Halvo	Halvo
ORG	Halvo	Halvo
PERSON	Ann Lutz	Ann Lutz
PERSON	Ann Lutz	Lutz"
}

@test "a one-word name compounded with news or pedia is an organisation" {
	run "$N" <<< 'Tom Vale told Euronews and Conservapedia he was glad.'
	assert_output $'PERSON\tTom Vale\tTom Vale\nORG\tEuronews\tEuronews\nORG\tConservapedia\tConservapedia'
}
