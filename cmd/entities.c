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

struct entities {
	const char		*dict_path;	/* -d */
	unsigned		 types;		/* -t */
	int			 threads;	/* --threads, 0 when not given */
	struct ent_finder	*finder;
};

static const struct opt opts[] = {
	{ 'd', "dictionary", required_argument, "FILE",
	    "add names and aliases: lines TYPE<TAB>NAME[<TAB>ALIAS...]" },
	{ 't', "types", required_argument, "TYPES",
	    "print only these types: PERSON,ORG,GPE,LOC,NORP,MISC" },
	OPT_THREADS_OPT,
	{ 0, NULL, 0, NULL, NULL }
};

static int
set(void *ctx, int id, const char *arg)
{
	struct entities	*c = ctx;

	switch (id) {
	case 'd':
		c->dict_path = arg;
		return 1;
	case 't':
		return (c->types = opt_types(arg)) != 0;
	case OPT_THREADS:
		return (c->threads = opt_threads(arg)) > 0;
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
emit(const struct ent_mention *m, void *ctx)
{
	struct entities		*c = ctx;
	const char		*tn = ent_type_name(m->type);
	struct out_field	 f[] = {
		{ "type", OUT_STR, tn, strlen(tn), 0 },
		{ "name", OUT_TEXT, m->name, m->namelen, 0 },
		{ "text", OUT_TEXT, m->text, m->textlen, 0 },
		{ "sentence", OUT_INT, NULL, 0, (long long)m->sentence },
		{ "title", OUT_TEXT, m->title != NULL ? m->title : "",
		    m->titlelen, 0 },
	};

	if (!(c->types & (1u << m->type)))
		return;
	out_record(m->start, m->end, f, opt_common.json ? 5 : 3);
}

static void
doc_begin(void *ctx, const struct doc *d)
{
	struct entities	*c = ctx;

	(void)d;
	ent_doc_begin(c->finder);
}

static void
doc_end(void *ctx, const struct doc *d)
{
	struct entities	*c = ctx;

	(void)d;
	ent_doc_end(c->finder);
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
para_prepared(void *ctx, const struct para *p, void *pp, size_t k)
{
	struct entities	*c = ctx;

	ent_para_prepared(c->finder, p, pp, k);
}

static const struct run_split ops = {
	prep_new, prep_free, prep_clear, prep_para, prep_share,
	doc_begin, para_prepared, doc_end
};

int
main(int argc, char *argv[])
{
	struct entities		 c = { NULL, (1u << ENT_NTYPES) - 1, 0, NULL };
	struct link_dict	*dict;
	int			 i, status;

	i = opt_parse(&prog, argc, argv, &c);
	dict = link_dict_open(c.dict_path);
	c.finder = ent_new(dict, emit, &c);
	status = run_operands_split(argc - i, argv + i, &ops, &c, c.threads);
	ent_free(c.finder);
	link_dict_close(dict);
	nu_exit(status);
}
