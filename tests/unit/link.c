/*
 * link.t - TAP tests of within-document linking (lib/link.h): short
 * forms before and after the full name, competing full names, acronyms,
 * the shipped aliases, titles, the user dictionary and its errors, and
 * the bound on names kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "link.h"
#include "tap.h"

static size_t
m(struct link_doc *ld, enum ent_type t, const char *s)
{
	return link_mention(ld, t, s, strlen(s));
}

/* Is the NAME of entity e want? */
static int
named(struct link_doc *ld, size_t e, const char *want)
{
	const char	*s;
	size_t		 len;

	s = link_name(ld, e, &len);
	if (s != NULL && len == strlen(want) && memcmp(s, want, len) == 0)
		return 1;
	printf("# got \"%.*s\", want \"%s\"\n", s ? (int)len : 6,
	    s ? s : "(null)", want);
	return 0;
}

static void
test_people(struct link_doc *ld)
{
	size_t	 a, b, c, d, e, f, g;

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Putin");
	b = m(ld, ENT_PERSON, "Mr Putin");
	c = m(ld, ENT_PERSON, "Vladimir Putin");
	d = m(ld, ENT_PERSON, "Putin's");
	ok(named(ld, a, "Vladimir Putin"), "a surname before the full name");
	ok(named(ld, b, "Vladimir Putin"), "a title is not part of the name");
	ok(named(ld, c, "Vladimir Putin"), "the full name names itself");
	ok(named(ld, d, "Vladimir Putin"), "a possessive is not part of it");
	ok(a == b && b == d, "one name, one entity number");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "van der Berg");
	b = m(ld, ENT_PERSON, "Piet van der Berg");
	ok(named(ld, a, "Piet van der Berg"), "a surname with particles");

	link_doc_reset(ld);
	c = m(ld, ENT_PERSON, "Smith");
	a = m(ld, ENT_PERSON, "John Smith");
	b = m(ld, ENT_PERSON, "Mary Smith");
	d = m(ld, ENT_PERSON, "Mary Smith");
	e = m(ld, ENT_PERSON, "Mary");
	f = m(ld, ENT_PERSON, "Smiths");
	ok(named(ld, c, "John Smith"),
	    "a shared surname: the person introduced first");
	ok(named(ld, a, "John Smith") && named(ld, b, "Mary Smith"),
	    "the names that share it keep their own");
	ok(named(ld, e, "Mary Smith"), "a given name: the relative");
	ok(link_type(ld, f) == ENT_NORP, "a family is no one person");
	(void)d;

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Nora Bright");
	b = m(ld, ENT_PERSON, "Nora Bright Show");
	c = m(ld, ENT_PERSON, "Keld Linux");
	d = m(ld, ENT_PERSON, "Keld");
	e = m(ld, ENT_PERSON, "Hurricane Selma");
	f = m(ld, ENT_PERSON, "Selma");
	g = m(ld, ENT_PERSON, "Bright");
	ok(link_type(ld, b) == ENT_MISC && link_type(ld, c) == ENT_MISC &&
	    link_type(ld, e) == ENT_MISC, "a show, a product, a storm: MISC");
	ok(named(ld, d, "Keld Linux") && link_type(ld, d) == ENT_MISC &&
	    named(ld, f, "Hurricane Selma") && link_type(ld, f) == ENT_MISC,
	    "their short forms go with them");
	ok(named(ld, g, "Nora Bright") && link_type(ld, a) == ENT_PERSON,
	    "the person the show is named after stays a person");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Wiktor Zabinski");
	b = m(ld, ENT_PERSON, "Wiktor \xc5\xbb" "abi\xc5\x84" "ski");
	c = m(ld, ENT_PERSON, "Zabinski");
	ok(a == b && named(ld, c, "Wiktor \xc5\xbb" "abi\xc5\x84" "ski"),
	    "marks folded away; the name keeps them");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Edna P. Marchetti");
	b = m(ld, ENT_PERSON, "Edna Marchetti");
	c = m(ld, ENT_PERSON, "Edna");
	d = m(ld, ENT_PERSON, "MARCHETTI");
	ok(named(ld, b, "Edna P. Marchetti"), "a middle initial left out");
	ok(named(ld, c, "Edna P. Marchetti"), "a first name alone");
	ok(named(ld, d, "Edna P. Marchetti"), "capitals are the same name");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Martin Luther King Jr.");
	b = m(ld, ENT_PERSON, "King");
	ok(named(ld, b, "Martin Luther King Jr."), "Jr. is not a surname");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Anjali Rao");
	b = m(ld, ENT_GPE, "Rao");
	c = m(ld, ENT_PERSON, "Rao");
	ok(named(ld, b, "Anjali Rao") && link_type(ld, b) == ENT_PERSON,
	    "a surname typed as a place is the person");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Corvane Technologies Inc.");
	b = m(ld, ENT_PERSON, "Corvane");
	c = m(ld, ENT_PERSON, "Corvane");
	ok(named(ld, b, "Corvane Technologies Inc.") &&
	    link_type(ld, c) == ENT_ORG, "a company's first word");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Ray Dunmore Band");
	b = m(ld, ENT_PERSON, "Ray Dunmore");
	ok(named(ld, b, "Ray Dunmore") && link_type(ld, b) == ENT_PERSON,
	    "a full name does not join the band named after him");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Berkeley");
	b = m(ld, ENT_GPE, "Berkeley");
	c = m(ld, ENT_GPE, "Berkeley");
	ok(link_type(ld, c) == ENT_ORG,
	    "a name takes its first mention's type");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Marcus J. Whitfield");
	b = m(ld, ENT_PERSON, "Whitfield");
	ok(link_type(ld, a) == ENT_PERSON && named(ld, b,
	    "Marcus J. Whitfield"), "a middle initial makes a person");

	link_doc_reset(ld);
	a = m(ld, ENT_MISC, "Maria Reyes");
	b = m(ld, ENT_PERSON, "Reyes");
	ok(named(ld, b, "Maria Reyes") && link_type(ld, a) == ENT_PERSON,
	    "a person's surname brings the full name back to PERSON");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Paris Hilton");
	b = m(ld, ENT_GPE, "Paris");
	ok(named(ld, b, "Paris") && link_type(ld, b) == ENT_GPE,
	    "a place joins a person only as a surname");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Port Ellison");
	b = m(ld, ENT_PERSON, "Marrick Dock");
	ok(link_type(ld, a) == ENT_GPE && link_type(ld, b) == ENT_LOC,
	    "the first or last word of a place's name");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Harrow & Pike Securities");
	ok(link_type(ld, a) == ENT_ORG,
	    "a name ending in Securities is an ORG");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Calder");
	b = m(ld, ENT_PERSON, "Calder");
	c = m(ld, ENT_GPE, "Calder");
	ok(link_type(ld, a) == ENT_GPE,
	    "a lone word the model also called a place is a place");
	d = m(ld, ENT_PERSON, "Mr Calder");
	ok(link_type(ld, a) == ENT_PERSON, "but not with a title");

	link_doc_reset(ld);
	e = m(ld, ENT_GPE, "South Sudan");
	f = m(ld, ENT_GPE, "Sudan");
	g = m(ld, ENT_GPE, "York");
	(void)m(ld, ENT_GPE, "New York");
	ok(named(ld, f, "Sudan") && named(ld, g, "York") &&
	    named(ld, e, "South Sudan"), "places join only through aliases");
}

static void
test_titles(struct link_doc *ld)
{
	const char	*t, *s;
	size_t		 a, b, len, start;
	int		 g;

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Prime Minister Ivo Halvard");
	b = m(ld, ENT_PERSON, "Mr. Halvard");
	t = link_title(ld, b, &len);
	ok(named(ld, b, "Ivo Halvard"), "Mr. and Prime Minister stripped");
	ok(t != NULL && len == 14 && memcmp(t, "Prime Minister", 14) == 0,
	    "the longest title is the person's");
	ok(link_gender(ld, a) == 'm', "Mr. says a man");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Ingrid Solberg");
	link_title_seen(ld, a, "Chair", 5);
	t = link_title(ld, a, &len);
	ok(t != NULL && len == 5, "a title seen outside the mention");
	ok(link_gender(ld, a) == 0, "no gender unless a title says");

	s = "Russian President Vladimir Putin";
	ok(link_title_before(s, 18, &start, &g) == 9 && start == 8,
	    "the title before a name, not the nationality");
	s = "said Vice President ";
	ok(link_title_before(s, strlen(s), &start, NULL) == 14 && start == 5,
	    "a title of two words");
	s = "Sen. Marguerite Halloway";
	ok(link_title_prefix(s, strlen(s), NULL) == 5, "Sen. and its stop");
	s = "Senegal";
	ok(link_title_prefix(s, strlen(s), NULL) == 0, "Sen only as a word");
	s = "Major-General Aldous Penhallow";
	ok(link_title_prefix(s, strlen(s), NULL) == 14,
	    "a hyphenated rank is one title");
	s = "under Lieutenant-Colonel ";
	ok(link_title_before(s, strlen(s), &start, NULL) == 18 && start == 6,
	    "a hyphenated rank before a name");
	s = "Major";
	(void)s;
	a = m(ld, ENT_PERSON, "Major");
	ok(named(ld, a, "Major"), "a title alone stays a name");
}

static void
test_orgs(struct link_doc *ld)
{
	size_t	 a, b, c, d, e;

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "FTC");
	b = m(ld, ENT_ORG, "Federal Trade Commission");
	ok(named(ld, a, "Federal Trade Commission"), "an acronym first");
	ok(named(ld, b, "Federal Trade Commission"), "its long form");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Kesterland Rural Health Alliance");
	b = m(ld, ENT_ORG, "KRHA");
	c = m(ld, ENT_ORG, "Alvera Tunnel Consortium");
	d = m(ld, ENT_MISC, "ATC");
	ok(named(ld, b, "Kesterland Rural Health Alliance"),
	    "an acronym after its long form");
	ok(named(ld, d, "Alvera Tunnel Consortium") &&
	    link_type(ld, d) == ENT_ORG,
	    "an acronym takes the long form's type");
	(void)a;
	(void)c;

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "John F. Kennedy");
	b = m(ld, ENT_PERSON, "JFK");
	ok(named(ld, b, "John F. Kennedy"), "a person's initials, as a person");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Organisation for Economic Co-operation and "
	    "Development");
	b = m(ld, ENT_ORG, "OECD");
	ok(named(ld, b, "Organisation for Economic Co-operation and "
	    "Development"), "a hyphenated word gives two letters");

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "Canadian Broadcasting Corporation");
	b = m(ld, ENT_ORG, "Central Bank of Chile");
	c = m(ld, ENT_ORG, "CBC");
	ok(named(ld, c, "CBC"), "two long forms it spells compete: apart");
	(void)a;
	(void)b;

	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "the European Union");
	b = m(ld, ENT_ORG, "EU");
	c = m(ld, ENT_GPE, "U.S.");
	d = m(ld, ENT_ORG, "US");
	e = m(ld, ENT_GPE, "United States");
	ok(named(ld, a, "European Union") && a == link_mention(ld, ENT_ORG,
	    "European Union", 14), "a leading the is not part of the name");
	ok(named(ld, b, "European Union"), "EU is the European Union");
	ok(named(ld, c, "United States") && named(ld, d, "United States") &&
	    named(ld, e, "United States"), "U.S., US and United States");
	ok(link_type(ld, d) == ENT_GPE, "the alias table sets the type");

	link_doc_reset(ld);
	a = m(ld, ENT_GPE, "Kiev");
	b = m(ld, ENT_GPE, "Britain");
	c = m(ld, ENT_GPE, "Russian Federation");
	ok(named(ld, a, "Kyiv") && named(ld, b, "United Kingdom") &&
	    named(ld, c, "Russia"), "Kiev, Britain, the Russian Federation");

	link_doc_reset(ld);
	a = m(ld, ENT_PERSON, "Michael Jordan");
	b = m(ld, ENT_PERSON, "Jordan");
	ok(named(ld, b, "Michael Jordan") && link_type(ld, b) == ENT_PERSON,
	    "a person's name that is also a country stays the person");
	link_doc_reset(ld);
	a = m(ld, ENT_ORG, "who");
	ok(named(ld, a, "who"), "an acronym alias matches only in capitals");
}

/* Write a dictionary file and open it in a child: errors exit. */
static int
dict_status(const char *text, char *msg, size_t msgsz)
{
	char	 path[] = "/tmp/link-test-XXXXXX";
	int	 fd, p[2], st;
	ssize_t	 n;
	size_t	 len;
	pid_t	 pid;

	if ((fd = mkstemp(path)) == -1 || write(fd, text, strlen(text)) < 0)
		return -1;
	close(fd);
	if (pipe(p) == -1)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(p[1], 2);
		close(p[0]);
		link_dict_close(link_dict_open(path));
		_exit(0);
	}
	close(p[1]);
	/* The message may come in several writes: read to the end. */
	for (len = 0; len < msgsz - 1 &&
	    (n = read(p[0], msg + len, msgsz - 1 - len)) > 0; len += n)
		continue;
	msg[len] = '\0';
	close(p[0]);
	waitpid(pid, &st, 0);
	unlink(path);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
test_dict(void)
{
	struct link_dict *d;
	struct link_doc	*ld;
	char		 path[] = "/tmp/link-dict-XXXXXX", msg[256];
	const char	*text, *name;
	enum ent_type	 t;
	size_t		 a, b, len;
	int		 fd;

	text = "# a comment\n\nORG\tAcme Widget Works\tAWW\tAcme\n"
	    "person\tJ. Random Hacker\tJRH\r\n"
	    "GPE\tAmerica\n"
	    "PERSON\tMaria Reyes\tmaria reyes\n";
	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		ok(0, "temporary file");
		return;
	}
	close(fd);
	d = link_dict_open(path);
	unlink(path);
	ld = link_doc_new(d);
	a = m(ld, ENT_PERSON, "Acme");
	b = m(ld, ENT_PERSON, "JRH");
	ok(named(ld, a, "Acme Widget Works") && link_type(ld, a) == ENT_ORG,
	    "the user's NAME and type win over the model");
	ok(named(ld, b, "J. Random Hacker"), "type names ignore case, CRLF");
	a = m(ld, ENT_GPE, "United States");
	ok(named(ld, a, "America"),
	    "a user line that names a shipped alias takes the entity over");
	ok(link_dict_match(d, "Acme Widget Works said", 22, &t) == 17 &&
	    t == ENT_ORG, "the longest name found in text");
	ok(link_dict_match(d, "Acme  Widget\nWorks", 18, &t) == 18,
	    "white space in text matches a space");
	ok(link_dict_match(d, "Acmeville", 9, &t) == 0, "only whole words");
	ok(link_dict_match(d, "acme", 4, &t) == 0,
	    "text matches with its case");
	ok(link_dict_match(d, "maria reyes said", 16, &t) == 11 &&
	    t == ENT_PERSON && link_dict_match(d, "Maria Reyes", 11, &t) == 11 &&
	    link_dict_match(d, "MARIA REYES", 11, &t) == 0,
	    "an alias that differs from its NAME only in case is found");
	ok(link_dict_lookup(d, "aww", 3, &t, &name, &len) == 0 &&
	    link_dict_lookup(d, "AWW", 3, &t, &name, &len) == 2 &&
	    len == 17, "lookup: 2 for the user's, acronyms in capitals");
	ok(link_dict_lookup(d, "UK", 2, &t, &name, &len) == 1 &&
	    t == ENT_GPE, "lookup: 1 for the shipped table");
	link_doc_free(ld);
	link_dict_close(d);

	ok(dict_status("ORG\tA\nPLANET\tMars\n", msg, sizeof(msg)) == 2 &&
	    strstr(msg, ":2: unknown type") != NULL,
	    "an unknown type: exit 2 with the line number");
	ok(dict_status("\n\nORG Acme\n", msg, sizeof(msg)) == 2 &&
	    strstr(msg, ":3: expected TYPE<TAB>NAME") != NULL,
	    "no tab: exit 2 with the line number");
	ok(dict_status("ORG\tAcme\t\tAA\n", msg, sizeof(msg)) == 2 &&
	    strstr(msg, ":1: empty name") != NULL, "an empty field");
	ok(dict_status("ORG\t\n", msg, sizeof(msg)) == 2, "an empty NAME");
}

static void
test_bounds(struct link_doc *ld)
{
	char	 buf[64], big[LINK_NAME_MAX * 4];
	size_t	 i, e, len;

	link_doc_reset(ld);
	for (i = 0; i < LINK_MAX_ENTITIES; i++) {
		snprintf(buf, sizeof(buf), "Name%zu Person", i);
		e = m(ld, ENT_PERSON, buf);
	}
	snprintf(buf, sizeof(buf), "Name%zu Person", (size_t)LINK_MAX_ENTITIES);
	ok(m(ld, ENT_PERSON, buf) == LINK_NONE, "past the bound: LINK_NONE");
	ok(m(ld, ENT_PERSON, "Name7 Person") == 7, "known names still link");
	ok(link_name(ld, LINK_NONE, &len) == NULL && len == 0,
	    "LINK_NONE has no name");
	(void)e;
	link_doc_reset(ld);
	memset(big, 'x', sizeof(big));
	e = link_mention(ld, ENT_MISC, big, sizeof(big));
	ok(link_name(ld, e, &len) != NULL && len <= LINK_NAME_MAX,
	    "a huge mention is cut");
	ok(m(ld, ENT_MISC, "   ") == LINK_NONE, "white space is no name");
	ok(link_mention(ld, ENT_ORG, "\xff\xfe\x00 bad", 7) != LINK_NONE,
	    "invalid UTF-8 and NUL are bytes like others");
}

int
main(void)
{
	struct link_dict *d;
	struct link_doc	*ld;
	enum ent_type	 t;

	ok(ent_type_parse("gpe", 3, &t) && t == ENT_GPE &&
	    !ent_type_parse("GPEX", 4, &t), "type names");
	ok(strcmp(ent_type_name(ENT_NORP), "NORP") == 0, "NORP");
	d = link_dict_open(NULL);
	ld = link_doc_new(d);
	test_people(ld);
	test_titles(ld);
	test_orgs(ld);
	test_bounds(ld);
	link_doc_free(ld);
	link_dict_close(d);
	test_dict();
	return tap_done();
}
