# strata: make builds ./strata; make test runs every test; make demo shows a
# bundled capture layer by layer.  Missing build dependencies are installed
# by scripts/deps.sh when run as root (it prints the command otherwise).

CC	?= cc
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share
MANDIR	?= $(DATADIR)/man
DOCDIR	?= $(DATADIR)/doc/strata
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
PKGS	 = libpcap libseccomp nettle zlib
BUILD	?= build
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wno-missing-field-initializers
XCFLAGS	 = -std=gnu11 $(WARN) -Iinclude -D_GNU_SOURCE \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# -fno-merge-constants (where $(CC) has it: GCC): equal string literals of
# two files stay two, as in the sanitizers' build, so that test_one_spelling
# (a field name spelt in two files: the JSON view groups a layer's fields
# by the name's pointer) fails in make test too, not only in make sanitize.
NOMERGE	:= $(shell $(CC) -Werror -fno-merge-constants -x c -c /dev/null \
	   -o /dev/null 2>/dev/null && echo -fno-merge-constants)
LIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
	   echo -lpcap -lseccomp -lnettle -lz) -lm -pthread

LIBSRC	 = $(wildcard src/model/*.c src/proto/*.c src/decode/*.c src/craft/*.c \
	   src/view/*.c src/net/*.c)
CLISRC	 = $(wildcard src/cli/*.c)
LIBOBJ	 = $(LIBSRC:%.c=$(BUILD)/%.o)
CLIOBJ	 = $(CLISRC:%.c=$(BUILD)/%.o)
HDRS	 = $(wildcard include/strata/*.h src/*/*.h)
TESTSRC	 = $(wildcard tests/unit/test_*.c)
TESTBIN	 = $(TESTSRC:tests/unit/%.c=$(BUILD)/tests/%)
STRATA	?= ./strata

.PHONY: all deps test unit golden difftest hostile threads peer bpf live live-route live-ping html bench \
	fieldnames \
	ndjson completion deb-test install-test manpage progress \
	fuzz fuzz-smoke fuzz-long fuzz-reach \
	live-demo live-capture privileges replay exitcodes readme \
	demo clean \
	install install-cap uninstall sanitize \
	golden-update captures

all: strata

deps:
	@sh scripts/deps.sh build

$(BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) $(NOMERGE) $(CFLAGS) -c -o $@ $<

# The HTML report's page (src/view/html_head.html, html_page.js and
# html_find.js) as C strings for src/view/html.c.
HTMLJS	 = src/view/html_page.js src/view/html_find.js
$(BUILD)/gen/html_page.h: src/view/html_head.html $(HTMLJS)
	@mkdir -p $(dir $@)
	{ echo 'static const char st_html_head[] ='; $(CSTR) \
	    src/view/html_head.html; echo ';'; echo \
	    'static const char st_html_tail[] = "<script>\\n"'; cat $(HTMLJS) | \
	    $(CSTR); echo '"</script>\\n</body></html>\\n";'; \
	} >$@.tmp && mv $@.tmp $@
CSTR	 = sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/'
$(BUILD)/src/view/html.o: $(BUILD)/gen/html_page.h
$(BUILD)/src/view/html.o: XCFLAGS += -I$(BUILD)/gen

$(BUILD)/libstrata.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

strata: $(CLIOBJ) $(BUILD)/libstrata.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLIOBJ) $(BUILD)/libstrata.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libstrata.a
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) $(CFLAGS) -Itests/unit $(shell pkg-config --cflags \
	    cmocka 2>/dev/null) -o $@ $< $(BUILD)/libstrata.a $(LIBS) \
	    $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# Every test: unit tests, golden outputs, the differential test against
# tshark's reading of real captures.  No timing here: see make bench.
test:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory strata $(TESTBIN)
	@sh tests/run-all.sh unit golden difftest hostile threads peer \
	    fieldnames bpf \
	    ndjson completion manpage progress install-test live live-route \
	    live-ping live-demo live-capture privileges html replay exitcodes \
	    readme

unit: $(TESTBIN)
	@sh tests/run-unit.sh $(TESTBIN)

golden: strata
	@sh tests/golden.sh $(STRATA)

# Field names written as strings outside src/proto name real fields.
fieldnames: $(BUILD)/tests/test_names
	@sh tests/fieldnames.sh $(BUILD)/tests/test_names

# tshark's reading of every capture in ../shared/corpus (and its folders
# zoo, zeek) against strata's: see tests/difftest.py.
DIFFTEST_JOBS ?= 2
difftest: strata
	@python3 tests/difftest.py $(STRATA) ../shared/corpus --jobs $(DIFFTEST_JOBS)

golden-update: strata
	@sh tests/golden.sh $(STRATA) --update

# The same tests built with AddressSanitizer and UBSan, no recovery.
sanitize:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory BUILD=build-san STRATA=./build-san/strata \
	    CFLAGS="-O1 -g -fsanitize=address,undefined \
	    -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" \
	    build-san/strata test-san

build-san/strata: $(CLIOBJ) $(BUILD)/libstrata.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLIOBJ) $(BUILD)/libstrata.a $(LIBS)

test-san: $(TESTBIN)
	@sh tests/run-unit.sh $(TESTBIN)
	@sh tests/golden.sh $(STRATA)
	@python3 tests/difftest.py $(STRATA) ../shared/corpus --jobs $(DIFFTEST_JOBS)
	@sh tests/hostile.sh $(STRATA)
	@sh tests/threads.sh $(STRATA)
	@sh tests/peer-tshark.sh $(STRATA)
	@sh tests/ndjson-sqlite.sh $(STRATA)
	@sh tests/live.sh $(STRATA)
	@sh tests/live-route.sh $(STRATA)
	@sh tests/live-demo.sh $(STRATA)
	@STRATA_SANITIZED=1 sh tests/live-capture.sh $(STRATA)
	@echo "privileges: not under the sanitizers (their leak check needs what the seccomp filter forbids); make test runs it"
	@sh tests/html-test.sh $(STRATA)

demo:
	@sh scripts/deps.sh build
	@$(MAKE) --no-print-directory strata
	@echo '== strata decode captures/icmp-echo.pcap (summary)'
	@./strata decode captures/icmp-echo.pcap
	@echo
	@echo '== strata decode -c 1 --view tree captures/icmp-echo.pcap'
	@./strata decode -c 1 --view tree captures/icmp-echo.pcap
	@echo '== strata decode -c 1 --view hex captures/icmp-echo.pcap'
	@./strata decode -c 1 --view hex captures/icmp-echo.pcap
	@echo '== strata decode -f icmp --view diagram captures/udp-unreachable.pcap (frame 2)'
	@./strata decode -f icmp --view diagram captures/udp-unreachable.pcap
	@echo '== strata decode captures/tcp-session.pcap (summary)'
	@./strata decode captures/tcp-session.pcap

captures:
	sh captures/make-captures.sh

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, the man page
# (its examples' captures path made the installed one), the bash
# completion, the bundled captures and the JSON schema.
install: strata
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DATADIR)/strata/captures \
	    $(DESTDIR)$(DOCDIR)
	install -m 755 strata $(DESTDIR)$(BINDIR)/strata
	sed 's|/usr/share/strata|$(DATADIR)/strata|g' man/strata.1 \
	    >$(DESTDIR)$(MANDIR)/man1/strata.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/strata.1
	install -m 644 completions/strata $(DESTDIR)$(BASHCOMPDIR)/strata
	install -m 644 captures/*.pcap captures/README \
	    $(DESTDIR)$(DATADIR)/strata/captures/
	install -m 644 docs/json.md $(DESTDIR)$(DOCDIR)/json.md

# Gives the installed binary CAP_NET_RAW, so that send, ping and trace work
# without sudo (strata drops it once its sockets are open).  Never setuid.
install-cap:
	@sh scripts/install-cap.sh $(DESTDIR)$(BINDIR)/strata

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/strata $(DESTDIR)$(MANDIR)/man1/strata.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/strata $(DESTDIR)$(DOCDIR)/json.md
	rm -rf $(DESTDIR)$(DATADIR)/strata
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build build-san strata

hostile: strata
	@sh tests/hostile.sh $(STRATA)

# strata bpf: golden words and steps, agreement with libpcap on every
# packet of the bundled captures and the corpus.
bpf: strata
	@sh tests/bpf.sh $(STRATA)

# Two threads (reading and decoding, the views) write what one writes.
threads: strata
	@sh tests/threads.sh $(STRATA)

# tshark reads what strata builds (skipped without tshark).
peer: strata
	@sh tests/peer-tshark.sh $(STRATA)

# The NDJSON loaded by sqlite3 and jq, the ek view against tshark -T ek.
ndjson: strata
	@sh tests/ndjson-sqlite.sh $(STRATA)

# The progress bar on a terminal made by script(1).
progress: strata
	@sh tests/progress.sh $(STRATA)

# README's and the man page's examples run, compared with the text shown.
readme: strata
	@python3 tests/readme-examples.py $(STRATA)

# The exit codes of README's table, and every error beginning "strata:".
exitcodes: strata
	@sh tests/exitcodes.sh $(STRATA)

# The man page against every subcommand's --help.
manpage: strata
	@sh tests/manpage.sh $(STRATA)

# The bash completion, called as bash calls it.
completion: strata
	@bash tests/completion.sh $(STRATA)

# make install into a scratch DESTDIR, and install-cap (root).
install-test: strata
	@sh tests/install.sh

# The Debian package built from a copy of the tree, lintian, installed,
# run and removed (root only; CI runs it after make test).
deb-test:
	@sh tests/deb.sh

# Raw sockets on loopback and in a network namespace (skipped unless root).
live: strata
	@sh tests/live.sh $(STRATA)

# ping and trace through a router in network namespaces (root only).
live-route: strata
	@sh tests/live-route.sh $(STRATA)

# ping, trace and send against iputils, traceroute and tracepath on one
# topology with a 1400-byte MTU link (root only).
live-ping: strata
	@sh tests/live-ping.sh $(STRATA)

# The HTML report in headless Chromium (skipped without Chromium).
html: strata
	@sh tests/html-test.sh $(STRATA)

# The classroom demos and live capture, for real (root only).
live-demo: strata
	@sh tests/live-demo.sh $(STRATA)

live-capture: strata
	@sh tests/live-capture.sh $(STRATA)

# strata replay: decode's output at --speed 0, the pace, --step on a pty,
# --to on a veth pair in a namespace of its own (root only).
replay: strata
	@sh tests/replay.sh $(STRATA)

# libFuzzer targets (clang), in build-fuzz/: the decoders alone (decode), a
# packet through every view and reader (views), a capture file through
# libpcap (file), a spec through the builder (spec), a reply through the
# matcher (reply).  The library is compiled once, instrumented, and linked
# into each.  Seeds: every packet of the bundled and shared captures and of
# the unit tests (tests/fuzz/seeds.py), and tests/fuzz/regress/<target>/.
# fuzz-smoke runs each FUZZ_SECONDS (40; CI); fuzz-long runs each SECONDS
# (600) and keeps what it finds in build-fuzz/corpus-<target>/.  Both fail
# on any crash, leaving the input in build-fuzz/crashes/ (minimise it and
# add it to tests/fuzz/regress/<target>/).
FUZZ_SECONDS ?= 40
SECONDS	 ?= 600
FUZZCC	 ?= clang
FUZZSAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZFLAGS = -g -O1 $(FUZZSAN)
FUZZ	 = decode views file spec reply
FUZZOBJ	 = $(LIBSRC:%.c=build-fuzz/%.o)

build-fuzz/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@$(FUZZCC) $(XCFLAGS) -I$(BUILD)/gen $(FUZZFLAGS) \
	    -fsanitize=fuzzer-no-link -c -o $@ $<

build-fuzz/libstrata.a: $(FUZZOBJ)
	@rm -f $@
	@ar rcs $@ $^

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzzlink.h \
    build-fuzz/libstrata.a
	$(FUZZCC) $(XCFLAGS) $(FUZZFLAGS) -fsanitize=fuzzer -o $@ $< \
	    build-fuzz/libstrata.a $(LIBS)

fuzz: $(BUILD)/gen/html_page.h
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory $(FUZZ:%=build-fuzz/fuzz_%)

fuzz-smoke: fuzz
	@sh tests/fuzz/smoke.sh $(FUZZ_SECONDS) $(FUZZ)

fuzz-long: fuzz
	@FUZZ_KEEP=1 sh tests/fuzz/smoke.sh $(SECONDS) $(FUZZ)

# Which decoders the seeds reach (fails when one is never reached).
fuzz-reach: fuzz
	@sh tests/fuzz/reach.sh

# The privilege drop proven from outside: ids, capabilities, seccomp, and
# the order of system calls (root only).
privileges: strata
	@sh tests/privileges.sh $(STRATA)

# Speed against tcpdump and tshark, and memory; writes docs/bench.md.
# Never part of make test.
bench: strata
	@python3 scripts/bench.py ./strata --write
