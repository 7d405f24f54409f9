#!/usr/bin/env bash
# Each fuzz target for a short bounded time (FUZZ_SECONDS, default 10), built
# with clang and libFuzzer in SOURCE_DIR/build/fuzz, as `make fuzz` builds
# them. Skips (77) when clang cannot link a libFuzzer target (Debian's clang
# and libclang-rt-14-dev; `scripts/setup --tests` installs them).
#
#   fuzz_check.sh SOURCE_DIR
set -euo pipefail
root=$1
cxx=${FUZZ_CXX:-clang++}
cc=${FUZZ_CC:-clang}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/p.cc"
if ! command -v "$cxx" >/dev/null || ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cc" -o "$probe/p" 2>/dev/null; then
  echo "fuzz targets skipped: $cxx cannot build a libFuzzer target (install clang and libclang-rt-14-dev)"
  exit 77
fi
build=$root/build/fuzz
CC=$cc CXX=$cxx cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOSAIC_FUZZ=ON \
  -DMOSAIC_TESTS=OFF -DMOSAIC_BENCH=OFF -DMOSAIC_PYTHON=OFF -DMOSAIC_WERROR=ON >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target fuzz_jsonl fuzz_csv fuzz_text fuzz_date fuzz_pipeline
# From the seed corpus alone, in a folder of its own: a `make fuzz` running
# meanwhile keeps its working corpora and logs.
FUZZ_OUT=$probe FUZZ_SECONDS=${FUZZ_SECONDS:-10} bash "$root/fuzz/run.sh" "$build"
