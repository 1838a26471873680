# rpt - filters that turn Chinese government work reports into TSV.
# GNU make.  Honours CC CFLAGS CPPFLAGS LDFLAGS PREFIX DESTDIR; WERROR=1
# adds -Werror; O=DIR builds into DIR (check-asan uses build/asan).

VERSION	= 0.1.0
PREFIX	?= /usr/local
BINDIR	= $(PREFIX)/bin
MANDIR	= $(PREFIX)/share/man
CC	?= cc
CFLAGS	?= -O2 -g
PKG_CONFIG ?= pkg-config
O	?= .

FILTERS	= rpt-split rpt-sections rpt-numbers rpt-stats
LIBSRC	= lib/input.c lib/tsv.c lib/chars.c lib/text.c lib/doc.c lib/split.c lib/profile.c lib/element.c lib/numbers.c lib/facts.c lib/stats.c lib/outline.c lib/check.c lib/fold.c lib/docx.c
CLISRC	= bin/cli.c
MAN1	= $(FILTERS:%=man/%.1)
MAN7	= man/rpt.7

DEP_PKGS = libutf8proc libpcre2-8 libzip expat
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEP_PKGS) 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(DEP_PKGS) 2>/dev/null || echo -lutf8proc -lpcre2-8 -lzip -lexpat)

WARN	= -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN	+= -Werror
endif
# Required flags come after the user's CFLAGS, which they must not undo.
RPT_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Ilib $(DEP_CFLAGS) $(CPPFLAGS)
RPT_CFLAGS = -std=c99 $(WARN) $(CFLAGS)

SAN	= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

LIBOBJ	= $(LIBSRC:%.c=$(O)/%.o)
CLIOBJ	= $(CLISRC:%.c=$(O)/%.o)
PROGS	= $(FILTERS:%=$(O)/bin/%)
TESTPROGS = $(O)/tests/tools/nows $(O)/tests/tools/trickle $(O)/tests/tools/lines \
	    $(O)/tests/tools/profile-try
# Unit tests: one program per tests/unit/*.c, run before the bats suite.
UNIT	= $(patsubst %.c,%,$(wildcard tests/unit/*.c))
# Fuzz targets tests/fuzz/T.c: make check replays tests/fuzz/corpus/T/ and
# the crash reproducers tests/fuzz/crashes/T/ through each (main() from
# tests/fuzz/replay.c); make fuzz runs libFuzzer.
FUZZ	= input doc split numbers profile tsv facts outline check docx
FUZZSRC	= tests/fuzz/fuzz.c tests/fuzz/fuzz.h
FUZZ_CC	?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# $(call REPLAY,DIR,ENV): run DIR's replay binaries over the corpora and
# the crash reproducers.
REPLAY	= for t in $(FUZZ); do c=tests/fuzz/crashes/$$t; [ -d $$c ] || c=; \
	    $(2) $(1)/tests/fuzz/$$t tests/fuzz/corpus/$$t $$c || exit 1; done

.PHONY: all deps demo check check-asan check-scalar check-valgrind coverage replay fuzz fuzzers fuzz-build fuzz-merge fuzz-minimize golden bench fold-table install uninstall clean lint
.SUFFIXES:

all: $(PROGS)

$(O)/lib/%.o: lib/%.c lib/rpt.h lib/internal.h
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) -c -o $@ $<

$(O)/bin/%.o: bin/%.c bin/cli.h lib/rpt.h
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) -c -o $@ $<

$(O)/lib/librpt.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(O)/bin/rpt-%: $(O)/bin/rpt-%.o $(CLIOBJ) $(O)/lib/librpt.a
	$(CC) $(RPT_CFLAGS) $(LDFLAGS) -o $@ $< $(CLIOBJ) $(O)/lib/librpt.a $(DEP_LIBS)

$(O)/tests/tools/%: tests/tools/%.c $(O)/lib/librpt.a
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) $(LDFLAGS) -o $@ $< $(O)/lib/librpt.a $(DEP_LIBS)

$(O)/tests/unit/%: tests/unit/%.c tests/unit/utf8put.h tests/unit/tap.h $(O)/lib/librpt.a
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) $(LDFLAGS) $(WRAP) -o $@ $< $(O)/lib/librpt.a $(DEP_LIBS)

# nomem-test makes librpt's allocations fail one by one.
$(O)/tests/unit/nomem-test: WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

$(O)/tests/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZSRC) $(O)/lib/librpt.a
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c tests/fuzz/fuzz.c $(O)/lib/librpt.a $(DEP_LIBS)

$(O)/tests/fuzz/%-fuzzer: tests/fuzz/%.c $(FUZZSRC) $(O)/lib/librpt.a
	@mkdir -p $(@D)
	$(CC) $(RPT_CPPFLAGS) $(RPT_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz.c $(O)/lib/librpt.a $(DEP_LIBS)

# The check of a mention's value that the numbers target and test share.
$(O)/tests/fuzz/numbers $(O)/tests/fuzz/numbers-fuzzer $(O)/tests/unit/numbers-test: tests/numbers-check.h
# The paragraph reader the outline and check targets share.
$(O)/tests/fuzz/outline $(O)/tests/fuzz/outline-fuzzer $(O)/tests/fuzz/check $(O)/tests/fuzz/check-fuzzer: tests/fuzz/paras.h

# The fuzz targets with the replay driver, into $(O)/tests/fuzz/.
replay: $(FUZZ:%=$(O)/tests/fuzz/%)

# The fuzz targets with libFuzzer (make fuzz builds them into build/fuzz).
fuzzers: $(FUZZ:%=$(O)/tests/fuzz/%-fuzzer)

# Installs what the build and the tests need, and nothing when all is there.
deps:
	@sh tests/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh

check: deps
	@$(MAKE) --no-print-directory all $(TESTPROGS) $(UNIT:%=$(O)/%) replay
	@for t in $(UNIT:%=$(O)/%); do $$t || exit 1; done
	@$(call REPLAY,$(O))
	@RPT_BIN=$(CURDIR)/$(O)/bin RPT_TOOLS=$(CURDIR)/$(O)/tests/tools sh tests/run.sh

check-asan: deps
	@$(MAKE) --no-print-directory O=build/asan \
	    CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" all \
	    build/asan/tests/tools/nows build/asan/tests/tools/trickle build/asan/tests/tools/lines \
	    build/asan/tests/tools/profile-try $(UNIT:%=build/asan/%) replay
	@for t in $(UNIT:%=build/asan/%); do ASAN_OPTIONS=detect_leaks=1 \
	    UBSAN_OPTIONS=print_stacktrace=1 $$t || exit 1; done
	@$(call REPLAY,build/asan,ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    RPT_BIN=$(CURDIR)/build/asan/bin \
	    RPT_TOOLS=$(CURDIR)/build/asan/tests/tools sh tests/run.sh

# The suite against a build without the SSE2 fast paths (as on non-x86).
check-scalar: deps
	@$(MAKE) --no-print-directory O=build/scalar CPPFLAGS="-U__SSE2__" \
	    all build/scalar/tests/tools/nows build/scalar/tests/tools/trickle build/scalar/tests/tools/lines \
	    build/scalar/tests/tools/profile-try $(UNIT:%=build/scalar/%) replay
	@for t in $(UNIT:%=build/scalar/%); do $$t || exit 1; done
	@$(call REPLAY,build/scalar)
	@RPT_BIN=$(CURDIR)/build/scalar/bin \
	    RPT_TOOLS=$(CURDIR)/build/scalar/tests/tools sh tests/run.sh

# Each fuzz target under libFuzzer, ASan and UBSan for FUZZ_SECONDS, on a
# corpus outside the tree (build/fuzz-corpus/T, seeded from the tree's);
# the tree is not changed.  make fuzz-merge then adds to
# tests/fuzz/corpus/T the inputs that add coverage (review, then commit);
# make fuzz-minimize rewrites each tests/fuzz/corpus/T as the smallest set
# with its coverage.  Crash reproducers go in tests/fuzz/crashes/T/ by hand.
fuzz-build:
	@sh tests/deps.sh fuzz
	@$(MAKE) --no-print-directory O=build/fuzz CC="$(FUZZ_CC)" \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    LDFLAGS="$(FUZZ_SAN)" fuzzers

fuzz: fuzz-build
	@for t in $(FUZZ); do FUZZ_SECONDS=$(FUZZ_SECONDS) \
	    sh tests/fuzz/run.sh fuzz build/fuzz $$t || exit 1; done

fuzz-merge fuzz-minimize: fuzz-build
	@for t in $(FUZZ); do \
	    sh tests/fuzz/run.sh $(@:fuzz-%=%) build/fuzz $$t || exit 1; done
	@git status --short -- tests/fuzz/corpus 2>/dev/null | cut -c1-2 | sort | uniq -c || :

# The suite with every filter and test tool under valgrind (memcheck, full
# leak check), built without the PCRE2 JIT, whose code valgrind cannot
# follow; one locale.  Slow: about half an hour.
check-valgrind: deps
	@$(MAKE) --no-print-directory O=build/valgrind CPPFLAGS="-DRPT_NO_JIT" \
	    CFLAGS="-O1 -g" all build/valgrind/tests/tools/nows \
	    build/valgrind/tests/tools/trickle build/valgrind/tests/tools/lines build/valgrind/tests/tools/profile-try
	@sh tests/valgrind.sh build/valgrind

# Line and branch coverage of lib/ by the unit tests, the fuzz replays and
# the bats suite (one locale), from gcov.
coverage: deps
	@rm -rf build/cov
	@$(MAKE) --no-print-directory O=build/cov CFLAGS="-O0 -g --coverage" \
	    LDFLAGS="--coverage" all build/cov/tests/tools/nows \
	    build/cov/tests/tools/trickle build/cov/tests/tools/lines build/cov/tests/tools/profile-try \
	    $(UNIT:%=build/cov/%) replay
	@for t in $(UNIT:%=build/cov/%); do $$t >/dev/null || exit 1; done
	@$(call REPLAY,build/cov) >/dev/null
	@RPT_BIN=$(CURDIR)/build/cov/bin RPT_TOOLS=$(CURDIR)/build/cov/tests/tools \
	    RPT_LOCALES=C.UTF-8 sh tests/run.sh >/dev/null
	@sh tests/coverage.sh build/cov

# Rewrites tests/golden/ from this build with the commands of
# tests/golden/CASES (those the tests run) and shows the diff: review it
# before a commit.
golden: deps
	@$(MAKE) --no-print-directory all
	@RPT_BIN=$(CURDIR)/$(O)/bin bash tests/golden.sh

# Remakes lib/fold.c's table from OpenCC (Debian's opencc), between the
# lines that mark lib/mkfold.sh's output; review the diff, then commit.
fold-table:
	sh lib/mkfold.sh lib/fold.tab
	awk -v t=lib/fold.tab '/^\/\* mkfold\.sh output/ { skip = 1; \
	    while ((getline l < t) > 0) print l } !skip { print } \
	    /^\/\* End of mkfold\.sh output/ { skip = 0 }' lib/fold.c >lib/fold.c.new
	mv lib/fold.c.new lib/fold.c
	rm -f lib/fold.tab
	@git diff --stat -- lib/fold.c 2>/dev/null || :

bench: all
	@RPT_BIN=$(CURDIR)/$(O)/bin sh tests/bench.sh

# The shell scripts under shellcheck (which tests/deps.sh lint installs;
# tests/.shellcheckrc says what it leaves out) and the manual pages under
# mandoc -Tlint.
SHSRC	= .ci/run $(wildcard tests/*.sh tests/*/*.sh tests/*/*/*.sh lib/*.sh) \
	  $(wildcard tests/*.bash tests/*.bats)
lint:
	@sh tests/deps.sh lint
	shellcheck -x $(SHSRC)
	mandoc -Tlint -Wwarning $(MAN7) $(MAN1)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for f in $(FILTERS); do cp $(O)/bin/$$f $(DESTDIR)$(BINDIR)/$$f || exit 1; done
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/

uninstall:
	for f in $(FILTERS); do rm -f $(DESTDIR)$(BINDIR)/$$f; done
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	rm -f $(DESTDIR)$(MANDIR)/man7/rpt.7

clean:
	rm -rf build bin/*.o lib/*.o lib/librpt.a $(FILTERS:%=bin/%) tests/tools/nows tests/tools/trickle tests/tools/lines \
	    tests/tools/profile-try $(UNIT) $(FUZZ:%=tests/fuzz/%)
