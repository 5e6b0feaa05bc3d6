build/lib/run.o: lib/run.c lib/opt.h lib/out.h lib/doc.h lib/run.h
lib/opt.h:
lib/out.h:
lib/doc.h:
lib/run.h:
