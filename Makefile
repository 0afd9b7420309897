# Two commands on a fresh Debian 12 machine (as root): `make site` and `make test`.
# Both install the missing Debian packages, configure and build; then generate the demo or test.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
PACKAGES := cmake ninja-build g++ pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
            libyaml-cpp-dev libfmt-dev doctest-dev libkainjow-mustache-dev libicu-dev
# What the tests run besides the build: a JRE for the Nu Html Checker (vnu-jar from npm), Chromium
# and poppler to print the reports to PDF and read them back, and a font with Cyrillic letters.
TEST_PACKAGES := default-jre-headless chromium poppler-utils fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps test-deps build bench clean

site: build
	@./$(BUILD_DIR)/sveden build
	@echo
	@echo "Демонстрационный сайт собран в папку output/ ($$(pwd)/output)."
	@echo "Чтобы открыть его в браузере, запустите: build/sveden serve"
	@echo "и откройте адрес http://127.0.0.1:8000/ (остановить просмотр: Ctrl+C)."

test: build test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j2

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
	@[ -f tests/tools/node_modules/.package-lock.json ] || npm ci --prefix tests/tools --no-audit --no-fund

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
