// Every stage is linear in its input: texts written to be hard for one stage
// (markup that never closes, scripts by the thousand, ampersands, a list of
// names in apposition, words without a sentence end) are generated at one
// size and at four times it; the stage's time must grow about fourfold, not
// sixteenfold. A ctest of its own rather than a unit test: it times things,
// so its bound is generous (the ratio, plus slack for a loaded machine), and
// it prints each stage's throughput.
//
//   linear_check DATA_DIR [SMALL_BYTES]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "mosaic/normalise.h"
#include "mosaic/pipeline.h"

using namespace mosaic;

namespace {

std::string repeat(const std::string& piece, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

// CPU time of this process (user and system), which other processes on a
// shared machine disturb less than the clock on the wall.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double seconds(const std::function<void()>& run) {
  const double start = cpu_seconds();
  run();
  return cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: linear_check DATA_DIR [SMALL_BYTES]\n");
    return 2;
  }
  const std::size_t small = argc > 2 ? std::stoul(argv[2]) : 256u << 10;
  const std::string only = argc > 3 ? argv[3] : "";
  const Resources resources = Resources::load(argv[1]);
  const Pipeline pipeline(resources);
  const Normaliser normalise(&resources.boilerplate);
  struct Case {
    const char* name;
    std::string piece;
    bool whole;  // the whole pipeline, else normalisation alone
  };
  const std::vector<Case> cases = {
      {"scripts, each closed", "<script>var x = 1;</script>", false},
      {"scripts, never closed", "<script>", false},
      {"tags never closed", "<a ", false},
      {"ampersands", "&", false},
      {"entities", "&amp;&nbsp;&#8212;", false},
      {"appositions", ", Syria", true},
      {"names in a list", ", the Eastern Coast Front (ECF)", true},
      {"words without an end", "fighters ", true},
      {"less-than signs", "a < b ", true},
      {"news", "Rebel fighters shelled the district of Kadugli on Tuesday, killing nine people, residents said. ", true},
  };
  int failed = 0;
  for (const Case& c : cases) {
    if (!only.empty() && std::string(c.name).find(only) == std::string::npos) continue;
    // Each size is run twice and its faster run kept: the first run of a
    // kind of text pays for memory the process had not touched yet.
    double t[2] = {1e9, 1e9};
    for (int run = 0; run < 4; ++run) {
      const int k = run / 2;
      const std::string text = "Report\n\n" + repeat(c.piece, small << (2 * k));
      t[k] = std::min(t[k], seconds([&] {
        if (c.whole) {
          Document d;
          d.id = "linear";
          d.raw = text;
          pipeline.run(d);
        } else {
          const std::string out = normalise(text);
          if (out.size() > text.size() * 2) std::fprintf(stderr, "?");
        }
      }));
    }
    // Linear time is 4x for 4x the input; quadratic, 16x. Very short times
    // are all noise and pass.
    const double ratio = t[1] / std::max(t[0], 1e-4);
    const bool ok = t[1] < 0.2 || ratio < 8;
    failed += !ok;
    std::printf("%-24s %8.1f MB/s at %5.2f MB (%.3f s), x%.1f for 4x the input%s\n", c.name,
                double(small << 2) / 1e6 / std::max(t[1], 1e-9), double(small << 2) / 1e6, t[1], ratio,
                ok ? "" : "  NOT LINEAR");
  }
  return failed ? 1 : 0;
}
