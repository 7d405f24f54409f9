// The ingest run: read -> pipeline -> store, in batches. A batch is analysed
// first and then written in one short transaction, so that the write lock is
// held for the writing only (another writer takes its turn between batches).
// The analysis may run on several threads (IngestOptions::jobs); everything
// else (what the store is asked, story assignment, event grouping, writing,
// the report and its problems) is done by the calling thread in the order
// read, so that the store ends as a run on one thread leaves it.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "mosaic/pipeline.h"
#include "pipeline/analysis.h"
#include "util/ordered_work.h"

namespace mosaic {

namespace {

// What ends a run early: a batch the store would not take. Not an Error, so
// that the readers, which report an Error as their input's and go on, let it
// through to the run.
struct StopRun {
  std::string where, what;
};

// A batch's raw bytes are held with their analyses until it is written: past
// this, it is written early, so that a run of large documents stays bounded.
constexpr std::size_t kBatchBytes = 32u << 20;

// What the reader gave, in its order: a document, or a bad record's problem
// told in its place among them.
struct Read {
  Document doc;
  std::optional<Problem> problem;
  bool analysed = false;  // not resumable: the analysis runs on it
  bool failed = false;    // the analysis threw `why`
  std::string why;
};

}  // namespace

unsigned IngestOptions::threads() const {
  return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

IngestReport ingest_with(Store& store, const Analysis& run_analysis, const std::string& inputs_list,
                         const DocumentSource& read, const IngestOptions& options) {
  IngestReport report;
  IngestProgress progress;

  auto problem = [&](const Problem& p) {
    if (p.level == Problem::Level::Warning) ++report.warnings;
    if (p.level == Problem::Level::Skipped) ++report.skipped, ++report.read;
    if (p.level == Problem::Level::Fatal) report.fatal = true;
    if (options.problems) options.problems(p);
  };

  const StoryDetector stories(options.stories);
  int64_t run = 0;
  {
    Store::Transaction tx(store);
    run = store.begin_run(inputs_list);
    tx.commit();
  }
  report.run = run;

  struct Pending {
    Document doc;
    bool analysed = false;
  };
  std::vector<Pending> batch;
  std::size_t batch_bytes = 0;
  std::vector<std::string> copies;  // of the document being merged

  // A document the analysis cannot take is reported and passed over: one bad
  // text never costs the run.
  auto analysis_failed = [&](const Document& doc, const std::string& why) {
    problem({Problem::Level::Skipped, doc.origin, fmt::format("id {}: the analysis failed: {}", doc.id, why)});
    --report.read;  // counted when it was read
  };
  auto analyse = [&](Document& doc) {
    try {
      run_analysis(doc);
      return true;
    } catch (const std::exception& e) {
      analysis_failed(doc, e.what());
      return false;
    }
  };

  auto write_batch = [&] {
    if (batch.empty()) return;
    IngestReport tally;
    std::vector<Problem> conflicts;
    try {
      Store::Transaction tx(store);
      for (Pending& p : batch) {
        Document& doc = p.doc;
        std::string first;
        std::optional<PutResult> result;
        if (!p.analysed) result = store.resume(doc, &first);
        if (!result) {
          if (!p.analysed && !analyse(doc)) continue;  // rare: no longer resumable
          stories.assign(store, doc, &copies);
          group_events(store, doc, copies);
          result = store.put(doc, &first);
        }
        switch (*result) {
          case PutResult::Replaced: ++tally.replaced; [[fallthrough]];
          case PutResult::Inserted:
            ++tally.stored;
            tally.sentences += doc.sentences.size();
            tally.bytes += doc.raw.size();
            break;
          case PutResult::Resumed: ++tally.resumed; break;
          case PutResult::Repeated: ++tally.repeated; break;
          case PutResult::Conflict:
            conflicts.push_back({Problem::Level::Skipped, doc.origin,
                                 fmt::format("id {} was already read from {} with other text; kept that one", doc.id,
                                             first)});
            break;
        }
      }
      tx.commit();
    } catch (const std::exception& e) {
      // The transaction was rolled back (never committed again): nothing of
      // this batch is in the store, everything before it is.
      throw StopRun{batch.front().doc.origin, e.what()};
    }
    report.stored += tally.stored;
    report.replaced += tally.replaced;
    report.resumed += tally.resumed;
    report.repeated += tally.repeated;
    report.sentences += tally.sentences;
    report.bytes += tally.bytes;
    for (const Problem& p : conflicts) {
      problem(p);
      --report.read;  // counted when it was read
    }
    batch.clear();
    batch_bytes = 0;
    if (options.after_commit) options.after_commit(report.stored);
  };

  // What was read, taken in its order once analysed.
  auto take = [&](Read&& r) {
    if (r.problem) return problem(*r.problem);
    Document& doc = r.doc;
    ++report.read;
    progress.documents = report.read;
    progress.bytes += doc.raw.size();
    if (r.failed) return analysis_failed(doc, r.why);
    progress.sentences += doc.sentences.size();
    batch_bytes += doc.raw.size();
    batch.push_back({std::move(doc), r.analysed});
    if (options.progress) options.progress(progress);
    if (batch.size() >= options.batch_size || batch_bytes >= kBatchBytes) write_batch();
  };

  // With one job this thread analyses each document as it is read, as it
  // always did; with N, N - 1 threads analyse the documents read ahead while
  // this one merges and writes, and this one analyses too whenever the
  // oldest document is not ready. Those held, analysed or not, are at most a
  // batch and a few per thread, and their bytes at most kBatchBytes.
  const unsigned jobs = options.threads();
  const std::size_t most_held = jobs > 1 ? options.batch_size + 4 * std::size_t(jobs) : 0;
  std::size_t held_bytes = 0;
  try {
    OrderedWork<Read> analysis(jobs - 1, [&](Read& r) {
      try {
        run_analysis(r.doc);
      } catch (const std::exception& e) {
        r.failed = true;
        r.why = e.what();
      }
    });
    auto next = [&](Read&& r) {
      held_bytes -= r.doc.raw.size();
      take(std::move(r));
    };
    auto hand_over = [&](Read&& r) {
      held_bytes += r.doc.raw.size();
      const bool work = r.analysed;
      analysis.push(std::move(r), work);
      while (analysis.size() > most_held || held_bytes > kBatchBytes) next(*analysis.pop());
      while (auto done = analysis.try_pop()) next(std::move(*done));
    };
    auto sink = [&](Document&& doc) {
      // A document an interrupted run already stored is kept as it stored it:
      // re-running an interrupted ingest ends as one uninterrupted run would.
      Read r;
      r.analysed = !store.resumable(doc);
      r.doc = std::move(doc);
      hand_over(std::move(r));
    };
    auto reader_problem = [&](const Problem& p) {
      Read r;
      r.problem = p;
      hand_over(std::move(r));
    };
    read(sink, reader_problem);
    while (auto r = analysis.pop()) next(std::move(*r));
    write_batch();
  } catch (const StopRun& stop) {
    report.stopped = true;
    report.stopped_at = stop.where;
    report.error = stop.what;
  }

  // The run's end is recorded if the store lets it; if not, the run stays
  // 'running' until the next run finds its process gone and marks it.
  try {
    Store::Transaction done(store);
    store.finish_run(run, nlohmann::json{{"read", report.read},
                                         {"stored", report.stored},
                                         {"replaced", report.replaced},
                                         {"resumed", report.resumed},
                                         {"repeated", report.repeated},
                                         {"skipped", report.skipped},
                                         {"warnings", report.warnings},
                                         {"sentences", report.sentences},
                                         {"stopped_at", report.stopped_at},
                                         {"error", report.error}}
                              .dump(),
                     report.stopped);
    done.commit();
  } catch (const std::exception&) {
  }
  store.checkpoint();
  return report;
}

IngestReport ingest(Store& store, const Pipeline& pipeline, const std::string& inputs, const DocumentSource& source,
                    const IngestOptions& options) {
  return ingest_with(store, [&](Document& doc) { pipeline.run(doc); }, inputs, source, options);
}

IngestReport ingest(Store& store, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                    const IngestOptions& options) {
  std::string inputs_list;
  for (const auto& i : inputs) inputs_list += (inputs_list.empty() ? "" : " ") + i;
  return ingest(store, pipeline, inputs_list, [&](const DocumentSink& sink, const ProblemSink& problems) {
    for (const auto& input : inputs) read_input(input, options.read, sink, problems);
  }, options);
}

IngestReport ingest_jsonl(Store& store, const Pipeline& pipeline, std::istream& in, const std::string& name,
                          const IngestOptions& options) {
  return ingest(store, pipeline, name, [&](const DocumentSink& sink, const ProblemSink& problems) {
    read_jsonl(in, name, options.read, sink, problems);
  }, options);
}

}  // namespace mosaic
