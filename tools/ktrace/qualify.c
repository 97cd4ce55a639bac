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

static struct kt_sysset raw_set;	/* -e raw=: printed undecoded */
static struct kt_sysset unabbrev_set;	/* -v, -e abbrev=: printed whole */
static struct kt_sysset noverbose_set;	/* outside -e verbose=: no structures */
unsigned int kt_xlat_style;

static bool has_nr(const struct kt_sysset *s, int abi, unsigned int nr)
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

/* Syscall @nr of ABI @abi into @s. */
void kt_sysset_set(struct kt_sysset *s, int abi, unsigned int nr)
{
	if (nr < KTRACE_NR_MAX)
		s->bits[abi][nr / 64] |= 1ULL << (nr % 64);
}

/* strace's older spellings of the classes, without the '%'. */
static const char *const bare_classes[] = {
	"file", "process", "network", "signal", "ipc", "desc", "memory",
};

/*
 * The adders below put what a token of the set selects into @s: 0 when it
 * selects something, 1 when nothing (the caller says so, unless strace's
 * '?' prefix makes it optional), -1 after an error they said.
 */

/* report: a class from the command's copy of the lists, by name. */
static int add_class_names(struct kt_sysset *s, const char *cls)
{
	const char *name;
	size_t i = 0;
	int abi, nr, found = 0;

	while ((name = kt_class_next(cls, &i))) {
		for (abi = 0; abi < NABI; abi++) {
			nr = ktrace_syscall_number(kt_cli_abi(abi), name);
			if (nr >= 0) {
				kt_sysset_set(s, abi, nr);
				found = 1;
			}
		}
	}
	return !found;
}

static int add_regex(struct kt_sysset *s, const char *what, const char *re)
{
	regex_t rx;
	unsigned int nr;
	int abi, found = 0;
	char msg[128];
	int err = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);

	if (err) {
		regerror(err, &rx, msg, sizeof(msg));
		ktrace_err("-e %s: bad regular expression '/%s': %s", what, re,
			   msg);
		return -1;
	}
	for (abi = 0; abi < NABI; abi++) {
		for (nr = 0; nr < ktrace_syscall_count(kt_cli_abi(abi)); nr++) {
			const char *name =
				ktrace_syscall_name(kt_cli_abi(abi), nr);

			if (name && !regexec(&rx, name, 0, NULL, 0)) {
				kt_sysset_set(s, abi, nr);
				found = 1;
			}
		}
	}
	regfree(&rx);
	return !found;
}

/* A name, or as strace a number: that syscall in each ABI that has it. */
static int add_name(struct kt_sysset *s, const char *name)
{
	bool number = name[0] && strspn(name, "0123456789") == strlen(name);
	int abi, nr, found = 0;

	for (abi = 0; abi < NABI; abi++) {
		if (number) {
			nr = strlen(name) < 6 ? atoi(name) : -1;
			if (nr >= (int)ktrace_syscall_count(kt_cli_abi(abi)))
				nr = -1;
		} else {
			nr = ktrace_syscall_number(kt_cli_abi(abi), name);
		}
		if (nr >= 0) {
			kt_sysset_set(s, abi, nr);
			found = 1;
		}
	}
	return !found;
}

/*
 * strace's personality suffix, @64 or @32: the ABI @tok's calls are
 * taken from, cut off @tok, in *@abi; else -1.  0 or -1 after an error.
 */
static int abi_suffix(const char *what, char *tok, int *abi)
{
	char *at = strrchr(tok, '@');

	*abi = -1;
	if (!at)
		return 0;
	if (!strcmp(at + 1, "64"))
		*abi = KTRACE_ABI_NATIVE;
	else if (!strcmp(at + 1, "32"))
		*abi = KTRACE_ABI_COMPAT;
	if (*abi >= 0) {
		*at = '\0';
		return 0;
	}
	if (!strcmp(at + 1, "x32"))
		ktrace_err("-e %s: '%s': x32 calls are not traced (64 or 32)",
			   what, tok);
	else
		ktrace_err("-e %s: unknown personality '%s' in '%s' (64 or 32)",
			   what, at + 1, tok);
	return -1;
}

/*
 * One token of a syscall set of -e WHAT=, as strace takes it, into @s: a
 * name or number, %CLASS (or a class's old name), /REGEX, all or none,
 * optional after '?', from one ABI with @64 or @32.  The classes are
 * @dev_class()'s (the module's, for a live session), or the command's
 * copy of the lists.  0, or -1 after saying what is wrong.
 */
static int kt_sysset_add(const char *what, struct kt_sysset *s, char *tok,
			 int (*dev_class)(void *ctx, struct kt_sysset *s,
					  const char *name),
			 void *ctx)
{
	bool optional = false;
	struct kt_sysset one;
	size_t i;
	int abi, w, r;

	while (*tok == '?') {
		optional = true;
		tok++;
	}
	if (abi_suffix(what, tok, &abi))
		return -1;
	memset(&one, 0, sizeof(one));
	if (!strcmp(tok, "all")) {
		memset(&one, 0xff, sizeof(one));
		r = 0;
	} else if (!strcmp(tok, "none")) {
		r = 0;
	} else if (*tok == '%') {
		r = dev_class ? dev_class(ctx, &one, tok + 1) :
				add_class_names(&one, tok + 1);
		if (r > 0 && !optional)
			ktrace_err("-e %s: unknown syscall class '%s'", what,
				   tok);
	} else if (*tok == '/') {
		r = add_regex(&one, what, tok + 1);
		if (r > 0 && !optional)
			ktrace_err("-e %s: '%s' matches no syscall", what,
				   tok);
	} else {
		for (i = 0; i < ARRAY_SIZE(bare_classes); i++)
			if (!strcmp(tok, bare_classes[i]))
				break;
		if (i < ARRAY_SIZE(bare_classes)) {
			r = dev_class ? dev_class(ctx, &one, tok) :
					add_class_names(&one, tok);
		} else {
			r = add_name(&one, tok);
			if (r > 0 && !optional)
				ktrace_err("-e %s: unknown syscall '%s'", what,
					   tok);
		}
	}
	if (r < 0 || (r > 0 && !optional))
		return -1;
	for (w = 0; w < KTRACE_SYSCALL_WORDS; w++) {
		if (abi != KTRACE_ABI_COMPAT)
			s->bits[KTRACE_ABI_NATIVE][w] |=
				one.bits[KTRACE_ABI_NATIVE][w];
		if (abi != KTRACE_ABI_NATIVE)
			s->bits[KTRACE_ABI_COMPAT][w] |=
				one.bits[KTRACE_ABI_COMPAT][w];
	}
	return 0;
}

/*
 * A syscall set of -e WHAT=SPEC, as strace takes it, into @s: its tokens
 * (kt_sysset_add()), each leading '!' taking the complement.  0, or -1
 * after saying what is wrong.
 */
int kt_sysset_parse(const char *what, const char *spec, struct kt_sysset *s,
		    int (*dev_class)(void *ctx, struct kt_sysset *s,
				     const char *name),
		    void *ctx)
{
	char *copy = strdup(spec), *tok, *save = NULL, *p = copy;
	struct kt_sysset one;
	bool neg = false;
	int abi, w, ret = 0;

	if (!copy)
		return -1;
	memset(&one, 0, sizeof(one));
	while (*p == '!') {
		neg = !neg;
		p++;
	}
	/* As strace: "!" or "" alone is refused, not taken for "none". */
	tok = strtok_r(p, ",", &save);
	if (!tok) {
		ktrace_err("-e %s: empty syscall set", what);
		ret = -1;
	}
	for (; tok && !ret; tok = strtok_r(NULL, ",", &save))
		ret = kt_sysset_add(what, &one, tok, dev_class, ctx);
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
static bool sysset_any(const struct kt_sysset *s)
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
	if (kt_sysset_parse("raw", spec, &raw_set, NULL, NULL))
		return -1;
	kt_raw_any = sysset_any(&raw_set);
	return 0;
}

/* -e abbrev=SET: the calls outside SET print their structures whole. */
int kt_abbrev_parse(const char *spec)
{
	int abi, w;

	if (kt_sysset_parse("abbrev", spec, &unabbrev_set, NULL, NULL))
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

	if (kt_sysset_parse("verbose", spec, &noverbose_set, NULL, NULL))
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
	return sysset_any(&unabbrev_set);
}

bool kt_raw_slow(const struct kt_syscall *sc)
{
	return has_nr(&raw_set, sc->abi == KTRACE_CLI_ABI_I386, sc->nr);
}

bool kt_abbrev(const struct kt_syscall *sc)
{
	return !has_nr(&unabbrev_set, sc->abi == KTRACE_CLI_ABI_I386, sc->nr);
}
