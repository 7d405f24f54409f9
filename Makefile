# Entry points; CMake does the building. `make demo` and `make test` set up
# a new Debian 12 machine first (apt-get, as root or with sudo).
RELEASE := build/release
CHECK   := build/check
JOBS    ?= $(shell nproc)

.PHONY: setup build python demo test bench clean

setup:
	@bash scripts/setup

build: setup
	cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOSAIC_TESTS=OFF
	cmake --build $(RELEASE) -j $(JOBS)

# The Python module, importable as `mosaic` by the python3 on PATH.
python: build
	@bash scripts/install-python $(RELEASE)

demo: build
	@bash scripts/demo

# Tests run in a build with address and undefined-behaviour sanitizers, and
# warnings as errors.
test:
	@bash scripts/setup --tests
	cmake -S . -B $(CHECK) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMOSAIC_SANITIZE=ON -DMOSAIC_WERROR=ON -DMOSAIC_BENCH=OFF
	cmake --build $(CHECK) -j $(JOBS)
	ctest --test-dir $(CHECK) --output-on-failure -j $(JOBS)

bench: build
	$(RELEASE)/bench/mosaic_bench
	$(RELEASE)/mosaic bench corpus/sample --documents 100000

clean:
	rm -rf build demo
