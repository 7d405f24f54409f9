// The ingest run: read -> pipeline -> store, in batches. A batch is analysed
// first and then written in one short transaction, so that the write lock is
// held for the writing only (another writer takes its turn between batches).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mosaic/pipeline.h"

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

}  // namespace

IngestReport ingest(Store& store, const Pipeline& pipeline, const std::string& inputs_list,
                    const std::function<void(const DocumentSink&, const ProblemSink&)>& read,
                    const IngestOptions& options) {
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

  struct Pending {
    Document doc;
    bool analysed = false;
  };
  std::vector<Pending> batch;
  std::size_t batch_bytes = 0;
  std::vector<std::string> copies;  // of the document being merged

  auto analyse = [&](Document& doc) {
    // A document the analysis cannot take is reported and passed over: one bad
    // text never costs the run.
    try {
      pipeline.run(doc);
      return true;
    } catch (const std::exception& e) {
      problem({Problem::Level::Skipped, doc.origin, fmt::format("id {}: the analysis failed: {}", doc.id, e.what())});
      --report.read;  // counted when it was read
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

  auto sink = [&](Document&& doc) {
    ++report.read;
    progress.documents = report.read;
    progress.bytes += doc.raw.size();
    // A document an interrupted run already stored is kept as it stored it:
    // re-running an interrupted ingest ends as one uninterrupted run would.
    const bool analysed = !store.resumable(doc);
    if (analysed && !analyse(doc)) return;
    progress.sentences += doc.sentences.size();
    batch_bytes += doc.raw.size();
    batch.push_back({std::move(doc), analysed});
    if (options.progress) options.progress(progress);
    if (batch.size() >= options.batch_size || batch_bytes >= kBatchBytes) write_batch();
  };

  try {
    read(sink, problem);
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
