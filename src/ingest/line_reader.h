// Reads lines from a stream with a cap on their length, so that one huge line
// costs no more memory than the cap.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace mosaic {

class LineReader {
 public:
  LineReader(std::istream& in, std::size_t max_line) : in_(in), max_(max_line), buf_(1 << 16) {}

  // Next line without its '\n' (and '\r'). `overlong` is set when the line was
  // longer than the cap; `line` then holds only its first bytes.
  bool next(std::string& line, bool& overlong);
  std::size_t line_number() const { return line_no_; }
  std::size_t bytes_read() const { return total_; }

 private:
  bool fill();

  std::istream& in_;
  std::size_t max_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t line_no_ = 0;
  std::size_t total_ = 0;
  bool eof_ = false;
};

}  // namespace mosaic
