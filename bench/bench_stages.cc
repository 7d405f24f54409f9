// Micro-benchmarks of the per-document stages on the bundled sample.
// End-to-end ingest throughput and memory: `mosaic bench` (see README).
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "mosaic/pipeline.h"

namespace {

using namespace mosaic;

const std::vector<std::string>& sample_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(std::string(MOSAIC_SAMPLE_DIR) + "/sudan.jsonl");
    std::string line;
    while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
    return out;
  }();
  return texts;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const auto& t : sample_texts()) n += t.size();
  return n;
}

void BM_Normalise(benchmark::State& state) {
  Boilerplate b;
  b.load(Resources::default_data_dir() + "/boilerplate.txt");
  const Normaliser normalise(&b);
  for (auto _ : state)
    for (const auto& t : sample_texts()) benchmark::DoNotOptimize(normalise(t));
  state.SetBytesProcessed(int64_t(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Normalise);

void BM_Sentences(benchmark::State& state) {
  const SentenceSplitter split(load_word_list(Resources::default_data_dir() + "/abbreviations.txt"));
  std::size_t sentences = 0;
  for (auto _ : state)
    for (const auto& t : sample_texts()) sentences += split.split(t).size();
  state.SetBytesProcessed(int64_t(state.iterations() * total_bytes()));
  state.counters["sentences/s"] = benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Sentences);

void BM_Tokenise(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& t : sample_texts()) benchmark::DoNotOptimize(tokenise(t, Span{0, uint32_t(t.size())}));
  state.SetBytesProcessed(int64_t(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Tokenise);

void BM_Pipeline(benchmark::State& state) {
  const Resources r = Resources::load(Resources::default_data_dir());
  const Pipeline p(r);
  for (auto _ : state) {
    for (const auto& t : sample_texts()) {
      Document d;
      d.raw = t;
      p.run(d);
      benchmark::DoNotOptimize(d.sentences.data());
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations() * sample_texts().size()));
  state.SetBytesProcessed(int64_t(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Pipeline);

void BM_GazetteerLookup(benchmark::State& state) {
  const Gazetteer g = Gazetteer::load(Gazetteer::default_path(), Resources::default_data_dir());
  const char* names[] = {"Aleppo", "Deir Ezzor", "al-Bab", "Hassakeh", "Kadugli", "Nowhere Town", "Khan Sheikhoun", "Idleb"};
  std::size_t found = 0;
  for (auto _ : state)
    for (const char* n : names) found += g.lookup(n, true).size();
  state.SetItemsProcessed(int64_t(state.iterations() * std::size(names)));
  benchmark::DoNotOptimize(found);
}
BENCHMARK(BM_GazetteerLookup);

void BM_GazetteerLoad(benchmark::State& state) {
  std::size_t places = 0;
  for (auto _ : state) places = Gazetteer::load(Gazetteer::default_path(), Resources::default_data_dir()).size();
  state.counters["places"] = double(places);
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
