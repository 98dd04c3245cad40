# The two set-up commands: `make demo` and `make test` (see README.md).
BUILD ?= build
JOBS ?= 2
# Extra CMake options, e.g. CMAKE_ARGS=-DTRIAD_WERROR=ON (as CI builds).
CMAKE_ARGS ?=

.PHONY: all deps build test test-sanitize fuzz demo clean format

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@TRIAD_WITH_BROWSER=1 scripts/install-deps.sh
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) --timeout 300

# The whole test suite built with gcc's AddressSanitizer and UndefinedBehaviorSanitizer (-O1), in
# its own build directory: any invalid memory access, leak or undefined behaviour fails a test.
SANITIZE_BUILD ?= build-sanitize
test-sanitize: deps
	@TRIAD_WITH_BROWSER=1 scripts/install-deps.sh
	JOBS=$(JOBS) CMAKE_ARGS="$(CMAKE_ARGS)" scripts/test-sanitize.sh $(SANITIZE_BUILD)

# libFuzzer harnesses (fuzz/), built with clang in their own build directory and run for
# FUZZ_SECONDS each (see fuzz/run.sh); needs clang and libclang-rt-14-dev (TRIAD_WITH_FUZZ=1).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@TRIAD_WITH_FUZZ=1 scripts/install-deps.sh
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Fuzz \
	  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS_FUZZ="-O1 -g" -DTRIAD_FUZZ=ON \
	  -DTRIAD_TESTS=OFF $(CMAKE_ARGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS)
	@fuzz/make_seeds.py . $(FUZZ_BUILD)
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ_BUILD)

demo: build
	@TRIAD_WITH_BROWSER=1 scripts/install-deps.sh
	@scripts/demo.sh $(BUILD)/src/cli/triad

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) out
