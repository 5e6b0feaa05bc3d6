/*
 * dict.c - libFuzzer target for the dictionary loader (-d FILE): the
 * input becomes a dictionary file, loaded with the shipped tables, and
 * its names are then looked up and matched in the input's own text and
 * linked as mentions of a document.
 *
 * The loader ends the program on a malformed line, which is right for a
 * user's file but would end the fuzzer too; so each line is first made
 * well formed (a type from its first byte, no empty or overlong name, no
 * NUL) and what is fuzzed is everything else: white space, case, UTF-8,
 * aliases joining earlier entities, comments, a BOM, CRLF.
 */
#include "fuzz.h"
#include "link.h"

#define NAME_MAX_FUZZ	300	/* well under the loader's 1024 bytes */

static const char *const types[] = {
	"PERSON", "ORG", "GPE", "LOC", "NORP", "MISC", "person", "Org"
};

static int
blank(int c)
{
	return c == ' ' || c == '\r' || c == '\f' || c == '\v';
}

/* Append one well-formed dictionary line made of s[0..n) to dst. */
static size_t
make_line(char *dst, const unsigned char *s, size_t n)
{
	const char	*t;
	size_t		 k, i, field, nonblank;

	k = 0;
	if (n > 0 && s[0] == '#') {
		memcpy(dst, s, n);
		for (i = 0; i < n; i++)
			if (dst[i] == '\0')
				dst[i] = ' ';
		return n;
	}
	t = types[n > 0 ? s[0] & 7 : 0];
	memcpy(dst, t, strlen(t));
	k = strlen(t);
	dst[k++] = '\t';
	field = nonblank = 0;
	for (i = 1; i < n; i++) {
		if (s[i] == '\t') {
			if (nonblank == 0)
				dst[k++] = 'x';
			dst[k++] = '\t';
			field = nonblank = 0;
			continue;
		}
		if (field >= NAME_MAX_FUZZ)
			continue;
		dst[k++] = s[i] == '\0' ? '_' : (char)s[i];
		field++;
		if (!blank(s[i]))
			nonblank++;
	}
	if (nonblank == 0)
		dst[k++] = 'x';
	return k;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct link_dict	*d;
	struct link_doc		*ld;
	enum ent_type		 type;
	const char		*name;
	char			*file;
	size_t			 i, k, n, len, e, nl, namelen;

	if (fuzz_fd == -1) {
		fuzz_init();
		atexit(fuzz_cleanup);
	}
	/* A line grows by its type, a TAB, an x a field and a newline. */
	if ((file = malloc(size * 10 + 16)) == NULL)
		abort();
	for (i = k = 0; i < size; i = nl + 1) {
		for (nl = i; nl < size && data[nl] != '\n'; nl++)
			continue;
		k += make_line(file + k, data + i, nl - i);
		file[k++] = '\n';
	}
	if (ftruncate(fuzz_fd, 0) == -1 ||
	    pwrite(fuzz_fd, file, k, 0) != (ssize_t)k)
		err(1, "%s", fuzz_path);
	d = link_dict_open(fuzz_path);

	/* Match and look up at every byte of the raw input, as text. */
	for (i = 0; i < size; i++) {
		n = link_dict_match(d, (const char *)data + i, size - i,
		    &type);
		if (n > size - i || (n > 0 && (unsigned)type >= ENT_NTYPES))
			abort();
	}
	ld = link_doc_new(d);
	for (i = 0; i < size; i = nl + 1) {
		for (nl = i; nl < size && data[nl] != '\n'; nl++)
			continue;
		len = nl - i;
		if (link_dict_lookup(d, (const char *)data + i, len, &type,
		    &name, &namelen) && name == NULL && namelen > 0)
			abort();
		e = link_mention(ld, len > 0 ? data[i] % ENT_NTYPES : 0,
		    (const char *)data + i, len);
		if (e != LINK_NONE)
			link_title_seen(ld, e, (const char *)data + i,
			    len < 20 ? len : 20);
	}
	/* Names settle at the document's end. */
	for (e = 0; e < LINK_MAX_ENTITIES; e++)
		if (link_name(ld, e, &namelen) == NULL)
			break;
	link_doc_free(ld);
	link_dict_close(d);
	free(file);
	return 0;
}
