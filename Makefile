# Two commands on a fresh Debian 12 machine (as root): `make site` and `make test`.
# Both install the missing Debian packages, configure and build; then generate the demo or test.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
PACKAGES := cmake ninja-build g++ pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
            libyaml-cpp-dev libfmt-dev doctest-dev libkainjow-mustache-dev libicu-dev nlohmann-json3-dev \
            libzip-dev zlib1g-dev libxlsxwriter-dev libexpat1-dev libcurl4-openssl-dev libmimalloc-dev
# What the tests run besides the build: a JRE for the Nu Html Checker (vnu-jar from npm), Chromium
# and poppler to print the reports to PDF and read them back, a font with Cyrillic letters, xmllint
# to parse every XML output (feeds, sitemaps) with a real XML parser, Hugo for the bench, and
# LibreOffice Calc to read the open data workbooks sveden writes itself (e2e_opendata_workbooks).
TEST_PACKAGES := default-jre-headless chromium poppler-utils fonts-dejavu-core libxml2-utils hugo libreoffice-calc-nogui
# The sanitizer run and the fuzz targets (tests/fuzz/) are built with clang: libFuzzer is clang's, and
# its one sanitizer runtime writes every report to the log file (gcc's UBSan ignores it).
CLANG_PACKAGES := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 20
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check deps test-deps clang-deps test-sanitizers fuzz build bench clean

site: build
	@./$(BUILD_DIR)/sveden build
	@echo
	@echo "Демонстрационный сайт собран в папку output/ ($$(pwd)/output)."
	@echo "Чтобы открыть его в браузере, запустите: build/sveden serve"
	@echo "и откройте адрес http://127.0.0.1:8000/ (остановить просмотр: Ctrl+C)."

test: build test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j2
	@$(MAKE) --no-print-directory test-sanitizers
	@$(MAKE) --no-print-directory fuzz

# The developer's loop after every change, well under a minute once built: the unit tests (the
# tests/errors corpus included) without the synthetic 300-school sites, and one demo build into a
# temporary folder that must succeed. `make test` stays the full run (CI runs it).
check: build
	./$(BUILD_DIR)/sveden_tests --test-case-exclude='*synthetic*' --no-intro --minimal
	@out=$$(mktemp -d) && trap 'rm -rf "$$out"' EXIT && ./$(BUILD_DIR)/sveden build --out "$$out/site" > "$$out/log" 2>&1 || { cat "$$out/log"; exit 1; }; \
	  echo "Демонстрационный сайт собран без ошибок. $$(grep "^Найдено" "$$out/log")"

# The unit and end-to-end tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer
# (preset asan of CMakePresets.json, in build-asan/). Not again: e2e_page_layout, e2e_accessibility,
# e2e_html_validity, e2e_pdf_reports and e2e_opendata_workbooks, where sveden only builds the demo, as
# every other test does, and the rest is Chromium, axe, the Nu Html Checker or LibreOffice (the printing
# client runs under the sanitizers in headless_browser_test, with a stand-in browser; the workbook writer
# in xlsx_table_test and zip_stream_test); e2e_privacy_property, which builds the same sites
# a dozen times over with other values (the withheld verdicts it also builds are in the unit tests).
# A finding stops the program with exit code 86 and its report goes to build-asan/sanitizer-reports/,
# printed here: a test that ignores an exit code or the program's output cannot hide it. A sanitized
# sveden is about ten times slower, so the synthetic sites of atomic_output and deterministic_output have
# 40 schools here (SVEDEN_E2E_SCHOOLS), not 300–400.
test-sanitizers: deps clang-deps
	@cmake --preset asan > /dev/null
	cmake --build --preset asan
	@rm -rf build-asan/sanitizer-reports
	@ctest --preset asan || status=$$?; \
	if [ -n "$$(ls -A build-asan/sanitizer-reports 2>/dev/null)" ]; then \
	  cat build-asan/sanitizer-reports/*; echo "Санитайзер нашёл ошибку: build-asan/sanitizer-reports/" >&2; exit 1; \
	fi; exit $${status:-0}

# Each libFuzzer target of tests/fuzz/ for FUZZ_SECONDS on its corpus (preset fuzz, in build-fuzz/).
# A crash, leak, timeout or out-of-memory input fails the run and is saved in build-fuzz/fuzz/artifacts/;
# keep it in tests/fuzz/corpus/<target>/ once fixed.
fuzz: deps clang-deps
	@cmake --preset fuzz -DSVEDEN_FUZZ_SECONDS=$(FUZZ_SECONDS) > /dev/null
	cmake --build --preset fuzz
	@rm -f build-fuzz/fuzz/artifacts/*
	ctest --preset fuzz

clang-deps:
	@missing=""; for p in $(CLANG_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю clang для санитайзеров и фаззинга:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Test tools come from Debian (the JRE) and npm (tests/tools/package-lock.json pins them).
test-deps:
	@missing=""; for p in $(TEST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю пакеты Debian для тестов:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@[ tests/tools/node_modules/.package-lock.json -nt tests/tools/package-lock.json ] || npm ci --prefix tests/tools --no-audit --no-fund

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю пакеты Debian:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

bench: build
	bash tests/bench/build_bench.sh $(BUILD_DIR)/sveden

clean:
	rm -rf $(BUILD_DIR) output
