build/cmd/sentences.o: cmd/sentences.c lib/opt.h lib/out.h lib/doc.h \
 lib/run.h lib/sent.h lib/util.h
lib/opt.h:
lib/out.h:
lib/doc.h:
lib/run.h:
lib/sent.h:
lib/util.h:
