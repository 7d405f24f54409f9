// The ingest run: read -> pipeline -> store, in batches of one transaction.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mosaic/pipeline.h"

namespace mosaic {

IngestReport ingest(Store& store, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                    const IngestOptions& options) {
  std::string inputs_list;
  for (const auto& i : inputs) inputs_list += (inputs_list.empty() ? "" : " ") + i;
  return ingest(store, pipeline, inputs_list,
                [&](const DocumentSink& sink, const ProblemSink& problems) {
                  for (const auto& input : inputs) read_input(input, options.read, sink, problems);
                },
                options);
}

IngestReport ingest(Store& store, const Pipeline& pipeline, const std::string& inputs_list,
                    const DocumentSource& source, const IngestOptions& options) {
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
  auto tx = std::make_unique<Store::Transaction>(store);
  std::size_t in_batch = 0;
  auto commit = [&] {
    tx->commit();
    tx.reset();
    if (options.after_commit) options.after_commit(report.stored);
    in_batch = 0;
  };

  auto sink = [&](Document&& doc) {
    if (!tx) tx = std::make_unique<Store::Transaction>(store);
    ++report.read;
    progress.documents = report.read;
    progress.bytes += doc.raw.size();
    pipeline.run(doc);
    stories.assign(store, doc);
    group_events(store, doc);
    std::string first;
    switch (store.put(doc, &first)) {
      case PutResult::Replaced: ++report.replaced; [[fallthrough]];
      case PutResult::Inserted:
        ++report.stored;
        report.sentences += doc.sentences.size();
        report.bytes += doc.raw.size();
        progress.sentences = report.sentences;
        break;
      case PutResult::Repeated:
        ++report.repeated;
        break;
      case PutResult::Conflict:
        problem({Problem::Level::Skipped, doc.origin,
                 fmt::format("id {} was already read from {} with other text; kept that one", doc.id, first)});
        --report.read;  // counted by problem()
        break;
    }
    if (options.progress) options.progress(progress);
    if (++in_batch >= options.batch_size) commit();
  };

  source(sink, problem);
  if (tx) commit();

  Store::Transaction done(store);
  store.finish_run(run, nlohmann::json{{"read", report.read},
                                       {"stored", report.stored},
                                       {"replaced", report.replaced},
                                       {"repeated", report.repeated},
                                       {"skipped", report.skipped},
                                       {"warnings", report.warnings},
                                       {"sentences", report.sentences}}
                            .dump());
  done.commit();
  return report;
}

}  // namespace mosaic
