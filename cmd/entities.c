/*
 * entities - print every named-entity mention with the NAME of its
 * entity within the document.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "link.h"
#include "opt.h"
#include "out.h"
#include "run.h"
#include "util.h"

static const char	*dict_path;	/* -d */
static unsigned		 types = (1u << ENT_NTYPES) - 1;	/* -t */
static struct ent_finder *finder;

static int		 threads;	/* --threads, 0 when not given */

static const struct opt opts[] = {
	{ 'd', "dictionary", required_argument, "FILE",
	    "add names and aliases: lines TYPE<TAB>NAME[<TAB>ALIAS...]" },
	{ 't', "types", required_argument, "TYPES",
	    "print only these types: PERSON,ORG,GPE,LOC,NORP,MISC" },
	OPT_THREADS_OPT,
	{ 0, NULL, 0, NULL, NULL }
};

static int
set(int id, const char *arg)
{
	switch (id) {
	case 'd':
		dict_path = arg;
		return 1;
	case 't':
		return (types = opt_types(arg)) != 0;
	case OPT_THREADS:
		return (threads = opt_threads(arg)) > 0;
	}
	return 0;
}

static const struct opt_prog prog = {
	"entities",
	"[-bHhjVz] [-d file] [-t types] [--line-buffered] [--threads n] "
	    "[file ...]",
	"Print every named entity as TYPE, NAME (its entity in the document) "
	    "and TEXT.",
	opts, set
};

/*
 * A mention's record: type, name and text (the TSV columns), then, in
 * JSON only, its sentence and the title or role of a person.
 */
static void
emit(const struct ent_mention *m, void *arg)
{
	const char		*tn = ent_type_name(m->type);
	struct out_field	 f[] = {
		{ "type", OUT_STR, tn, strlen(tn), 0 },
		{ "name", OUT_TEXT, m->name, m->namelen, 0 },
		{ "text", OUT_TEXT, m->text, m->textlen, 0 },
		{ "sentence", OUT_INT, NULL, 0, (long long)m->sentence },
		{ "title", OUT_TEXT, m->title != NULL ? m->title : "",
		    m->titlelen, 0 },
	};

	(void)arg;
	if (!(types & (1u << m->type)))
		return;
	out_record(m->start, m->end, f, opt_common.json ? 5 : 3);
}

static void
doc_begin(const struct doc *d)
{
	(void)d;
	ent_doc_begin(finder);
}

static void
doc_end(const struct doc *d)
{
	(void)d;
	ent_doc_end(finder);
}

/*
 * Sentences, tokens and the tagger's work that needs no history are
 * done in a reader thread ahead of the rest (lib/run.c).
 */
static void *
prep_new(void)
{
	return ent_prep_new();
}

static void
prep_free(void *pp)
{
	ent_prep_free(pp);
}

static void
prep_clear(void *pp)
{
	ent_prep_clear(pp);
}

static void
prep_para(void *pp, const struct para *p)
{
	ent_prep_para(pp, p);
}

static void
prep_share(void *pp, unsigned share)
{
	ent_prep_share(pp, share);
}

static void
para_prepared(const struct para *p, void *pp, size_t k)
{
	ent_para_prepared(finder, p, pp, k);
}

static const struct run_split ops = {
	prep_new, prep_free, prep_clear, prep_para, prep_share,
	doc_begin, para_prepared, doc_end
};

int
main(int argc, char *argv[])
{
	struct link_dict	*dict;
	int			 i, status;

	i = opt_parse(&prog, argc, argv);
	dict = link_dict_open(dict_path);
	finder = ent_new(dict, emit, NULL);
	status = run_operands_split(argc - i, argv + i, &ops, threads);
	ent_free(finder);
	link_dict_close(dict);
	nu_exit(status);
}
