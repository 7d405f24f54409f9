// The range of true values a hedged count allows ("more than 30 killed": 30
// or more; "about 80": 64 to 100), read from data/events/hedges.tsv. Two
// reports of one toll disagree only when their ranges do not meet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mosaic {

struct CountRange {
  double low = 0, high = 0;  // high is infinity when the hedge sets no upper limit
  bool meets(const CountRange& o) const { return low <= o.high && o.low <= high; }
};

class Hedges {
 public:
  // Throws Error naming file and line for a malformed row.
  static Hedges load(const std::string& data_dir);
  // The range a count of `value` allows, given the words of its sentence
  // before the number (`before`) and the words of the number and what it
  // counts (`number`: "dozens of people").
  CountRange range(double value, std::string_view before, std::string_view number) const;

 private:
  struct Rule {
    std::vector<std::string> words;  // folded
    bool before = true;              // said before the number, or the number itself
    double low = 1, high = 1;        // multiples of the number
  };
  std::vector<Rule> rules_;
};

}  // namespace mosaic
