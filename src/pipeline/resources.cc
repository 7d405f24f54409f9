#include <filesystem>

#include "mosaic/pipeline.h"
#include "util/data_dir.h"

namespace mosaic {

Resources Resources::load(const std::string& data_dir, const std::vector<std::string>& user_lexicons) {
  const std::filesystem::path dir(data_dir);
  if (!std::filesystem::is_directory(dir))
    throw Error(data_dir + ": data folder not found (set MOSAIC_DATA or --data)");
  Resources r;
  r.boilerplate.load((dir / "boilerplate.txt").string());
  r.abbreviations = load_word_list((dir / "abbreviations.txt").string());
  r.lexicon = Lexicon::load({data_dir, "", user_lexicons});
  r.vocabulary = Vocabulary::load(Vocabulary::default_dir());
  r.events = EventLexicon::load(data_dir);
  r.relations = RelationPatterns::load(data_dir);
  r.gazetteer = Gazetteer::load(Gazetteer::default_path(), data_dir);
  return r;
}

std::string Resources::default_data_dir() { return mosaic::default_data_dir(); }

}  // namespace mosaic
