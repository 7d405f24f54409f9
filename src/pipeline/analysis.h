// The ingest loop over any analysis of a document: the public ingest runs it
// with the pipeline's; tests, with one that fails where they choose.
#pragma once

#include <functional>
#include <string>

#include "mosaic/pipeline.h"

namespace mosaic {

// Analyses a document in place; called from several threads at once when
// IngestOptions::jobs > 1, each on a document of its own. What it throws
// (an std::exception) skips that document.
using Analysis = std::function<void(Document&)>;

IngestReport ingest_with(Store& store, const Analysis& analyse, const std::string& inputs,
                         const DocumentSource& source, const IngestOptions& options);

}  // namespace mosaic
