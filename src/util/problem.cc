#include "mosaic/problem.h"

namespace mosaic {

std::string Problem::line() const {
  const char* tag = level == Level::Warning ? "warning" : level == Level::Skipped ? "skipped" : "error";
  return where + ": " + tag + ": " + what;
}

}  // namespace mosaic
