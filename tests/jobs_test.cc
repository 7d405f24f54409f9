// The ingest with its analysis on several threads (IngestOptions::jobs): the
// store, the report and the problems told end as with one thread, on every
// backend; and the ordered work that runs it.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "helpers.h"
#include "mosaic/export.h"
#include "mosaic/pipeline.h"
#include "pipeline/analysis.h"
#include "store/backend.h"
#include "util/ordered_work.h"

namespace mosaic {
namespace {

using test::Backend;
using test::TempDir;

// A feed of `n` reports written for this test: new articles, copies of
// recent ones (a prefix, some with a sentence of another added) and reprints
// of one wire story, twenty a day, so that stories and event groups form
// across batches. Among them, lines a reader refuses, an empty text, a
// repeat, another text under a used id, and documents named "boom-..."
// whose analysis fails (see failing()).
std::string feed(std::size_t n) {
  const std::vector<std::string> actors = {"Government forces", "Rebel fighters", "The army", "Militiamen",
                                           "Police", "Gunmen"};
  const std::vector<std::string> places = {"Nyala", "El Fasher", "Kadugli", "Maiduguri", "Garissa", "Gao", "Mopti"};
  const std::vector<std::string> days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  std::mt19937 rng(20261203);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto number = [&] { return std::to_string(2 + rng() % 60); };
  auto sentence = [&] {
    switch (rng() % 6) {
      case 0:
        return fmt::format("{} shelled {} on {}, killing {} civilians and wounding {} others, officials said.",
                           pick(actors), pick(places), pick(days), number(), number());
      case 1:
        return fmt::format("Clashes between {} and {} in {} left {} fighters dead, a medical source said.",
                           pick(actors), pick(actors), pick(places), number());
      case 2:
        return fmt::format("Hundreds of protesters gathered in {} to denounce the price of bread; police fired tear "
                           "gas.",
                           pick(places));
      case 3: return fmt::format("An air strike hit a market in {} on {}, witnesses told reporters.", pick(places), pick(days));
      case 4: return fmt::format("Aid agencies said {} families had fled {} since the fighting began.", number(), pick(places));
      default:
        return fmt::format("{} abducted {} villagers near {}, residents said.", pick(actors), number(), pick(places));
    }
  };
  auto article = [&] {
    std::vector<std::string> out;
    for (std::size_t k = 4 + rng() % 3; k > 0; --k) out.push_back(sentence());
    return out;
  };
  auto join = [](const std::vector<std::string>& sentences) {
    std::string text;
    for (std::size_t i = 0; i < sentences.size(); ++i) text += sentences[i] + (i % 3 == 2 ? "\\n\\n" : " ");
    return text;
  };
  auto record = [](const std::string& id, const std::string& date, const std::string& text) {
    return fmt::format(R"({{"id": "{}", "date": "{}", "source": "Daily {}", "text": "{}"}})", id, date,
                       id.size() % 4, text) +
           "\n";
  };
  const std::vector<std::string> wire = article();
  std::vector<std::vector<std::string>> recent;
  std::string out;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string id = fmt::format("r{}", k);
    const std::string date = fmt::format("2023-03-{:02}", 1 + k / 20);
    const auto r = rng() % 100;
    if (recent.empty() || r < 50) {
      recent.push_back(article());
      if (recent.size() > 40) recent.erase(recent.begin());
      out += record(id, date, join(recent.back()));
    } else if (r < 80) {
      const auto& of = recent[rng() % recent.size()];
      std::vector<std::string> copy(of.begin(), of.begin() + std::ptrdiff_t(2 + rng() % (of.size() - 1)));
      if (rng() % 2) copy.push_back(recent[rng() % recent.size()].front());
      out += record(id, date, join(copy));
    } else {
      out += record(id, date, join(wire));
    }
    switch (k % 97) {
      case 10: out += "{\"id\": \"bad\", \"text\": \n"; break;                    // not JSON
      case 20: out += record(fmt::format("e{}", k), date, ""); break;             // no text
      case 30: out += record(id, date, join(wire)); break;                        // the same id again
      case 40: out += record(fmt::format("boom-{}", k), date, join(wire)); break;  // its analysis fails
      case 50: out += "[1, 2]\n"; break;                                          // not a record
      default: break;
    }
  }
  return out;
}

// The pipeline's analysis, failing on documents whose id says so.
Analysis failing(const Pipeline& pipeline) {
  return [&pipeline](Document& doc) {
    if (doc.id.starts_with("boom-")) throw std::runtime_error("no analysis for " + doc.id);
    pipeline.run(doc);
  };
}

struct Outcome {
  IngestReport report;
  std::vector<std::string> problems;  // as told, in order
  std::string json;                   // the store's export
};

Outcome ingest_feed(const std::string& url, const std::string& input, unsigned jobs, std::size_t batch) {
  static const Resources resources = Resources::load(MOSAIC_DATA_DIR);
  static const Pipeline pipeline(resources);
  Outcome o;
  {
    const auto store = Store::open(url);
    IngestOptions options;
    options.jobs = jobs;
    options.batch_size = batch;
    options.problems = [&](const Problem& p) { o.problems.push_back(p.line()); };
    o.report = ingest_with(*store, failing(pipeline), input, [&](const DocumentSink& sink, const ProblemSink& problems) {
      read_input(input, options.read, sink, problems);
    }, options);
  }
  const auto store = Store::open(url, Store::Mode::ReadOnly);
  std::ostringstream json;
  export_store(*store, ExportFormat::Json, json);
  o.json = json.str();
  return o;
}

void expect_same(const Outcome& one, const Outcome& many) {
  EXPECT_EQ(many.report.read, one.report.read);
  EXPECT_EQ(many.report.stored, one.report.stored);
  EXPECT_EQ(many.report.replaced, one.report.replaced);
  EXPECT_EQ(many.report.resumed, one.report.resumed);
  EXPECT_EQ(many.report.repeated, one.report.repeated);
  EXPECT_EQ(many.report.skipped, one.report.skipped);
  EXPECT_EQ(many.report.warnings, one.report.warnings);
  EXPECT_EQ(many.report.sentences, one.report.sentences);
  EXPECT_EQ(many.report.bytes, one.report.bytes);
  EXPECT_EQ(many.problems, one.problems);
  EXPECT_TRUE(many.json == one.json) << "the exports differ (" << one.json.size() << " and " << many.json.size()
                                     << " bytes)";
}

class Jobs : public ::testing::TestWithParam<std::string> {};

TEST_P(Jobs, FourAndEightThreadsStoreByteForByteWhatOneDoes) {
  TempDir dir;
  const std::string input = dir.write("feed.jsonl", feed(300));
  Backend b1(GetParam()), b4(GetParam()), b8(GetParam()), b2(GetParam());
  if (b1.url().empty()) GTEST_SKIP() << b1.why_not();
  // Batches of 16: many of them, each written while the next are analysed.
  const Outcome one = ingest_feed(b1.url(), input, 1, 16);
  // The feed is what it says: stories of several copies, and each kind of
  // bad record.
  EXPECT_GT(one.report.stored, 250u);
  EXPECT_NE(one.json.find("\"duplicate_of\":\"r"), std::string::npos);
  std::size_t failed = 0, conflicts = 0;
  for (const auto& p : one.problems) {
    failed += p.find("the analysis failed: no analysis for boom-") != std::string::npos;
    conflicts += p.find("was already read from") != std::string::npos;
  }
  EXPECT_EQ(failed, 3u);
  EXPECT_EQ(conflicts, 3u);
  EXPECT_EQ(one.report.skipped, 15u);
  {
    SCOPED_TRACE("4 jobs");
    expect_same(one, ingest_feed(b4.url(), input, 4, 16));
  }
  {
    SCOPED_TRACE("8 jobs");
    expect_same(one, ingest_feed(b8.url(), input, 8, 16));
  }
  // In one batch, each conflict is told once the batch is written: after
  // every problem the reader met, with one thread or several.
  SCOPED_TRACE("2 jobs, one batch");
  Outcome two = ingest_feed(b2.url(), input, 2, 500);
  EXPECT_EQ(two.problems.size(), one.problems.size());
  for (std::size_t k = 0; k < 3 && k < two.problems.size(); ++k)
    EXPECT_NE(two.problems[two.problems.size() - 1 - k].find("was already read from"), std::string::npos);
  std::sort(two.problems.begin(), two.problems.end());
  Outcome sorted = one;
  std::sort(sorted.problems.begin(), sorted.problems.end());
  expect_same(sorted, two);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, Jobs, ::testing::ValuesIn(test::kBackends),
                         [](const auto& backend) { return backend.param; });

TEST(OrderedWork, ItemsComeBackInTheOrderHandedOverWhateverTheThreads) {
  for (unsigned threads : {0u, 1u, 3u, 8u}) {
    OrderedWork<int> work(threads, [](int& v) {
      if (v % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      v *= 2;
    });
    std::vector<int> out;
    for (int k = 0; k < 500; ++k) {
      work.push(k, k % 5 != 0);  // every fifth needs no work: it comes back as it went
      if (work.size() > 20) out.push_back(*work.pop());
      while (auto v = work.try_pop()) out.push_back(*v);
    }
    while (auto v = work.pop()) out.push_back(*v);
    ASSERT_EQ(out.size(), 500u) << threads << " threads";
    for (int k = 0; k < 500; ++k) ASSERT_EQ(out[std::size_t(k)], k % 5 != 0 ? 2 * k : k) << threads << " threads";
  }
}

TEST(OrderedWork, WhatTheWorkThrowsIsThrownWhereItsItemIsTaken) {
  for (unsigned threads : {0u, 2u}) {
    OrderedWork<int> work(threads, [](int& v) {
      if (v == 3) throw std::runtime_error("three");
    });
    for (int k = 0; k < 6; ++k) work.push(k, true);
    EXPECT_EQ(*work.pop(), 0);
    EXPECT_EQ(*work.pop(), 1);
    EXPECT_EQ(*work.pop(), 2);
    EXPECT_THROW(work.pop(), std::runtime_error);
    EXPECT_EQ(*work.pop(), 4);
    EXPECT_EQ(*work.pop(), 5);
    EXPECT_FALSE(work.pop());
  }
}

TEST(OrderedWork, StopsWithItemsStillHeld) {
  std::atomic<int> done = 0;
  {
    OrderedWork<int> work(4, [&](int&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      ++done;
    });
    for (int k = 0; k < 200; ++k) work.push(k, true);
  }
  EXPECT_LE(done.load(), 200);
}

TEST(Pipeline, ThreadsAnalysingAtOnceFindWhatOneFinds) {
  const Pipeline pipeline(test::bundled());
  std::vector<std::string> texts;
  std::istringstream lines(feed(60));
  for (std::string line; std::getline(lines, line);) texts.push_back(line);
  auto analyse_all = [&](std::size_t first, std::size_t step) {
    std::vector<std::string> out(texts.size());
    for (std::size_t k = first; k < texts.size(); k += step) {
      Document d;
      d.id = "d";
      d.raw = texts[k];
      pipeline.run(d);
      out[k] = fmt::format("{} sentences, {} mentions, {} events, {} relations", d.sentences.size(), d.mentions.size(),
                           d.events.size(), d.relations.size());
      for (const auto& e : d.events) out[k] += fmt::format(" {} {} {}", e.sub_event_type, e.location, e.date);
    }
    return out;
  };
  const std::vector<std::string> alone = analyse_all(0, 1);
  std::vector<std::vector<std::string>> parts(4);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < 4; ++t) threads.emplace_back([&, t] { parts[t] = analyse_all(t, 4); });
  }
  for (std::size_t k = 0; k < texts.size(); ++k) EXPECT_EQ(parts[k % 4][k], alone[k]) << "text " << k;
}

}  // namespace
}  // namespace mosaic
