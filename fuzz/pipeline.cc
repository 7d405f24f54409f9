// The whole pipeline over any text, into a store: up to three documents
// (separated by a line "----", each a title line and a text) are ingested
// into a temporary store, read back and exported. Every document read back
// keeps the invariants (spans on character boundaries inside its text,
// UTF-8 everywhere, every actor referred to present); every export format
// is written whole and the JSON one parses, its references all resolving.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "invariants.h"
#include "mosaic/export.h"
#include "mosaic/pipeline.h"
#include "util/text.h"

namespace {

namespace fs = std::filesystem;

struct World {
  fs::path dir;
  mosaic::Resources resources;
  mosaic::AcledCoding coding;
  std::unique_ptr<mosaic::Pipeline> pipeline;
  std::unique_ptr<mosaic::Store> store;

  World() {
    std::string pattern = (fs::temp_directory_path() / "mosaic-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) mosaic::fuzz::fail("cannot make a temporary folder");
    dir = pattern;
    const std::string data = mosaic::Resources::default_data_dir();
    resources = mosaic::Resources::load(data);
    coding = mosaic::AcledCoding::load(data);
    pipeline = std::make_unique<mosaic::Pipeline>(resources);
    store = mosaic::Store::open((dir / "fuzz.db").string());
  }
  ~World() {
    store.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

World& world() {
  static World w;
  return w;
}

std::vector<std::string> documents(std::string_view bytes) {
  std::vector<std::string> out;
  while (out.size() < 2) {
    const std::size_t cut = bytes.find("\n----\n");
    if (cut == std::string_view::npos) break;
    out.emplace_back(bytes.substr(0, cut));
    bytes.remove_prefix(cut + 6);
  }
  out.emplace_back(bytes);
  return out;
}

// Every id a JSON export's records refer to is one of its documents, events or actors.
void references(const nlohmann::json& j) {
  using mosaic::fuzz::require;
  std::set<std::string> docs, actors, events;
  for (const auto& d : j.at("documents")) docs.insert(d.at("id").get<std::string>());
  for (const auto& a : j.at("actors")) actors.insert(a.at("id").get<std::string>());
  for (const auto& e : j.at("events")) events.insert(e.at("id").get<std::string>());
  auto in = [](const std::set<std::string>& ids, const nlohmann::json& id, const char* what) {
    if (id.is_string()) require(ids.count(id.get<std::string>()) > 0, what, id.get<std::string>());
  };
  for (const auto& d : j.at("documents")) {
    in(docs, d.at("story"), "a document's story is an exported document");
    in(docs, d.at("duplicate_of"), "a document's original is an exported document");
    in(events, d.at("main_event"), "a document's main event is exported");
  }
  for (const auto& e : j.at("events")) {
    in(docs, e.at("doc"), "an event's document is exported");
    in(events, e.at("group"), "an event's group is an exported event");
    for (const char* side : {"actor1", "actor2"})
      for (const auto& a : e.at(side)) in(actors, a, "an event's actor is exported");
  }
  for (const auto& r : j.at("relations")) {
    in(actors, r.at("source"), "a relation's actor is exported");
    in(actors, r.at("target"), "a relation's actor is exported");
    for (const auto& e : r.at("evidence")) in(docs, e.at("doc"), "a relation's evidence is an exported document");
  }
  for (const auto& c : j.at("claims")) {
    in(docs, c.at("doc"), "a claim's document is exported");
    in(events, c.at("about"), "what a claim is about is an exported event");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mosaic;
  World& w = world();
  const std::vector<std::string> parts = documents(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<std::string> ids;
  IngestOptions options;
  options.problems = [](const Problem& p) { fuzz::utf8(p.line(), "a problem is UTF-8"); };
  const DocumentSource source = [&](const DocumentSink& sink, const ProblemSink&) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Document d;
      d.id = "d" + std::to_string(i);
      const std::string text = repair_utf8(parts[i]);  // a reader hands on only UTF-8
      const std::size_t line = text.find('\n');
      if (line != std::string::npos) d.title = text.substr(0, line);
      d.raw = line == std::string::npos ? text : text.substr(line + 1);
      d.date = "2016-10-04";
      d.source = i % 2 ? "Outlet B" : "Outlet A";
      d.origin = "fuzz:" + std::to_string(i);
      ids.push_back(d.id);
      sink(std::move(d));
    }
  };
  const IngestReport report = ingest(*w.store, *w.pipeline, "fuzz", source, options);
  fuzz::require(!report.stopped, "the store took every batch", report.error);
  for (const std::string& id : ids) {
    const std::optional<Document> d = w.store->get(id);
    if (!d) continue;  // nothing left after normalising
    fuzz::document(*d, true, false);  // read back: the actors of its mentions (events' are checked in the export)
  }
  for (ExportFormat format : {ExportFormat::Json, ExportFormat::Jsonl, ExportFormat::Csv, ExportFormat::GeoJson}) {
    std::ostringstream out;
    export_store(*w.store, format, out, w.coding);
    fuzz::utf8(out.str(), "an export is UTF-8");
    if (format == ExportFormat::Json) {
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(out.str());
      } catch (const std::exception& e) {
        fuzz::fail("the JSON export parses", e.what());
      }
      references(j);
    }
  }
  return 0;
}
