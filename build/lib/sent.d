build/lib/sent.o: lib/sent.c lib/doc.h lib/sent.h
lib/doc.h:
lib/sent.h:
