// The pipeline: ingest -> normalise -> segment -> (recognise -> extract ->
// resolve -> merge, as those stages land) -> store.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "mosaic/document.h"
#include "mosaic/extract.h"
#include "mosaic/merge.h"
#include "mosaic/ingest.h"
#include "mosaic/normalise.h"
#include "mosaic/problem.h"
#include "mosaic/recognise.h"
#include "mosaic/resolve.h"
#include "mosaic/segment.h"
#include "mosaic/store.h"

namespace mosaic {

// The knowledge files the stages read, loaded once.
struct Resources {
  Boilerplate boilerplate;
  std::vector<std::string> abbreviations;
  Lexicon lexicon;
  Vocabulary vocabulary;
  EventLexicon events;
  RelationPatterns relations;
  Gazetteer gazetteer;

  // Loads the bundled files from `data_dir`, and the user's actor files on
  // top; throws Error naming a file that is missing or malformed.
  static Resources load(const std::string& data_dir, const std::vector<std::string>& user_lexicons = {});
  // $MOSAIC_DATA if set, else the data folder this build was made from.
  static std::string default_data_dir();
};

// Runs the analysis stages over one document, in place. Safe to call from
// several threads at once, each on a document of its own.
class Pipeline {
 public:
  explicit Pipeline(const Resources& resources);
  void run(Document& doc) const;

 private:
  const Lexicon& lexicon_;  // read into every sentence once, for all stages
  const EventLexicon& event_lexicon_;  // what each event type is, for the stages after extraction
  Normaliser normalise_;
  SentenceSplitter segment_;
  ActorRecogniser actors_;
  EventExtractor events_;
  Geocoder geocoder_;
  ReferenceResolver references_;
  RelationExtractor relations_;
};

struct IngestProgress {
  std::size_t documents = 0;   // read so far
  std::size_t bytes = 0;       // raw bytes read so far
  std::size_t sentences = 0;
};

struct IngestOptions {
  ReadOptions read;
  StoryOptions stories;
  std::size_t batch_size = 500;  // documents per transaction
  // Threads analysing documents (0: one a processor core). Story detection,
  // event grouping and writing stay on the calling thread, in the order read:
  // the store ends the same for any number. 1 analyses on the calling thread.
  unsigned jobs = 1;
  unsigned threads() const;  // jobs, or the cores when 0
  ProblemSink problems;
  std::function<void(const IngestProgress&)> progress;  // called per document
  std::function<void(std::size_t stored)> after_commit; // called per committed batch
};

struct IngestReport {
  std::size_t read = 0;       // records read, including bad ones
  std::size_t stored = 0;     // documents written (inserted or replaced)
  std::size_t replaced = 0;   // of which replaced an earlier version
  std::size_t resumed = 0;    // stored by an interrupted run with the same text: kept as stored
  std::size_t repeated = 0;   // identical repeats of an id within this run
  std::size_t skipped = 0;    // bad records, not stored
  std::size_t warnings = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;      // raw bytes of the stored documents
  bool fatal = false;         // an input could not be read at all
  // The store refused a batch (disk full, the lock held too long): the run
  // stopped there. Every batch before it is stored; nothing from the
  // document at `stopped_at` on is.
  bool stopped = false;
  std::string stopped_at;     // origin of the first document not stored
  std::string error;          // what the store said
  int64_t run = 0;            // the run's id in the store's record of runs
};

// Reads every input, runs the pipeline on each document and stores it, a
// batch at a time: analysed, then written in one transaction. Bad records
// are reported and skipped; a batch the store refuses stops the run (see
// IngestReport::stopped). Re-running an interrupted or stopped run resumes
// it. Throws Error only when the run cannot start.
IngestReport ingest(Store& store, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                    const IngestOptions& options);
// The same over JSONL read from a stream (a request's body), named `name` in problems.
IngestReport ingest_jsonl(Store& store, const Pipeline& pipeline, std::istream& in, const std::string& name,
                          const IngestOptions& options);
// The same over documents from anywhere (a reader over a string, a binding's
// records): `source` hands each to the sink and reports bad ones; `inputs`
// names them in the store's record of runs.
using DocumentSource = std::function<void(const DocumentSink& sink, const ProblemSink& problems)>;
IngestReport ingest(Store& store, const Pipeline& pipeline, const std::string& inputs, const DocumentSource& source,
                    const IngestOptions& options);

}  // namespace mosaic
