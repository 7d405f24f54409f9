# Entry points; CMake does the building. `make demo` and `make test` set up
# a new Debian 12 machine first (apt-get, as root or with sudo).
RELEASE := build/release
CHECK   := build/check
FUZZ    := build/fuzz
FUZZ_SECONDS ?= 60
JOBS    ?= $(shell nproc)

.PHONY: setup build python demo test bench fuzz clean

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
# warnings as errors. The store's conformance suite runs over SQLite and over
# a private PostgreSQL cluster (scripts/pg: a temporary folder, a Unix
# socket), and the cluster's tests against a private nats-server with
# JetStream (scripts/nats), both started here and stopped afterwards
# whatever the tests give.
test:
	@bash scripts/setup --tests
	cmake -S . -B $(CHECK) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMOSAIC_SANITIZE=ON -DMOSAIC_WERROR=ON -DMOSAIC_BENCH=OFF
	cmake --build $(CHECK) -j $(JOBS)
	@tmp=$$(mktemp -d) && chmod 755 "$$tmp" && export MOSAIC_PG_DIR="$$tmp/pg" MOSAIC_NATS_DIR="$$tmp/nats"; \
	  pg=$$(bash scripts/pg start) || pg=""; \
	  [ -n "$$pg" ] || echo "test: no PostgreSQL cluster: its conformance cases are skipped"; \
	  nats=$$(bash scripts/nats start) || nats=""; \
	  [ -n "$$nats" ] || echo "test: no nats-server: the cluster's tests are skipped"; \
	  MOSAIC_TEST_PG=$$pg MOSAIC_TEST_NATS=$$nats ctest --test-dir $(CHECK) --output-on-failure -j $(JOBS); rc=$$?; \
	  [ -z "$$nats" ] || bash scripts/nats stop; \
	  [ -z "$$pg" ] || bash scripts/pg stop; rm -rf "$$tmp"; exit $$rc

# Each libFuzzer target (fuzz/) for FUZZ_SECONDS over its seed corpus, built
# with clang and the sanitizers; a crash's input is kept in build/fuzz/fuzz/artifacts.
fuzz:
	@bash scripts/setup --tests
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOSAIC_FUZZ=ON \
	  -DMOSAIC_TESTS=OFF -DMOSAIC_BENCH=OFF -DMOSAIC_PYTHON=OFF -DMOSAIC_WERROR=ON
	cmake --build $(FUZZ) -j $(JOBS) --target fuzz_jsonl fuzz_csv fuzz_text fuzz_date fuzz_pipeline
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh $(FUZZ)

bench: build
	$(RELEASE)/bench/mosaic_bench
	$(RELEASE)/mosaic bench corpus/sample --documents 100000

clean:
	rm -rf build demo
