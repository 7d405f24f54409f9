#include "helpers.h"

#include <algorithm>
#include <random>

namespace mosaic::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("mosaic-test-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const auto p = path_ / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

bool Collected::has_problem(const std::string& where_part, const std::string& what_part) const {
  for (const auto& p : problems)
    if (p.where.find(where_part) != std::string::npos && p.what.find(what_part) != std::string::npos) return true;
  return false;
}

Collected read(const std::string& path, const ReadOptions& options) {
  Collected c;
  read_input(path, options, c.sink(), c.report());
  return c;
}

const Resources& bundled() {
  static const Resources r = Resources::load(MOSAIC_DATA_DIR);
  return r;
}

Document analyse(const std::string& text, const std::string& date, const Resources& r) {
  const Pipeline p(r);
  Document d;
  d.id = "test-doc";
  d.date = date;
  d.raw = text;
  p.run(d);
  return d;
}

Document analyse_in(const std::string& country, const std::string& text, const std::string& date,
                    const Resources& r) {
  const Pipeline p(r);
  Document d;
  d.id = "test-doc";
  d.date = date;
  d.raw = text;
  d.stated_country = country;
  p.run(d);
  return d;
}

Document analyse_titled(const std::string& title, const std::string& body, const std::string& date,
                        const Resources& r) {
  const Pipeline p(r);
  Document d;
  d.id = "test-doc";
  d.title = title;
  d.date = date;
  d.raw = title + "\n\n" + body;
  p.run(d);
  return d;
}

const Event* main_event(const Document& d) {
  const auto main = std::find_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.main; });
  return main == d.events.end() ? nullptr : &*main;
}

}  // namespace mosaic::test
