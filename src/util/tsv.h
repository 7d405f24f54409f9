// The tab-separated knowledge files under data/: '#' comments, blank lines
// ignored, a fixed number of columns, lists inside a column separated by '|'.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mosaic {

// Calls fn(columns, line number) for each row; throws Error naming the file
// and line when a row has the wrong number of columns.
void read_tsv(const std::string& path, std::size_t columns,
              const std::function<void(const std::vector<std::string>&, std::size_t)>& fn);

// A yes/no column: true for "yes", false for "no"; throws Error naming the file
// and line for anything else.
bool yes_no(const std::string& value, const std::string& path, std::size_t line);

// "a|b|c" -> {a, b, c}; "-" and empty items are dropped.
std::vector<std::string> split_list(std::string_view s, char sep = '|');

}  // namespace mosaic
