#include "mosaic/pipeline.h"

#include "recognise/matcher.h"

namespace mosaic {

Pipeline::Pipeline(const Resources& resources)
    : lexicon_(resources.lexicon),
      event_lexicon_(resources.events),
      normalise_(&resources.boilerplate),
      segment_(resources.abbreviations),
      actors_(resources.lexicon, resources.vocabulary),
      events_(resources.events, resources.lexicon, resources.vocabulary),
      geocoder_(resources.gazetteer, resources.vocabulary),
      references_(resources.lexicon),
      relations_(resources.relations, resources.events) {}

void Pipeline::run(Document& doc) const {
  doc.text = normalise_(doc.raw);
  doc.sentences = segment_.split(doc.text);
  const Reading reading = read_sentences(doc, lexicon_.impl());
  actors_.run(doc, reading);
  events_.run(doc, reading);
  geocoder_.run(doc);
  settle_shared_names(doc, lexicon_, event_lexicon_);
  unbind_descriptions(doc, lexicon_);
  rehome_shared_demonyms(doc, lexicon_);
  references_.run(doc);
  code_foreign_forces(doc, event_lexicon_);
  rehome_generic_actors(doc, lexicon_);
  fold_repeated_events(doc, lexicon_);
  relations_.run(doc, reading);
}

}  // namespace mosaic
