#include "mosaic/pipeline.h"

namespace mosaic {

Pipeline::Pipeline(const Resources& resources)
    : normalise_(&resources.boilerplate),
      segment_(resources.abbreviations),
      actors_(resources.lexicon, resources.vocabulary),
      events_(resources.events, resources.lexicon, resources.vocabulary),
      geocoder_(resources.gazetteer, resources.vocabulary),
      relations_(resources.relations) {}

void Pipeline::run(Document& doc) const {
  doc.text = normalise_(doc.raw);
  doc.sentences = segment_.split(doc.text);
  actors_.run(doc);
  events_.run(doc);
  geocoder_.run(doc);
  relations_.run(doc);
}

}  // namespace mosaic
