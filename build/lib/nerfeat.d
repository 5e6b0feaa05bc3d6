build/lib/nerfeat.o: lib/nerfeat.c lib/nerfeat.h lib/tok.h
lib/nerfeat.h:
lib/tok.h:
