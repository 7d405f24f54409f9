// `mosaic bench`: ingest throughput at scale, on generated news-like
// documents that copy one another as a real feed's do (wire reprints,
// shortened copies, round-ups mixing several articles), so that story
// detection and event grouping are exercised as the archive grows.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <random>

#include "commands.h"
#include "mosaic/pipeline.h"
#include "progress.h"

namespace mosaic::cli {
namespace fs = std::filesystem;

namespace {

// Makes articles from a corpus's sentences and copies of them. A corpus of a
// few dozen articles holds a few hundred sentences: drawn as they are, every
// document would share whole sentences with thousands of others, and every
// fingerprint would soon be common. Each new article's sentences are instead
// spliced from two sentences, with their numbers and one long word in eight
// redrawn, so that articles are as distinct as real ones while reading like
// the corpus (its actors, places and event words stay).
class Feed {
 public:
  Feed(const std::vector<std::string>& sentences, std::size_t doc_bytes, uint64_t seed)
      : doc_bytes_(doc_bytes), rng_(seed) {
    for (const auto& s : sentences) {
      std::vector<std::string> words;
      std::size_t at = 0;
      while (at < s.size()) {
        const std::size_t end = std::min(s.find(' ', at), s.size());
        if (end > at) words.push_back(s.substr(at, end - at));
        at = end + 1;
      }
      if (words.size() < 4) continue;
      for (const auto& w : words)
        if (w.size() >= 5 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          vocabulary_.push_back(w);
      sentences_.push_back(std::move(words));
    }
  }
  bool empty() const { return sentences_.empty() || vocabulary_.empty(); }

  // The next document's text: a new article (55 %), a copy of a recent one
  // (30 %: a prefix of half or more, some with a few sentences of another
  // added, as round-ups and live blogs do) or a reprint of the day's wire
  // story (15 %; one wire story runs through the whole feed, so that one
  // story grows to 1 % of the archive).
  std::string next() {
    const double r = unit();
    if (recent_.empty() || r < 0.55) {
      recent_.push_back(article());
      if (recent_.size() > kRecent) recent_.pop_front();
      if (!wire_ || unit() < 0.002) wire_ = recent_.back();
      if (!forever_) forever_ = recent_.back();
      return join(recent_.back());
    }
    if (r < 0.85) {
      const auto& of = recent_[pick(recent_.size())];
      std::vector<std::string> copy(of.begin(), of.begin() + std::ptrdiff_t(std::max<std::size_t>(
                                                                  1, of.size() / 2 + pick(of.size() / 2 + 1))));
      if (unit() < 0.5) {
        const auto& other = recent_[pick(recent_.size())];
        for (std::size_t k = 1 + pick(3); k > 0; --k) copy.push_back(other[pick(other.size())]);
      }
      return join(copy);
    }
    return join(unit() < 0.07 ? *forever_ : *wire_);
  }

 private:
  static constexpr std::size_t kRecent = 4096;  // a few days of a busy feed

  double unit() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  std::size_t pick(std::size_t n) { return n ? std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_) : 0; }

  std::vector<std::string> article() {
    std::vector<std::string> out;
    std::size_t bytes = 0;
    while (bytes < doc_bytes_) {
      const auto& a = sentences_[pick(sentences_.size())];
      const auto& b = sentences_[pick(sentences_.size())];
      std::vector<std::string> words(a.begin(), a.begin() + std::ptrdiff_t(a.size() / 2));
      words.insert(words.end(), b.begin() + std::ptrdiff_t(b.size() / 2), b.end());
      std::string s;
      for (auto& w : words) {
        if (std::isdigit(static_cast<unsigned char>(w[0])) && w.find_first_not_of("0123456789,") == std::string::npos)
          w = std::to_string(2 + pick(400));
        else if (w.size() >= 5 && std::islower(static_cast<unsigned char>(w[0])) && unit() < 0.125)
          w = vocabulary_[pick(vocabulary_.size())];
        s += (s.empty() ? "" : " ") + w;
      }
      bytes += s.size() + 1;
      out.push_back(std::move(s));
    }
    return out;
  }

  static std::string join(const std::vector<std::string>& sentences) {
    std::string text;
    for (std::size_t i = 0; i < sentences.size(); ++i) text += sentences[i] + (i % 4 == 3 ? "\n\n" : " ");
    return text;
  }

  std::size_t doc_bytes_;
  std::mt19937_64 rng_;
  std::vector<std::vector<std::string>> sentences_;
  std::vector<std::string> vocabulary_;
  std::deque<std::vector<std::string>> recent_;
  std::optional<std::vector<std::string>> wire_, forever_;
};

// CPU time of this process (user and system): on a shared machine, what
// others running beside it disturb less than the clock on the wall does.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::size_t file_size_or_0(const std::string& path) {
  std::error_code ec;
  const auto n = fs::file_size(path, ec);
  return ec ? 0 : std::size_t(n);
}

}  // namespace

int bench(const Common& c, const BenchArgs& a) {
  // Sentences to build documents from, taken from the corpus as the pipeline reads it.
  const auto load_start = std::chrono::steady_clock::now();
  const Resources resources = Resources::load(c.data.empty() ? Resources::default_data_dir() : c.data, c.lexicons);
  const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
  const Pipeline pipeline(resources);
  std::vector<std::string> sentences;
  ReadOptions read;
  if (!a.csv_map.empty()) read.csv = CsvMap::parse(a.csv_map);
  for (const auto& path : a.corpus) {
    read_input(path, read, [&](Document&& d) {
      pipeline.run(d);
      for (const auto& s : d.sentences) sentences.emplace_back(d.slice(s.span));
    }, [](const Problem& p) { fmt::print(stderr, "{}\n", p.line()); });
  }
  if (Feed(sentences, a.doc_bytes, 42).empty()) throw Error("bench: no sentences in the corpus");

  // The documents are made as they are ingested, never written out: a
  // million of them would be 2 GB of JSONL.
  auto feed = [&](std::size_t n, const DocumentSink& sink) {
    Feed made(sentences, a.doc_bytes, 42);
    for (std::size_t k = 0; k < n; ++k) {
      Document d;
      d.id = fmt::format("bench-{}", k);
      d.raw = made.next();
      // Fifty reports a day, as a busy conflict's coverage: an archive spans
      // more days the more it holds, and a day's reports stay as many.
      const std::chrono::sys_days day =
          std::chrono::sys_days{std::chrono::year{2016} / 1 / 1} + std::chrono::days{int(k / 50)};
      d.date = fmt::format("{:%F}", day);
      d.source = "bench";
      d.origin = fmt::format("bench:{}", k + 1);
      sink(std::move(d));
    }
  };

  // The documents written out instead, for a run elsewhere (a cluster's).
  if (!a.jsonl.empty()) {
    std::ofstream out(a.jsonl, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(fmt::format("{}: cannot write", a.jsonl));
    feed(a.documents, [&](Document&& d) {
      out << nlohmann::json{{"id", d.id}, {"text", d.raw}, {"date", d.date}, {"source", d.source}}.dump(
                 -1, ' ', false, nlohmann::json::error_handler_t::replace)
          << '\n';
    });
    out.close();
    if (!out) throw Error(fmt::format("{}: write failed", a.jsonl));
    fmt::print("wrote          {} documents of {} bytes to {}\n", with_commas(a.documents), a.doc_bytes, a.jsonl);
    return 0;
  }

  // The analysis alone first, for comparison: the same documents made and
  // analysed, nothing stored or merged (at most 10,000 of them).
  std::size_t analysed = 0;
  const auto analysis_start = std::chrono::steady_clock::now();
  feed(std::min<std::size_t>(a.documents, 10000), [&](Document&& d) { pipeline.run(d), ++analysed; });
  const double analysis_secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - analysis_start).count();

  const fs::path dir = fs::temp_directory_path() / fmt::format("mosaic-bench-{}", getpid());
  fs::create_directories(dir);
  const std::string db = a.db.empty() ? (dir / "bench.db").string() : a.db;
  const bool file = db.find("://") == std::string::npos;
  const std::string wal = (db.starts_with("sqlite:") ? db.substr(7) : db) + "-wal";

  // Per tenth of the run: when it ended, the RSS then, the largest WAL seen.
  struct Tenth {
    double secs = 0, cpu = 0;
    std::size_t rss = 0, wal = 0;
  };
  std::vector<Tenth> tenths;
  std::size_t largest_wal = 0, text_bytes = 0;
  IngestOptions options;
  options.jobs = a.jobs;
  options.problems = [](const Problem& p) {
    if (p.level != Problem::Level::Warning) fmt::print(stderr, "{}\n", p.line());
  };
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  options.after_commit = [&](std::size_t stored) {
    if (file) largest_wal = std::max(largest_wal, file_size_or_0(wal));
    while (tenths.size() < 10 && stored * 10 >= (tenths.size() + 1) * a.documents) {
      tenths.push_back({std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                        cpu_seconds() - cpu_start, current_rss(), largest_wal});
      // Told as it goes too: a run of a million documents takes a while.
      if (!c.quiet)
        fmt::print(stderr, "bench: {} documents stored in {:.0f} s ({:.0f} CPU s), RSS {}, largest WAL {}\n",
                   with_commas(stored), tenths.back().secs, tenths.back().cpu, human_bytes(double(tenths.back().rss)),
                   human_bytes(double(largest_wal)));
    }
  };
  IngestReport r;
  {
    const auto opened = Store::open(db);
    Store& store = *opened;
    r = ingest(store, pipeline, "bench", [&](const DocumentSink& sink, const ProblemSink&) {
      feed(a.documents, [&](Document&& d) {
        text_bytes += d.raw.size();
        sink(std::move(d));
      });
    }, options);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_start;
  fmt::print("resources      {:.0f} ms to load ({} lexicon actors, {} WordNet lemmas)\n", load_ms,
             resources.lexicon.actor_count(), resources.vocabulary.size());
  fmt::print("documents      {} of {} bytes from {} corpus sentences (new articles, copies, reprints)\n",
             with_commas(r.stored), a.doc_bytes, sentences.size());
  fmt::print("time           {:.2f} s (normalise, segment, recognise, extract, geocode, merge, store; analysis on {} "
             "thread{})\n",
             secs, options.threads(), options.threads() == 1 ? "" : "s");
  fmt::print("documents/s    {:.0f} ({:.0f} per CPU second)\n", double(r.stored) / secs, double(r.stored) / cpu);
  fmt::print("analysis only  {:.0f} documents/s (normalise, segment, recognise, extract, geocode; one thread, no store)\n",
             double(analysed) / analysis_secs);
  fmt::print("MB/s           {:.2f}\n", double(text_bytes) / 1e6 / secs);
  fmt::print("sentences/s    {:.0f}\n", double(r.sentences) / secs);
  // Tenths are timed at the commits that end them: with fewer than ten
  // batches, several end at one commit and cannot be told apart.
  if (a.documents < 10 * options.batch_size) tenths.clear();
  if (!tenths.empty()) fmt::print("by tenth       documents/s, per CPU second, RSS, largest WAL so far\n");
  auto rate = [&](std::size_t t, double Tenth::*clock) {
    return double(a.documents) / 10 / std::max(tenths[t].*clock - (t ? tenths[t - 1].*clock : 0), 1e-9);
  };
  for (std::size_t t = 0; t < tenths.size(); ++t)
    fmt::print("  {:>3} %       {:>7.0f}  {:>7.0f}  {:>9}  {:>9}\n", (t + 1) * 10, rate(t, &Tenth::secs),
               rate(t, &Tenth::cpu), human_bytes(double(tenths[t].rss)), human_bytes(double(tenths[t].wal)));
  if (tenths.size() == 10)
    fmt::print("last/first     {:.2f} on the clock, {:.2f} in CPU time (documents/s of the last tenth over the first's)\n",
               rate(9, &Tenth::secs) / rate(0, &Tenth::secs), rate(9, &Tenth::cpu) / rate(0, &Tenth::cpu));
  fmt::print("peak RSS       {}\n", human_bytes(double(peak_rss())));
  if (file) {
    const std::size_t store_bytes = file_size_or_0(db) + file_size_or_0(wal);
    fmt::print("largest WAL    {}\n", human_bytes(double(largest_wal)));
    fmt::print("store          {} for {} of text ({:.2f}x)\n", human_bytes(double(store_bytes)),
               human_bytes(double(text_bytes)), double(store_bytes) / double(std::max<std::size_t>(1, text_bytes)));
  }
  if (a.keep) {
    fmt::print("kept           {}\n", db);
  } else {
    fs::remove_all(dir);
  }
  return 0;
}

}  // namespace mosaic::cli
