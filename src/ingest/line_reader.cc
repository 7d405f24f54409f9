#include "ingest/line_reader.h"

#include <cstring>

namespace mosaic {

bool LineReader::fill() {
  if (eof_) return false;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  total_ += end_;
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

bool LineReader::next(std::string& line, bool& overlong) {
  line.clear();
  overlong = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
    const std::size_t room = max_ > line.size() ? max_ - line.size() : 0;
    if (n > room) overlong = true;
    line.append(start, n < room ? n : room);
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!any) return false;
  ++line_no_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace mosaic
