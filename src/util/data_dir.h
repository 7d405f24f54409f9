// Where the knowledge files are: MOSAIC_DATA if set, else the data folder of
// the source tree the binary was built from. One place, so that every stage
// (analysis, merging, export) reads the same files.
#pragma once

#include <string>

namespace mosaic {

std::string default_data_dir();

}  // namespace mosaic
