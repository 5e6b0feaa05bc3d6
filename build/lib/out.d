build/lib/out.o: lib/out.c lib/opt.h lib/out.h lib/doc.h lib/util.h
lib/opt.h:
lib/out.h:
lib/doc.h:
lib/util.h:
