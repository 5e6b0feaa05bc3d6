/*
 * tap.h - what the C unit tests share: ok() prints one line of the Test
 * Anything Protocol, and tap_done() the plan at the end, returning the
 * exit status for main.  Included by one test program each.
 */
#ifndef NU_TAP_H
#define NU_TAP_H

#include <stdio.h>

static int	 ntest, nfail;

static void
ok(int cond, const char *what)
{
	ntest++;
	if (!cond)
		nfail++;
	printf("%sok %d - %s\n", cond ? "" : "not ", ntest, what);
}

static int
tap_done(void)
{
	printf("1..%d\n", ntest);
	return nfail != 0;
}

#endif
