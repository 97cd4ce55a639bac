// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): how much of each call is decoded, as strace's -e raw=SET,
 * -e abbrev=SET, -e verbose=SET, -v and -X choose.  The sets are resolved here, from the
 * command's own tables (names, /REGEX, %CLASS by the class each syscall
 * is listed under in module/syscall-classes.def), since the text is also
 * printed from a recording, where no module is asked; the decoders ask
 * kt_raw() and kt_abbrev() for the call they print.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"
#include "decode.h"
#include "sysclass.h"

#define NABI KTRACE_ABI_COUNT

struct scset {
	uint64_t bits[NABI][KTRACE_SYSCALL_WORDS];
};

static struct scset raw_set;		/* -e raw=: printed undecoded */
static struct scset unabbrev_set;	/* -v, -e abbrev=: printed whole */
static struct scset noverbose_set;	/* outside -e verbose=: no structures */
unsigned int kt_xlat_style;

static void set_nr(struct scset *s, int abi, int nr)
{
	if (nr >= 0 && nr < KTRACE_NR_MAX)
		s->bits[abi][nr / 64] |= 1ULL << (nr % 64);
}

static bool has_nr(const struct scset *s, int abi, unsigned int nr)
{
	return nr < KTRACE_NR_MAX && (s->bits[abi][nr / 64] >> (nr % 64) & 1);
}

/*
 * Is @cls (a class without its '%') one of @classes, " desc file "?  A
 * word of it, whole: "" or " desc" (-e trace=%, -e 'trace=% desc') is
 * none, and would match at the list's start, or at every byte.
 */
static bool in_classes(const char *classes, const char *cls)
{
	size_t len = strlen(cls);
	const char *c;

	if (!len || strchr(cls, ' '))
		return false;
	for (c = classes; (c = strstr(c, cls)); c++)
		if (c > classes && c[-1] == ' ' && c[len] == ' ')
			return true;
	return false;
}

const char *kt_class_canon(const char *cls)
{
	return strcmp(cls, "net") ? cls : "network";
}

const char *kt_class_next(const char *cls, size_t *i)
{
	cls = kt_class_canon(cls);
	while (*i < ARRAY_SIZE(kt_sysclasses)) {
		const struct kt_sysclass *e = &kt_sysclasses[(*i)++];

		if (in_classes(e->classes, cls))
			return e->name;
	}
	return NULL;
}

/* Is syscall @name in class @cls, as kt_class_next() has it? */
static bool in_class(const char *name, const char *cls)
{
	size_t i;

	cls = kt_class_canon(cls);
	for (i = 0; i < ARRAY_SIZE(kt_sysclasses); i++)
		if (!strcmp(kt_sysclasses[i].name, name))
			return in_classes(kt_sysclasses[i].classes, cls);
	return false;
}

/* Every syscall of both ABIs whose name matches. */
static int add_match(struct scset *s, const char *what, const char *tok)
{
	bool optional = *tok == '?', found = false;
	const char *name;
	unsigned int nr;
	regex_t rx;
	int abi;

	if (optional)
		tok++;
	if (*tok == '/' && regcomp(&rx, tok + 1, REG_EXTENDED | REG_NOSUB)) {
		ktrace_err("-e %s: bad regular expression '%s'", what, tok);
		return -1;
	}
	for (abi = 0; abi < NABI; abi++) {
		enum ktrace_cli_abi a = kt_cli_abi(abi);

		for (nr = 0; nr < ktrace_syscall_count(a); nr++) {
			bool m = false;

			name = ktrace_syscall_name(a, nr);
			if (!name)
				continue;
			if (*tok == '/')
				m = !regexec(&rx, name, 0, NULL, 0);
			else if (*tok == '%')
				m = in_class(name, tok + 1);
			else
				m = !strcmp(name, tok);
			if (m) {
				set_nr(s, abi, nr);
				found = true;
			}
		}
	}
	if (*tok == '/')
		regfree(&rx);
	if (!found && !optional) {
		ktrace_err("-e %s: '%s' names no syscall", what, tok);
		return -1;
	}
	return 0;
}

/* A syscall set as -e trace= takes it, into s; 0 or -1 (said). */
static int parse_scset(struct scset *s, const char *what, const char *spec)
{
	char *copy = strdup(spec), *tok, *save = NULL, *p = copy;
	struct scset one;
	bool neg = false;
	int abi, w, ret = 0;

	if (!copy)
		return -1;
	memset(&one, 0, sizeof(one));
	while (*p == '!') {
		neg = !neg;
		p++;
	}
	for (tok = strtok_r(p, ",", &save); tok && !ret;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all"))
			memset(&one, 0xff, sizeof(one));
		else if (strcmp(tok, "none"))
			ret = add_match(&one, what, tok);
	}
	free(copy);
	if (ret)
		return -1;
	for (abi = 0; abi < NABI; abi++)
		for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
			s->bits[abi][w] = neg ? ~one.bits[abi][w] :
						one.bits[abi][w];
	return 0;
}

/* Does @s hold any call? */
static bool scset_any(const struct scset *s)
{
	int abi, w;

	for (abi = 0; abi < NABI; abi++)
		for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
			if (s->bits[abi][w])
				return true;
	return false;
}

/* Does -e raw= name any call?  Every line asks kt_raw() twice. */
bool kt_raw_any;

int kt_raw_parse(const char *spec)
{
	if (parse_scset(&raw_set, "raw", spec))
		return -1;
	kt_raw_any = scset_any(&raw_set);
	return 0;
}

/* -e abbrev=SET: the calls outside SET print their structures whole. */
int kt_abbrev_parse(const char *spec)
{
	int abi, w;

	if (parse_scset(&unabbrev_set, "abbrev", spec))
		return -1;
	for (abi = 0; abi < NABI; abi++)
		for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
			unabbrev_set.bits[abi][w] ^= ~0ULL;
	return 0;
}

/*
 * -e verbose=SET: the calls outside SET print the structures they point
 * to as addresses (strings and data buffers still print).
 */
int kt_verbose_parse(const char *spec)
{
	int abi, w;

	if (parse_scset(&noverbose_set, "verbose", spec))
		return -1;
	for (abi = 0; abi < NABI; abi++)
		for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
			noverbose_set.bits[abi][w] ^= ~0ULL;
	return 0;
}

bool kt_verbose(const struct kt_syscall *sc)
{
	return !has_nr(&noverbose_set, sc->abi == KTRACE_CLI_ABI_I386, sc->nr);
}

void kt_set_verbose(void)
{
	memset(&unabbrev_set, 0xff, sizeof(unabbrev_set));
}

/* Does any call print its structures whole (-v, -e abbrev=)? */
bool kt_abbrev_partly(void)
{
	return scset_any(&unabbrev_set);
}

bool kt_raw_slow(const struct kt_syscall *sc)
{
	return has_nr(&raw_set, sc->abi == KTRACE_CLI_ABI_I386, sc->nr);
}

bool kt_abbrev(const struct kt_syscall *sc)
{
	return !has_nr(&unabbrev_set, sc->abi == KTRACE_CLI_ABI_I386, sc->nr);
}
