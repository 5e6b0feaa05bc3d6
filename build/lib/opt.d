build/lib/opt.o: lib/opt.c lib/opt.h lib/util.h
lib/opt.h:
lib/util.h:
