# The two set-up commands: `make demo` and `make test` (see README.md).
BUILD ?= build
JOBS ?= 2
# Extra CMake options, e.g. CMAKE_ARGS=-DTRIAD_WERROR=ON (as CI builds).
CMAKE_ARGS ?=

.PHONY: all deps build test demo clean format

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@TRIAD_WITH_BROWSER=1 scripts/install-deps.sh
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) --timeout 300

demo: build
	@TRIAD_WITH_BROWSER=1 scripts/install-deps.sh
	@scripts/demo.sh $(BUILD)/src/cli/triad

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) out
