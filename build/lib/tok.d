build/lib/tok.o: lib/tok.c lib/tok.h
lib/tok.h:
