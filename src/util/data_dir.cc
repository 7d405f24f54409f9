#include "util/data_dir.h"

#include <cstdlib>

namespace mosaic {

std::string default_data_dir() {
  if (const char* env = std::getenv("MOSAIC_DATA"); env && *env) return env;
  return MOSAIC_DATA_DIR;
}

}  // namespace mosaic
