# Formations EGOC. `make run` and `make test` are the two commands a new
# user needs; see README.md.

CC       ?= cc
CLANG    ?= clang
PKGS      = libpq libsodium libcmark libical pangocairo libcurl fcgi libidn2 libqrencode
CS_INC    = /usr/include/ClearSilver
WARN      = -Wall -Wextra -Werror -Wformat=2 -Werror=format-security -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS  = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -isystem $(CS_INC)
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN) -fstack-protector-strong -D_FORTIFY_SOURCE=2
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS      = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lneo_cgi -lneo_cs -lneo_utl -lz
SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRC       = $(sort $(wildcard src/*/*.c))
MAIN      = src/formations.c
OBJ       = $(SRC:src/%.c=build/obj/%.o)
ASAN_OBJ  = $(SRC:src/%.c=build/asan/obj/%.o)
UNIT      = $(patsubst t/unit/%.c,build/asan/%,$(wildcard t/unit/test_*.c))
FUZZ      = $(patsubst t/fuzz/%.c,build/fuzz/%,$(wildcard t/fuzz/fuzz_*.c))
FUZZ_SRC  = src/web/parse.c src/web/multipart.c src/base/arena.c src/base/utf8.c

# Debian packages the project needs, checked and installed by `make deps`.
DEB_PACKAGES = build-essential pkg-config libfcgi-dev libpq-dev postgresql \
  clearsilver-dev zlib1g-dev libsodium-dev libcmark-dev libical-dev \
  libcairo2-dev libpango1.0-dev libcurl4-openssl-dev nginx-light wrk clang \
  libclang-rt-14-dev curl perl python3 python3-aiosmtpd chromium valgrind \
  postgresql-contrib faketime libidn2-dev libqrencode-dev fonts-noto-core \
  poppler-utils iproute2

.PHONY: all deps run test unit fuzz fuzz-run bench screenshots lint clean
# Keep the sanitizer objects between runs (make would delete them as intermediates).
.SECONDARY:

all: cgi-bin/formations

cgi-bin/formations: $(OBJ) build/obj/formations.o
	@mkdir -p $(@D)
	@echo "LD $@"; $(CC) $(CFLAGS) -o $@ $^ $(LIBS)

# The build id (ETags) lives in dispatch.o: rebuilt when anything changes.
build/obj/web/dispatch.o: $(filter-out src/web/dispatch.c,$(SRC)) $(wildcard templates/*.cs templates/*/*.cs)

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "CC $<"; $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "CC (sanitizers) $<"; $(CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 $(WARN) -O1 -g $(SAN) -MMD -MP -c -o $@ $<

# Unit tests: small C programs linked with the whole of src/ (no main) and
# built with AddressSanitizer and UndefinedBehaviorSanitizer.
build/asan/test_%: t/unit/test_%.c $(ASAN_OBJ) t/lib/tap.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -It/lib $(PKG_CFLAGS) -std=c11 $(WARN) -Wno-missing-prototypes \
		-O1 -g $(SAN) -o $@ $< $(ASAN_OBJ) $(LIBS)

# Tools the HTTP tests run: an iCalendar reader built on libical.
build/tools/%: t/tools/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 $(WARN) -Wno-missing-prototypes -O1 -g -o $@ $< \
		$(shell pkg-config --libs libical 2>/dev/null)

# The PDF sample links the drawing layer itself, built as in production.
build/tools/pdf_sample: t/tools/pdf_sample.c build/obj/out/pdf.o build/obj/base/buf.o
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 $(WARN) -Wno-missing-prototypes -O1 -g -o $@ $^ \
		$(shell pkg-config --libs pangocairo libqrencode 2>/dev/null)

TOOLS     = $(patsubst t/tools/%.c,build/tools/%,$(wildcard t/tools/*.c))

unit: $(UNIT) $(TOOLS)

build/fuzz/%: t/fuzz/%.c $(FUZZ_SRC)
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -o $@ $^

fuzz: $(FUZZ)

# One minute of fuzzing in all, shared between the harnesses.
FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	@n=$$(echo $(FUZZ) | wc -w); each=$$(( $(FUZZ_SECONDS) / n )); \
	for f in $(FUZZ); do \
		name=$$(basename $$f); mkdir -p build/fuzz/corpus-$$name; \
		echo "# fuzzing $$name for $$each s"; \
		$$f -max_total_time=$$each -max_len=4096 -print_final_stats=0 \
			build/fuzz/corpus-$$name t/fuzz/seeds/$$name >build/fuzz/$$name.log 2>&1 \
			|| { tail -n 40 build/fuzz/$$name.log; exit 1; }; \
	done

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
				--no-install-recommends $$missing; \
		else \
			echo "Missing Debian packages (run as root to install):$$missing"; exit 1; \
		fi; \
	fi
	@[ -d t/browser/node_modules/playwright-core ] || \
		(cd t/browser && npm ci --no-audit --no-fund --silent)

run: deps all
	@conf/run.sh

test: deps all unit fuzz-run lint
	prove -f t/*.t

bench: deps all
	@t/lib/bench.sh

# Full-page PNGs of the main pages at 1280 and 375 px in var/screenshots/
# (index.html shows them side by side); not part of `make test`.
screenshots: deps all
	@t/lib/screenshots.sh

# Project rules that the compiler cannot check (fossil's codecheck1, in small).
lint:
	@t/lib/lint.sh

clean:
	rm -rf build cgi-bin/formations

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d) $(MAIN:src/%.c=build/obj/%.d)
