#include "mosaic/pipeline.h"

namespace mosaic {

Pipeline::Pipeline(const Resources& resources)
    : normalise_(&resources.boilerplate), segment_(resources.abbreviations) {}

void Pipeline::run(Document& doc) const {
  doc.text = normalise_(doc.raw);
  doc.sentences = segment_.split(doc.text);
}

}  // namespace mosaic
