// Text decoding, normalisation and sentence splitting over any bytes: the
// decoded text is UTF-8, normalising it gives UTF-8, and every sentence lies
// inside the text on character boundaries, in order and without overlap.
#include <string>

#include "invariants.h"
#include "mosaic/ingest.h"
#include "mosaic/normalise.h"
#include "mosaic/pipeline.h"
#include "mosaic/segment.h"

namespace {

struct Stages {
  mosaic::Boilerplate boilerplate;
  std::vector<std::string> abbreviations;
  Stages() {
    const std::string data = mosaic::Resources::default_data_dir();
    boilerplate.load(data + "/boilerplate.txt");
    abbreviations = mosaic::load_word_list(data + "/abbreviations.txt");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mosaic;
  static const Stages stages;
  static const Normaliser normalise(&stages.boilerplate);
  static const SentenceSplitter split(stages.abbreviations);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string decoded;
  const TextEncoding encoding = decode_text(bytes, decoded);
  if (encoding == TextEncoding::Binary || encoding == TextEncoding::Utf16NoMark) {
    fuzz::require(!undecoded(encoding).empty(), "an undecoded text says why");
    // The stages after the reader are given only UTF-8, but must survive any
    // bytes: feed them the bytes repaired, as a file name is.
    decoded = repair_utf8(bytes);
  }
  fuzz::utf8(decoded, "decoded text is UTF-8");
  const std::string text = normalise(decoded);
  fuzz::utf8(text, "normalised text is UTF-8");
  fuzz::require(text.size() <= 4 * decoded.size() + 16, "normalising does not blow the text up");
  uint32_t last = 0;
  for (const Sentence& s : split.split(text)) {
    fuzz::span(text, s.span, "sentence span");
    fuzz::require(s.span.begin >= last, "sentences in order without overlap");
    last = s.span.end;
  }
  return 0;
}
