// How stages report bad input without stopping the run.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

namespace mosaic {

// One thing wrong with the input, reported as a single line "where: what".
// `where` names the input and position ("feed.jsonl:12", "a.csv: record 7").
struct Problem {
  enum class Level { Warning, Skipped, Fatal };
  Level level = Level::Skipped;
  std::string where;
  std::string what;

  std::string line() const;  // "where: skipped: what", ready for stderr
};

using ProblemSink = std::function<void(const Problem&)>;

// Thrown for errors that stop a command outright (unusable database path,
// unknown column in a CSV map, ...). The message is one line.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mosaic
