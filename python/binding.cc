// mosaic._engine: the engine for Python. A store (a file, or memory), what
// goes into it and what comes out, as JSON text that the Python half of the
// package turns into pandas DataFrames. The GIL is released while the engine
// works; its errors reach Python as mosaic.Error with the engine's message.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <string>
#include <vector>

#include "export/records.h"
#include "mosaic/export.h"
#include "mosaic/merge.h"
#include "mosaic/pipeline.h"

namespace py = pybind11;

namespace mosaic {
namespace {

// The knowledge files and the pipeline over them, loaded once per process on
// first use (about a third of a second) and shared by every store.
struct Engine {
  Resources resources;
  Pipeline pipeline;
  AcledCoding acled;
  explicit Engine(const std::string& data)
      : resources(Resources::load(data)), pipeline(resources), acled(AcledCoding::load(data)) {}
};

const Engine& engine() {
  static std::once_flag once;
  static std::unique_ptr<Engine> e;
  std::call_once(once, [] { e = std::make_unique<Engine>(Resources::default_data_dir()); });
  return *e;
}

// JSON text for Python's json module; a stray invalid byte becomes U+FFFD
// rather than an exception.
std::string text(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json report_json(const IngestReport& r, const std::vector<std::string>& problems) {
  return {{"read", r.read},         {"stored", r.stored},   {"replaced", r.replaced}, {"repeated", r.repeated},
          {"skipped", r.skipped},   {"warnings", r.warnings}, {"problems", problems}};
}

// A store and the lock that keeps two Python threads from using its one
// SQLite connection at once.
class Archive {
 public:
  Archive(const std::string& path, bool read_only)
      : store_(Store::open(path, read_only ? Store::Mode::ReadOnly : Store::Mode::ReadWrite)) {}

  const std::string& path() const { return store_->path(); }

  // Articles as JSONL, one object per line as `mosaic ingest` reads them.
  std::string ingest_jsonl(const std::string& jsonl, const std::string& name) {
    return ingest(name, [&](const DocumentSink& sink, const ProblemSink& problems) {
      std::istringstream in(jsonl);
      read_jsonl(in, name, {}, sink, problems);
    });
  }

  std::string ingest_files(const std::vector<std::string>& paths) {
    std::string names;
    for (const auto& p : paths) names += (names.empty() ? "" : " ") + p;
    return ingest(names, [&](const DocumentSink& sink, const ProblemSink& problems) {
      for (const auto& p : paths) read_input(p, {}, sink, problems);
    });
  }

  // Events in ACLED's export schema: {"index": [ids], "columns": {name: [values]}},
  // numbers as numbers and unknown values as null.
  std::string events() {
    py::gil_scoped_release free;
    std::lock_guard lock(mutex_);
    const auto& schema = acled_schema();
    nlohmann::ordered_json index = nlohmann::ordered_json::array();
    std::vector<nlohmann::ordered_json> values(schema.size(), nlohmann::ordered_json::array());
    for_each_acled_row(*store_, engine().acled, [&](const AcledRow& row) {
      index.push_back(row.id);
      for (std::size_t i = 0; i < schema.size(); ++i) {
        const std::string& cell = row.cells[i];
        if (cell.empty()) values[i].push_back(nullptr);
        else if (schema[i].type == AcledType::Integer) values[i].push_back(std::stoll(cell));
        else if (schema[i].type == AcledType::Real) values[i].push_back(std::stod(cell));
        else values[i].push_back(cell);
      }
    });
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < schema.size(); ++i) columns[schema[i].name] = std::move(values[i]);
    return text({{"index", index}, {"columns", columns}});
  }

  // Records of the mosaic/1 contract as {"columns": [names], "rows": [[values]]}:
  // the names come from an empty record, so that no records still have them.
  std::string records(const std::string& kind) {
    py::gil_scoped_release free;
    std::lock_guard lock(mutex_);
    nlohmann::ordered_json rows = nlohmann::ordered_json::array(), empty;
    auto add = [&](const nlohmann::ordered_json& record) {
      nlohmann::ordered_json values = nlohmann::ordered_json::array();
      for (const auto& [key, value] : record.items()) values.push_back(value);
      rows.push_back(std::move(values));
    };
    if (kind == "actors") {
      empty = actor_record({});
      store_->for_each_actor([&](const ActorSummary& s) { add(actor_record(s)); });
    } else if (kind == "relations") {
      empty = relation_record({});
      for (const ActorRelation& r : aggregate_relations(*store_)) add(relation_record(r));
    } else if (kind == "documents") {
      empty = document_record({}, "");
      std::unordered_map<std::string, std::string> main_event;
      for (auto& [doc, event] : store_->main_events()) main_event.emplace(doc, event);
      store_->for_each_document(
          [&](const Document& d) {
            const auto m = main_event.find(d.id);
            add(document_record(d, m == main_event.end() ? "" : m->second));
          },
          false);
    } else {
      throw Error("unknown kind of record '" + kind + "' (actors, relations, documents)");
    }
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const auto& [key, value] : empty.items()) columns.push_back(key);
    return text({{"columns", columns}, {"rows", rows}});
  }

  void export_to(const std::string& format, const std::string& path) {
    const ExportFormat f = parse_export_format(format);
    py::gil_scoped_release free;
    std::lock_guard lock(mutex_);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path + ": cannot write");
    export_store(*store_, f, out, engine().acled);
    out.close();
    if (!out) throw Error(path + ": write failed");
  }

 private:
  std::string ingest(const std::string& name, const DocumentSource& source) {
    std::vector<std::string> problems;
    IngestReport r;
    {
      py::gil_scoped_release free;
      std::lock_guard lock(mutex_);
      IngestOptions o;
      o.problems = [&](const Problem& p) { problems.push_back(p.line()); };
      r = mosaic::ingest(*store_, engine().pipeline, name, source, o);
    }
    return text(report_json(r, problems));
  }

  std::unique_ptr<Store> store_;
  std::mutex mutex_;
};

}  // namespace
}  // namespace mosaic

PYBIND11_MODULE(_engine, m) {
  using mosaic::Archive;
  m.doc() = "Mosaic's engine; use the mosaic package, which wraps it in pandas";
  py::register_exception<mosaic::Error>(m, "Error", PyExc_RuntimeError);
  m.def("columns", [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : mosaic::acled_schema()) {
      using enum mosaic::AcledType;
      out.emplace_back(c.name, c.type == Text ? "text" : c.type == Integer ? "integer" : c.type == Real ? "real" : "date");
    }
    return out;
  }, "ACLED's columns in order, each with its type: text, integer, real or date");
  py::class_<Archive>(m, "Archive")
      .def(py::init([](const std::string& path, bool read_only) {
             py::gil_scoped_release free;  // opening may migrate a large store
             return std::make_unique<Archive>(path, read_only);
           }),
           py::arg("path"), py::arg("read_only") = false)
      .def_property_readonly("path", &Archive::path)
      .def("ingest_jsonl", &Archive::ingest_jsonl, py::arg("jsonl"), py::arg("name"))
      .def("ingest_files", &Archive::ingest_files, py::arg("paths"))
      .def("events", &Archive::events)
      .def("records", &Archive::records, py::arg("kind"))
      .def("export", &Archive::export_to, py::arg("format"), py::arg("path"));
}
