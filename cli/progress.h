// Terminal progress for long runs, and process memory figures.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace mosaic::cli {

// Current and peak resident set size of this process, in bytes.
std::size_t current_rss();
std::size_t peak_rss();

std::string human_bytes(double bytes);
std::string with_commas(std::size_t n);

// One status line on stderr, redrawn at most ten times a second, and only
// when stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(std::size_t total_bytes, bool enabled);
  void update(std::size_t docs, std::size_t bytes);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now(), last_{};
};

}  // namespace mosaic::cli
