# whomet - build, test, install. `make demo` sets up and runs on samples/, `make check` tests.
VERSION    := 0.1.0
PREFIX     ?= /usr/local
DESTDIR    ?=
DATADIR    := $(PREFIX)/share/whomet
PKGS       := libpcre2-16 icu-uc icu-i18n jansson
DEB_PKGS   := build-essential pkg-config libpcre2-dev libicu-dev libjansson-dev libcmocka-dev python3 python3-networkx

CC         ?= cc
OPT        ?= -O2 -g
WARN       := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
CFLAGS     ?=
CPPFLAGS   += -D_GNU_SOURCE -DWM_VERSION='"$(VERSION)"' -DWM_DATA_DIR='"$(DATADIR)"'
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread
ALL_CFLAGS  = -std=c11 $(OPT) $(WARN) $(PKG_CFLAGS) $(CFLAGS)

BUILD      ?= build
SRC        := $(sort $(wildcard pipeline/*.c))
LIB_SRC    := $(filter-out pipeline/main.c,$(SRC))
HTML_ASSETS := pipeline/html/page.html pipeline/html/page.css pipeline/html/page.js
LIB_OBJ    := $(LIB_SRC:pipeline/%.c=$(BUILD)/%.o) $(BUILD)/html_assets.o
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/tests/replay_%)
BIN        := whomet

.PHONY: unit-bins fuzz-replays all check unit golden contract cli asan valgrind demo deps test-deps screenshot install uninstall clean bench fuzz fuzz-targets golden-update

all: $(BIN)

$(BUILD)/%.o: pipeline/%.c $(wildcard pipeline/*.h) | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)/tests

# The html format's page is compiled in (see pipeline/html_assets.h).
$(BUILD)/html_assets.c: $(HTML_ASSETS) tools/embed.sh | $(BUILD)
	sh tools/embed.sh $@ $(HTML_ASSETS)

$(BUILD)/html_assets.o: $(BUILD)/html_assets.c pipeline/html_assets.h
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Ipipeline -c -o $@ $<

$(BUILD)/libwhomet.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/main.o $(BUILD)/libwhomet.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libwhomet.a $(wildcard tests/unit/*.h) | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Ipipeline -o $@ $< $(BUILD)/libwhomet.a $(PKG_LIBS) -lcmocka

# --- tests -------------------------------------------------------------------------------
# WHOMET: the binary under test; the sanitizer and valgrind targets point it elsewhere.
WHOMET     ?= ./$(BIN)
RUNNER     ?=

check: all $(UNIT_BIN) $(FUZZ_REPLAY)
	@WHOMET=$(WHOMET) RUNNER="$(RUNNER)" UNIT_BIN="$(UNIT_BIN)" FUZZ_REPLAY="$(FUZZ_REPLAY)" sh tests/run.sh

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $(RUNNER) $$t || exit 1; done

golden-update: all
	sh tests/golden.sh --update

SAN_FLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(MAKE) BUILD=build-asan BIN=build-asan/whomet OPT="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	    WHOMET=build-asan/whomet check

# memcheck over the unit tests, the fuzz replays and end-to-end runs on samples/ (the whole
# suite under valgrind would load the knowledge base hundreds of times: hours, not minutes)
VG := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --suppressions=$(CURDIR)/tests/valgrind.supp
valgrind:
	$(MAKE) BUILD=build-vg BIN=build-vg/whomet OPT="-O1 -g" build-vg/whomet unit-bins fuzz-replays
	@WHOMET=build-vg/whomet RUNNER="$(VG)" UNIT_BIN="$(UNIT_BIN:$(BUILD)/%=build-vg/%)" \
	    FUZZ_REPLAY="$(FUZZ_REPLAY:$(BUILD)/%=build-vg/%)" WM_ONLY_TESTS="fuzz_regressions" sh tests/run.sh
	$(VG) build-vg/whomet -d . -q -o /dev/null samples/*.txt
	$(VG) build-vg/whomet -d . -q -f jsonl --explain -o /dev/null samples/*.txt
	$(VG) build-vg/whomet -d . -q -f html -o /dev/null samples/*.txt
	@echo "valgrind: no errors, no leaks"

unit-bins: $(UNIT_BIN)
fuzz-replays: $(FUZZ_REPLAY)

# --- benchmark (speed targets live here, never in tests) ----------------------------------
BENCH_MB        ?= 64
BENCH_STREAM_MB ?= 1024
BENCH_REPEAT    ?= 3
bench:
	BENCH_MB=$(BENCH_MB) BENCH_STREAM_MB=$(BENCH_STREAM_MB) BENCH_REPEAT=$(BENCH_REPEAT) MAKE="$(MAKE)" sh tools/bench.sh

# --- fuzzing -----------------------------------------------------------------------------
# tests/fuzz/fuzz_<target>.c are libFuzzer targets. `make fuzz` builds them with clang into
# build-fuzz/ and runs each for FUZZ_SECONDS; the suite replays their seed corpora and
# tests/fuzz/regressions/ through build/tests/replay_<target> (the same code, no libFuzzer).
# FUZZ_TARGETS and FUZZ_REPLAY are defined at the top: `check` depends on the replays.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_DEFS     = -DWM_FUZZ_DATA='"$(CURDIR)"' -Ipipeline

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(BUILD)/libwhomet.a | $(BUILD)
	$(CC) $(CPPFLAGS) $(FUZZ_DEFS) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libwhomet.a $(PKG_LIBS)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libwhomet.a | $(BUILD)
	$(CC) $(CPPFLAGS) $(FUZZ_DEFS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libwhomet.a $(PKG_LIBS)

fuzz-targets: $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)

fuzz:
	$(MAKE) BUILD=build-fuzz CC=$(FUZZ_CC) OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    LDFLAGS="$(FUZZ_SAN)" fuzz-targets
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh build-fuzz $(FUZZ_TARGETS)

# --- set-up and demo ---------------------------------------------------------------------
deps:
	@sh tools/deps.sh $(DEB_PKGS)

# What the real-tool tests use (they skip without it): Graphviz, Chromium, networkx, node, and
# these npm packages in .test-deps/ (git-ignored).
TEST_NPM   := cytoscape@3.35.0 graphology@0.26.0 playwright-core@1.65.1
test-deps:
	@sh tools/test-deps.sh $(TEST_NPM)

# The README's picture of the html page, from a run over samples/.
screenshot: all
	./$(BIN) -q --format html -o build/samples.html samples/*.txt
	NODE_PATH=.test-deps/node_modules node tests/tools/html_page.js build/samples.html doc/html-page.png

demo: deps
	$(MAKE) all
	./$(BIN) -o samples.graph.json samples/*.txt; echo "whomet exit status $$?"
	@echo "graph written to samples.graph.json"

# --- install -----------------------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/gazetteers $(DESTDIR)$(DATADIR)/rules \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/whomet
	install -m 644 gazetteers/*.tsv $(DESTDIR)$(DATADIR)/gazetteers/
	for f in gazetteers/*.md; do [ ! -f "$$f" ] || install -m 644 "$$f" $(DESTDIR)$(DATADIR)/gazetteers/ || exit 1; done
	if [ -d gazetteers/LICENSES ]; then install -d $(DESTDIR)$(DATADIR)/gazetteers/LICENSES && \
	    install -m 644 gazetteers/LICENSES/* $(DESTDIR)$(DATADIR)/gazetteers/LICENSES/; fi
	install -m 644 rules/*.rules $(DESTDIR)$(DATADIR)/rules/
	install -m 644 doc/whomet.1 $(DESTDIR)$(PREFIX)/share/man/man1/whomet.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/whomet $(DESTDIR)$(DATADIR) $(DESTDIR)$(PREFIX)/share/man/man1/whomet.1

clean:
	rm -rf build build-asan build-vg build-bench build-fuzz $(BIN) samples.graph.json

-include $(wildcard $(BUILD)/*.d)
