build/lib/doc.o: lib/doc.c lib/doc.h lib/util.h
lib/doc.h:
lib/util.h:
