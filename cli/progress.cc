#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace mosaic::cli {

namespace {

// A "VmRSS:  1234 kB" style line of /proc/self/status, in bytes.
std::size_t status_kb(const char* key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(key) + ":";
  while (std::getline(status, line))
    if (line.starts_with(prefix)) return std::stoul(line.substr(prefix.size())) * 1024;
  return 0;
}

}  // namespace

std::size_t current_rss() { return status_kb("VmRSS"); }
std::size_t peak_rss() { return status_kb("VmHWM"); }

std::string human_bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB"};
  int u = 0;
  while (bytes >= 1024 && u < 3) bytes /= 1024, ++u;
  return fmt::format("{:.1f} {}", bytes, units[u]);
}

std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

ProgressLine::ProgressLine(std::size_t total_bytes, bool enabled)
    : total_(total_bytes), enabled_(enabled && isatty(STDERR_FILENO)) {}

void ProgressLine::update(std::size_t docs, std::size_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  std::string bar;
  if (total_ > 0) {
    const double f = std::min(1.0, double(bytes) / double(total_));
    const int filled = static_cast<int>(f * 30);
    bar = fmt::format("[{}{}] {:3.0f}% ", std::string(filled, '#'), std::string(30 - filled, '.'), f * 100);
  }
  fmt::print(stderr, "\r{}{} docs  {}  {:.0f} docs/s   ", bar, with_commas(docs), human_bytes(double(bytes)),
             secs > 0 ? double(docs) / secs : 0.0);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace mosaic::cli
