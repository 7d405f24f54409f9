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

// Runs the analysis stages over one document, in place.
class Pipeline {
 public:
  explicit Pipeline(const Resources& resources);
  void run(Document& doc) const;

 private:
  const Lexicon& lexicon_;  // read into every sentence once, for all stages
  Normaliser normalise_;
  SentenceSplitter segment_;
  ActorRecogniser actors_;
  EventExtractor events_;
  Geocoder geocoder_;
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
  ProblemSink problems;
  std::function<void(const IngestProgress&)> progress;  // called per document
  std::function<void(std::size_t stored)> after_commit; // called per committed batch
};

struct IngestReport {
  std::size_t read = 0;       // records read, including bad ones
  std::size_t stored = 0;     // documents written (inserted or replaced)
  std::size_t replaced = 0;   // of which replaced an earlier version
  std::size_t repeated = 0;   // identical repeats of an id within this run
  std::size_t skipped = 0;    // bad records, not stored
  std::size_t warnings = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;      // raw bytes of the stored documents
  bool fatal = false;         // an input could not be read at all
};

// Reads every input, runs the pipeline on each document and stores it, one
// transaction per batch. Bad records are reported and skipped.
IngestReport ingest(Store& store, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                    const IngestOptions& options);

// The same over documents from anywhere (a reader over a string, a binding's
// records): `source` hands each to the sink and reports bad ones; `inputs`
// names them in the store's record of runs.
using DocumentSource = std::function<void(const DocumentSink& sink, const ProblemSink& problems)>;
IngestReport ingest(Store& store, const Pipeline& pipeline, const std::string& inputs, const DocumentSource& source,
                    const IngestOptions& options);

}  // namespace mosaic
