/*
 * run.c - the operand loop (see run.h).
 */
#include <err.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "out.h"
#include "run.h"
#include "util.h"

static char	*stdin_only[] = { "-", NULL };

static int
run_one(const char *path, const struct run_ops *ops, void *ctx)
{
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;

	if ((r = doc_open(path, opt_common.nul)) == NULL)
		return 2;
	while (doc_next(r, &d)) {
		out_doc(&d);
		if (ops->doc_begin != NULL)
			ops->doc_begin(ctx, &d);
		while (doc_para(r, &p))
			ops->para(ctx, &p);
		if (ops->doc_end != NULL)
			ops->doc_end(ctx, &d);
	}
	return doc_close(r);
}

int
run_operands(int argc, char *argv[], const struct run_ops *ops, void *ctx)
{
	int	 i, status;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	out_init(opt_want_header(argc));
	status = 0;
	for (i = 0; i < argc; i++)
		if (run_one(argv[i], ops, ctx) != 0)
			status = 2;
	return status;
}

/*
 * The split loop: a reader thread reads the operands and prepares their
 * paragraphs into batches; the calling thread takes the batches in order
 * and runs the rest of the analysis, so the output is the same as one
 * thread would write.  NBATCH batches are in flight at most, each of
 * about BATCH_TEXT bytes of text, so memory does not grow with the input.
 * A batch may hold one paragraph of up to DOC_PARA_MAX bytes, whose
 * prep takes many times that; so while the full batches hold more than
 * BUSY_TEXT bytes, the reader prepares no more than one batch ahead.
 */
#define NBATCH		3
#define BATCH_TEXT	(16 * 1024)
#define BATCH_EVENTS	512	/* a prep keeps arrays for each paragraph */
#define BUSY_TEXT	(4 * BATCH_TEXT)
#define SHARE_STEP	50

enum { EV_BEGIN, EV_PARA, EV_END };

struct event {
	int		 kind;
	size_t		 name;		/* EV_BEGIN: offset in names */
	size_t		 n;		/* EV_BEGIN: the document's number */
	struct para	 p;		/* EV_PARA; p.p is NULL */
	size_t		 text;		/* EV_PARA: offset of p.p in text */
	size_t		 k;		/* EV_PARA: the prep's paragraph */
};

struct batch {
	struct event	*ev;
	size_t		 nev, cev;
	char		*text;		/* never moved while it has paragraphs */
	size_t		 tlen, tcap;
	char		*names;
	size_t		 nlen, ncap;
	void		*prep;
	size_t		 npara;
	int		 last;		/* the input ends with it */
};

struct split {
	const struct run_split *ops;
	void		*ctx;		/* the callbacks' first argument */
	int		 argc;
	char		**argv;
	int		 status;	/* the reader's */
	struct batch	 b[NBATCH];
	/* A ring: [head, head + full) are full, the others free. */
	size_t		 head, full;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cfull, cfree;
	struct batch	*cur;		/* the reader's */
	unsigned	 share;		/* see balance() */
	int		 starved;	/* the consumer waited for a batch */
};

static struct event *
new_event(struct batch *b, int kind)
{
	if (b->nev == b->cev) {
		b->cev = b->cev ? b->cev * 2 : 256;
		b->ev = nu_reallocarray(b->ev, b->cev, sizeof(*b->ev));
	}
	memset(&b->ev[b->nev], 0, sizeof(b->ev[0]));
	b->ev[b->nev].kind = kind;
	return &b->ev[b->nev++];
}

/*
 * How much of the optional work (prep_share) the reader takes on: less
 * when the consumer had to wait for it, more when it had to wait for the
 * consumer, so that the two threads keep each other busy whatever the
 * machine and the text.  Called with the lock held, full counting the
 * batch just handed on.
 */
static void
balance(struct split *sp)
{
	if (sp->ops->prep_share == NULL)
		return;
	if (sp->starved && sp->share >= SHARE_STEP)
		sp->share -= SHARE_STEP;
	else if (!sp->starved && sp->full == NBATCH &&
	    sp->share + SHARE_STEP <= 1000)
		sp->share += SHARE_STEP;
	sp->starved = 0;
}

/* Bytes of text in the full batches; called with the lock held. */
static size_t
full_text(const struct split *sp)
{
	size_t	 i, n = 0;

	for (i = 0; i < sp->full; i++)
		n += sp->b[(sp->head + i) % NBATCH].tlen;
	return n;
}

/* The reader hands its batch on and takes a free one. */
static void
hand_on(struct split *sp, int last)
{
	size_t i;

	sp->cur->last = last;
	pthread_mutex_lock(&sp->mu);
	sp->full++;
	pthread_cond_signal(&sp->cfull);
	if (last) {
		pthread_mutex_unlock(&sp->mu);
		return;
	}
	balance(sp);
	while (sp->full == NBATCH || (sp->full > 0 &&
	    full_text(sp) > BUSY_TEXT))
		pthread_cond_wait(&sp->cfree, &sp->mu);
	i = (sp->head + sp->full) % NBATCH;
	pthread_mutex_unlock(&sp->mu);
	sp->cur = &sp->b[i];
	if (sp->ops->prep_share != NULL)
		sp->ops->prep_share(sp->cur->prep, sp->share);
}

static void
add_para(struct split *sp, const struct para *p)
{
	struct batch	*b = sp->cur;
	struct event	*e;
	struct para	 q;

	if (p->len > b->tcap - b->tlen || b->nev >= BATCH_EVENTS) {
		if (b->npara > 0 || b->nev > 0)
			hand_on(sp, 0);
		b = sp->cur;
		/* Nothing points into an empty batch's text. */
		if (p->len > b->tcap) {
			b->tcap = p->len;
			b->text = nu_reallocarray(b->text, b->tcap, 1);
		}
	}
	memcpy(b->text + b->tlen, p->p, p->len);
	q = *p;
	q.p = b->text + b->tlen;
	sp->ops->prep_para(b->prep, &q);
	e = new_event(b, EV_PARA);
	e->p = *p;
	e->p.p = NULL;
	e->text = b->tlen;
	e->k = b->npara++;
	b->tlen += p->len;
	if (b->tlen >= BATCH_TEXT)
		hand_on(sp, 0);
}

static void
add_begin(struct split *sp, const struct doc *d)
{
	struct batch	*b = sp->cur;
	struct event	*e;
	size_t		 n = strlen(d->name) + 1;

	if (b->nev >= BATCH_EVENTS)
		hand_on(sp, 0);
	b = sp->cur;
	if (n > b->ncap - b->nlen) {
		while (n > b->ncap - b->nlen)
			b->ncap = b->ncap ? b->ncap * 2 : 1024;
		b->names = nu_reallocarray(b->names, b->ncap, 1);
	}
	memcpy(b->names + b->nlen, d->name, n);
	e = new_event(b, EV_BEGIN);
	e->name = b->nlen;
	e->n = d->n;
	b->nlen += n;
}

static void *
reader(void *arg)
{
	struct split		*sp = arg;
	struct doc_reader	*r;
	struct doc		 d;
	struct para		 p;
	int			 i;

	for (i = 0; i < sp->argc; i++) {
		if ((r = doc_open(sp->argv[i], opt_common.nul)) == NULL) {
			sp->status = 2;
			continue;
		}
		while (doc_next(r, &d)) {
			add_begin(sp, &d);
			while (doc_para(r, &p))
				add_para(sp, &p);
			if (sp->cur->nev >= BATCH_EVENTS)
				hand_on(sp, 0);
			new_event(sp->cur, EV_END);
			/* Whoever waits for this document's lines gets them. */
			if (opt_common.linebuf)
				hand_on(sp, 0);
		}
		if (doc_close(r) != 0)
			sp->status = 2;
	}
	hand_on(sp, 1);
	return NULL;
}

/* Run the rest of the analysis on one batch. */
static void
consume(struct split *sp, struct batch *b, struct doc *d, char **name)
{
	struct event	*e;
	struct para	 p;
	size_t		 i;

	for (i = 0; i < b->nev; i++) {
		e = &b->ev[i];
		switch (e->kind) {
		case EV_BEGIN:
			/* The name outlives the batch: a document spans many. */
			free(*name);
			*name = nu_strdup(b->names + e->name);
			d->name = *name;
			d->n = e->n;
			out_doc(d);
			if (sp->ops->doc_begin != NULL)
				sp->ops->doc_begin(sp->ctx, d);
			break;
		case EV_PARA:
			p = e->p;
			p.p = b->text + e->text;
			sp->ops->para(sp->ctx, &p, b->prep, e->k);
			break;
		default:
			if (sp->ops->doc_end != NULL)
				sp->ops->doc_end(sp->ctx, d);
			break;
		}
	}
	b->nev = b->tlen = b->nlen = b->npara = 0;
	sp->ops->prep_clear(b->prep);
}

/* One thread: each paragraph prepared, then analysed, in turn. */
struct one {
	const struct run_split	*ops;
	void			*ctx;
	void			*prep;
};

static void
one_begin(void *arg, const struct doc *d)
{
	struct one	*o = arg;

	if (o->ops->doc_begin != NULL)
		o->ops->doc_begin(o->ctx, d);
}

static void
one_para(void *arg, const struct para *p)
{
	struct one	*o = arg;

	o->ops->prep_clear(o->prep);
	o->ops->prep_para(o->prep, p);
	o->ops->para(o->ctx, p, o->prep, 0);
}

static void
one_end(void *arg, const struct doc *d)
{
	struct one	*o = arg;

	if (o->ops->doc_end != NULL)
		o->ops->doc_end(o->ctx, d);
}

static int
run_one_thread(int argc, char *argv[], const struct run_split *ops,
    void *ctx)
{
	static const struct run_ops one_ops = { one_begin, one_para, one_end };
	struct one	 o;
	int		 status;

	o.ops = ops;
	o.ctx = ctx;
	o.prep = ops->prep_new();
	status = run_operands(argc, argv, &one_ops, &o);
	ops->prep_free(o.prep);
	return status;
}

int
run_operands_split(int argc, char *argv[], const struct run_split *ops,
    void *ctx, int threads)
{
	static struct split sp;
	struct batch	*b;
	struct doc	 d;
	pthread_t	 t;
	char		*name = NULL;
	size_t		 i;
	int		 last, e;

	if (threads <= 0)
		threads = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
	if (threads == 1)
		return run_one_thread(argc, argv, ops, ctx);
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	out_init(opt_want_header(argc));
	memset(&d, 0, sizeof(d));
	sp.ops = ops;
	sp.ctx = ctx;
	sp.argc = argc;
	sp.argv = argv;
	for (i = 0; i < NBATCH; i++) {
		sp.b[i].tcap = BATCH_TEXT + DOC_PARA_MAX;
		sp.b[i].text = nu_reallocarray(NULL, sp.b[i].tcap, 1);
		sp.b[i].prep = ops->prep_new();
	}
	sp.cur = &sp.b[0];
	sp.share = 500;
	if (ops->prep_share != NULL)
		ops->prep_share(sp.cur->prep, sp.share);
	pthread_mutex_init(&sp.mu, NULL);
	pthread_cond_init(&sp.cfull, NULL);
	pthread_cond_init(&sp.cfree, NULL);
	if ((e = pthread_create(&t, NULL, reader, &sp)) != 0)
		errc(2, e, "pthread_create");
	do {
		pthread_mutex_lock(&sp.mu);
		if (sp.full == 0)
			sp.starved = 1;
		while (sp.full == 0)
			pthread_cond_wait(&sp.cfull, &sp.mu);
		b = &sp.b[sp.head];
		pthread_mutex_unlock(&sp.mu);
		last = b->last;
		consume(&sp, b, &d, &name);
		pthread_mutex_lock(&sp.mu);
		sp.head = (sp.head + 1) % NBATCH;
		sp.full--;
		pthread_cond_signal(&sp.cfree);
		pthread_mutex_unlock(&sp.mu);
	} while (!last);
	pthread_join(t, NULL);
	for (i = 0; i < NBATCH; i++) {
		ops->prep_free(sp.b[i].prep);
		free(sp.b[i].text);
		free(sp.b[i].names);
		free(sp.b[i].ev);
	}
	free(name);
	return sp.status;
}
