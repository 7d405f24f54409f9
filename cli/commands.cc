#include "commands.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

#include "mosaic/export.h"
#include "mosaic/graph.h"
#include "mosaic/pipeline.h"
#include "progress.h"

namespace mosaic::cli {
namespace fs = std::filesystem;

namespace {

Resources load_resources(const Common& c) {
  return Resources::load(c.data.empty() ? Resources::default_data_dir() : c.data, c.lexicons);
}

std::unordered_map<std::string, std::string> actor_names(const Store& store) {
  std::unordered_map<std::string, std::string> names;
  store.for_each_actor([&](const ActorSummary& s) { names.emplace(s.actor.id, s.actor.name); });
  return names;
}

// The text of a sentence with each mention bracketed and its actor named:
// "[Hezbollah militants]{Hezbollah}".
std::string marked(const Document& doc, std::size_t sentence) {
  const Span s = doc.sentences[sentence].span;
  std::string out;
  uint32_t at = s.begin;
  for (const Mention& m : doc.mentions) {
    if (m.sentence != sentence || m.span.begin < at) continue;
    const auto actor = std::find_if(doc.actors.begin(), doc.actors.end(), [&](const Actor& a) { return a.id == m.actor; });
    out += doc.slice(Span{at, m.span.begin});
    out += fmt::format("[{}]{{{}}}", doc.slice(m.span), actor == doc.actors.end() ? m.actor : actor->name);
    at = m.span.end;
  }
  out += doc.slice(Span{at, s.end});
  return out;
}

// Total size of the input files, for the progress bar; 0 when unknown (stdin).
std::size_t input_bytes(const std::vector<std::string>& inputs) {
  std::size_t total = 0;
  std::error_code ec;
  for (const auto& i : inputs) {
    if (i == "-") return 0;
    if (fs::is_directory(i, ec)) {
      for (auto it = fs::recursive_directory_iterator(i, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else if (fs::is_regular_file(i, ec)) {
      total += fs::file_size(i, ec);
    }
  }
  return total;
}

IngestReport run_ingest(Store& store, const Common& c, const IngestArgs& a, const Pipeline& pipeline,
                        const std::function<void(const IngestProgress&)>& on_progress = {}) {
  IngestOptions options;
  options.read.format = parse_format(a.format);
  if (!a.csv_map.empty()) options.read.csv = CsvMap::parse(a.csv_map);
  options.read.stdin_id = a.stdin_id;
  options.read.max_doc_bytes = static_cast<std::size_t>(a.max_doc_mb * 1024 * 1024);
  options.batch_size = a.batch;
  options.jobs = a.jobs;
  ProgressLine bar(input_bytes(a.inputs), !c.quiet);
  options.problems = [&](const Problem& p) {
    if (c.quiet && p.level == Problem::Level::Warning) return;
    bar.finish();
    fmt::print(stderr, "{}\n", p.line());
  };
  options.progress = [&](const IngestProgress& p) {
    bar.update(p.documents, p.bytes);
    if (on_progress) on_progress(p);
  };
  IngestReport r = ingest(store, pipeline, a.inputs, options);
  bar.finish();
  return r;
}

}  // namespace

int ingest_status(const IngestReport& r) {
  // A few bad records in a large feed are reported, not failures. Stopping
  // early, or an input that could not be read at all, after some documents
  // went in is partial success, told apart from both.
  if (r.stored + r.repeated + r.resumed == 0) return 1;
  return r.stopped || r.fatal ? 3 : 0;
}

int ingest(const Common& c, const IngestArgs& a) {
  // A mistyped input is said before anything is done: no store is created
  // for it, and no run starts that would have to be told apart from a whole one.
  for (const auto& input : a.inputs) {
    std::error_code ec;
    if (input != "-" && !fs::exists(input, ec)) throw Error(fmt::format("{}: no such file or folder", input));
  }
  if (!a.to.empty()) return ingest_to(c, a);
  const auto start = std::chrono::steady_clock::now();
  const Resources resources = load_resources(c);
  const auto opened = Store::open(c.db);
  Store& store = *opened;
  const IngestReport r = run_ingest(store, c, a, Pipeline(resources));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t in_store = r.stored + r.repeated + r.resumed;
  if (r.stopped)
    fmt::print(stderr, "{}: error: the store refused a batch: {}; stopped: nothing from here on was stored\n",
               r.stopped_at, r.error);
  fmt::print(stderr,
             "ingested {} documents into {} ({} new or replaced, {} replaced, {} resumed, {} repeated, {} skipped, "
             "{} warnings), {} sentences, in {:.2f} s\n",
             in_store, c.db, r.stored, r.replaced, r.resumed, r.repeated, r.skipped, r.warnings, r.sentences, secs);
  if (r.stopped) fmt::print(stderr, "run the same ingest again to resume it once the cause is fixed\n");
  return ingest_status(r);
}

int export_(const Common& c, const std::string& format_name, const std::string& output) {
  const ExportFormat format = parse_export_format(format_name);
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const AcledCoding coding = format == ExportFormat::Csv
                                 ? AcledCoding::load(c.data.empty() ? Resources::default_data_dir() : c.data)
                                 : AcledCoding();
  if (output.empty() || output == "-") {
    export_store(store, format, std::cout, coding);
    std::cout.flush();
    return std::cout ? 0 : 1;
  }
  // Written beside the target and renamed over it: a reader never sees half a file.
  const std::string tmp = output + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(fmt::format("{}: cannot write", output));
    export_store(store, format, out, coding);
    out.close();
    if (!out) {
      fs::remove(tmp);
      throw Error(fmt::format("{}: write failed", output));
    }
  }
  fs::rename(tmp, output);
  return 0;
}

int stats(const Common& c) {
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const StoreStats s = store.stats();
  std::error_code ec;
  const auto size = fs::file_size(c.db, ec);
  fmt::print("store          {} ({}, schema version {})\n", c.db, human_bytes(double(ec ? 0 : size)),
             s.schema_version);
  fmt::print("documents      {}\n", with_commas(std::size_t(s.documents)));
  fmt::print("sentences      {}\n", with_commas(std::size_t(s.sentences)));
  fmt::print("text           {}\n", human_bytes(double(s.text_bytes)));
  fmt::print("sources        {}\n", s.sources);
  fmt::print("dates          {} .. {}\n", s.first_date.empty() ? "-" : s.first_date,
             s.last_date.empty() ? "-" : s.last_date);
  fmt::print("ingest runs    {}{}\n", s.runs,
             s.interrupted_runs ? fmt::format(" ({} interrupted or stopped early)", s.interrupted_runs) : "");
  fmt::print("stories        {}\n", s.stories);
  fmt::print("actors         {} ({} mentions)\n", s.actors, s.mentions);
  fmt::print("events         {}\n", s.events);
  fmt::print("quantities     {}\n", s.quantities);
  return 0;
}

int docs(const Common& c, const query::DocumentFilter& filter) {
  query::check_window(filter.from, filter.to);  // before the store is opened to write
  // A search brings the search index up to date first, which writes.
  const auto opened = Store::open(c.db, filter.words.empty() ? Store::Mode::ReadOnly : Store::Mode::ReadWrite);
  Store& store = *opened;
  if (!filter.words.empty()) store.index_for_search();
  fmt::print("{:<28} {:<10} {:<20} {:>5} {:>7}  {}\n", "id", "date", "source", "sents", "bytes", "title");
  for (const auto& d : query::documents(store, filter)) {
    std::string title = d.title.size() > 60 ? d.title.substr(0, 57) + "..." : d.title;
    fmt::print("{:<28} {:<10} {:<20} {:>5} {:>7}  {}\n", d.id, d.date.empty() ? "-" : d.date,
               d.source.empty() ? "-" : d.source, d.sentences, d.bytes, title);
    if (d.snippet.empty()) continue;
    std::string snippet = d.snippet;  // one line of the table: the text's line breaks as spaces
    std::replace(snippet.begin(), snippet.end(), '\n', ' ');
    fmt::print("{:<28} {}\n", "", snippet);
  }
  return 0;
}

int show(const Common& c, const std::string& doc_id) {
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const auto doc = store.get(doc_id);
  if (!doc) throw Error(fmt::format("{}: no document '{}'", c.db, doc_id));
  fmt::print("id       {}\ntitle    {}\nsource   {}\ndate     {}\nurl      {}\norigin   {}\n", doc->id,
             doc->title, doc->source, doc->date, doc->url, doc->origin);
  fmt::print("text     {} bytes, {} sentences, {} actor mentions [marked]{{actor}}; spans are byte offsets\n\n",
             doc->text.size(), doc->sentences.size(), doc->mentions.size());
  for (std::size_t i = 0; i < doc->sentences.size(); ++i) {
    const Span s = doc->sentences[i].span;
    fmt::print("[{:>3}] {:>6}-{:<6} {}\n", i, s.begin, s.end, marked(*doc, i));
  }
  if (!doc->events.empty()) {
    fmt::print("\nevents\n");
    auto name = [&](const std::string& id) {
      for (const Actor& a : doc->actors)
        if (a.id == id) return a.name;
      return id;
    };
    for (const Event& e : doc->events) {
      std::string who;
      for (const auto& id : e.actor1) who += (who.empty() ? "" : "; ") + name(id);
      if (!e.actor2.empty()) who += " -> ";
      for (std::size_t i = 0; i < e.actor2.size(); ++i) who += (i ? "; " : "") + name(e.actor2[i]);
      fmt::print("  {}{} [{}] {} / {} | {} | {} | {} | deaths {}{}\n", e.id, e.main ? " (main)" : "", e.sentence,
                 e.event_type, e.sub_event_type, who.empty() ? "-" : who, e.location.empty() ? "-" : e.location,
                 e.date.empty() ? "-" : e.date, e.fatalities ? std::to_string(*e.fatalities) : "-",
                 e.civilian_fatalities ? fmt::format(" ({} civilians)", *e.civilian_fatalities) : "");
    }
  }
  if (!doc->quantities.empty()) {
    fmt::print("\nquantities\n");
    for (const Quantity& q : doc->quantities)
      fmt::print("  [{}] {}{} {}  \"{}\"\n", q.sentence, q.value, q.value_max != q.value ? fmt::format("-{}", q.value_max) : "",
                 q.what, doc->slice(q.span));
  }
  if (!doc->actors.empty()) {
    fmt::print("\nactors\n");
    for (const Actor& a : doc->actors) {
      const auto n = std::count_if(doc->mentions.begin(), doc->mentions.end(), [&](const Mention& m) { return m.actor == a.id; });
      fmt::print("  {:<40} {:<18} {:<4} {:>3}\n", a.name, a.type, a.country.empty() ? "-" : a.country, n);
    }
  }
  return 0;
}

int events(const Common& c, const query::EventFilter& a) {
  query::check_window(a.from, a.to);
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const auto names = actor_names(store);
  auto side = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "; ") + (names.count(id) ? names.at(id) : id);
    return out.empty() ? std::string("-") : out;
  };
  query::EventFilter f = a;
  f.limit = 0;  // all, to say how many more there are
  std::size_t shown = 0, matched = 0;
  fmt::print("{:<32} {:<10} {:<36} {:<30} {:<30} {:<16} {:>5}\n", "event", "date", "type", "actor1", "actor2", "place", "dead");
  auto print = [&](const Store::StoredEvent& s) {
    ++matched;
    if (shown >= a.limit) return;
    ++shown;
    const Event& e = s.event;
    fmt::print("{:<32} {:<10} {:<36} {:<30} {:<30} {:<16} {:>5}{}\n", e.id, e.date.empty() ? "-" : e.date,
               e.sub_event_type, side(e.actor1).substr(0, 30), side(e.actor2).substr(0, 30),
               e.location.empty() ? "-" : e.location.substr(0, 16),
               e.fatalities ? std::to_string(*e.fatalities) : "-", e.main ? "  (main)" : "");
  };
  query::events(store, f, print);
  if (matched > shown) fmt::print("... {} more (use --limit)\n", matched - shown);
  return 0;
}

int actors(const Common& c, const query::ActorFilter& f) {
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  fmt::print("{:<44} {:<18} {:<7} {:>8} {:>5}\n", "actor", "type", "country", "mentions", "docs");
  for (const ActorSummary& s : query::actors(store, f)) {
    const Actor& a = s.actor;
    fmt::print("{:<44} {:<18} {:<7} {:>8} {:>5}\n", a.name, a.type, a.country.empty() ? "-" : a.country, s.mentions,
               s.documents);
  }
  return 0;
}

int migrate(const Common& c) {
  const auto opened = Store::open(c.db);
  Store& store = *opened;
  fmt::print("{}: schema version {}\n", c.db, store.schema_version());
  return 0;
}

}  // namespace mosaic::cli

namespace mosaic::cli {

namespace {

StoryOptions detector_options() { return StoryOptions{}; }

// A copy of an article as the web makes them: some of these, at random.
std::string make_copy(const std::string& text, std::mt19937& rng) {
  std::uniform_real_distribution<double> unit(0, 1);
  // Words and the sentences they end, to cut and shuffle by.
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      if (!w.empty()) words.push_back(w), w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(w);
  const bool prefix = unit(rng) < 0.5, drop = unit(rng) < 0.5, hyphens = unit(rng) < 0.5,
             footer = unit(rng) < 0.5, reorder = unit(rng) < 0.4;
  if (prefix) {  // the first 30-60 %
    const auto keep = std::size_t(double(words.size()) * (0.3 + 0.3 * unit(rng)));
    words.resize(std::max<std::size_t>(keep, 8));
  }
  if (drop || !(prefix || hyphens || footer || reorder))  // 3 % of words lost
    std::erase_if(words, [&](const std::string&) { return unit(rng) < 0.03; });
  if (hyphens)  // what a scraper leaves of "pro-government": two spaces
    for (auto& x : words)
      if (x.find('-') != std::string::npos) x = " ";
  // Paragraphs of about four sentences, shuffled.
  std::vector<std::string> paragraphs(1);
  int sentences = 0;
  for (const auto& x : words) {
    paragraphs.back() += (paragraphs.back().empty() ? "" : " ") + x;
    if (!x.empty() && (x.back() == '.' || x.back() == '?') && ++sentences % 4 == 0) paragraphs.emplace_back();
  }
  if (reorder) std::shuffle(paragraphs.begin(), paragraphs.end(), rng);
  std::string out;
  for (const auto& p : paragraphs) out += p + "\n\n";
  if (footer) {
    static const char* kFooters[] = {"NOW WATCH: The five things to know this week", "Follow The Daily Wire on Facebook, Twitter and Instagram.",
                                     "Sign up for our Middle East newsletter", "Read more: more stories from the region"};
    out += kFooters[rng() % 4];
    out += "\n";
  }
  return out;
}

}  // namespace

int bench_stories(const Common& c, const StoryBenchArgs& a) {
  const Resources resources = load_resources(c);
  const Normaliser normalise(&resources.boilerplate);
  ReadOptions read;
  if (!a.csv_map.empty()) read.csv = CsvMap::parse(a.csv_map);
  struct Item {
    std::string id, raw;
    std::size_t family;
  };
  std::vector<Item> items;
  std::unordered_map<std::string, bool> seen;
  for (const auto& path : a.corpus)
    read_input(path, read, [&](Document&& d) {
      if (seen.emplace(d.id, true).second) items.push_back({d.id, d.raw, items.size()});
    }, [](const Problem&) {});
  if (items.empty()) throw Error("bench-stories: no documents in the corpus");
  const std::size_t originals = items.size();
  // Corpora hold copies already (one wire story under several ids): originals
  // that copy one another are labelled one family, by the same overlap measure.
  std::size_t joined = 0;
  {
    std::vector<std::vector<uint64_t>> sets;
    for (const Item& it : items) sets.push_back(shingles(normalise(it.raw)));
    std::vector<std::size_t> parent(items.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto root = [&](std::size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (std::size_t i = 0; i < items.size(); ++i)
      for (std::size_t j = i + 1; j < items.size(); ++j)
        if (overlap(sets[i], sets[j]).containment >= detector_options().same_story && root(i) != root(j))
          parent[root(j)] = root(i), ++joined;
    for (std::size_t i = 0; i < items.size(); ++i) items[i].family = root(i);
  }
  std::mt19937 rng(a.seed);
  for (std::size_t i = 0; i < originals; ++i) {
    const int copies = rng() % 10 < 5 ? 1 : (rng() % 10 < 2 ? 2 : 0);
    for (int k = 0; k < copies; ++k)
      items.push_back({fmt::format("{}~copy{}", items[i].id, k), make_copy(items[i].raw, rng), items[i].family});
  }
  std::shuffle(items.begin(), items.end(), rng);  // copies arrive before their originals too

  const fs::path dir = fs::temp_directory_path() / fmt::format("mosaic-stories-{}", getpid());
  fs::create_directories(dir);
  const StoryDetector detector(detector_options());
  double detect_seconds = 0;
  std::unordered_map<std::string, std::string> story;
  std::size_t fingerprint_rows = 0, id_bytes = 0;
  {
    const auto opened = Store::open((dir / "s.db").string());
    Store& store = *opened;
    store.begin_run("bench-stories");
    Store::Transaction tx(store);
    for (const Item& it : items) {
      Document d;
      d.id = it.id;
      d.origin = "bench";
      d.raw = it.raw;
      d.text = normalise(it.raw);
      const auto start = std::chrono::steady_clock::now();
      detector.assign(store, d);
      detect_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      fingerprint_rows += d.fingerprints.size();
      id_bytes += d.fingerprints.size() * d.id.size();
      store.put(d);
    }
    tx.commit();
    store.for_each_story([&](const Store::StorySummary& s) {
      for (const auto& id : s.documents) story[id] = s.story;
    });
  }
  fs::remove_all(dir);
  // Pairs: same story or not, against the families the copies were made from.
  std::size_t tp = 0, predicted = 0, truth = 0;
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const bool same = items[i].family == items[j].family;
      const bool said = story[items[i].id] == story[items[j].id];
      truth += same, predicted += said, tp += same && said;
    }
  fmt::print("documents      {} ({} originals, {} copies made; {} originals were already copies of another)\n",
             items.size(), originals, items.size() - originals, joined);
  fmt::print("pairs          {} true same-story pairs, {} found, {} right\n", truth, predicted, tp);
  fmt::print("precision      {:.4f}\n", predicted ? double(tp) / double(predicted) : 0.0);
  fmt::print("recall         {:.4f}\n", truth ? double(tp) / double(truth) : 0.0);
  fmt::print("documents/s    {:.0f} (story detection alone, one core)\n", double(items.size()) / detect_seconds);
  fmt::print("index          {:.0f} bytes per document ({:.1f} fingerprints of 8 bytes, plus document ids)\n",
             double(fingerprint_rows * 8 + id_bytes) / double(items.size()), double(fingerprint_rows) / double(items.size()));
  return 0;
}

int stories(const Common& c, std::size_t limit, bool rebuild) {
  if (rebuild) {
    const auto opened = Store::open(c.db);
    Store& store = *opened;
    std::vector<std::string> ids;
    store.for_each_document([&](const Document& d) { ids.push_back(d.id); }, false);
    const StoryDetector detector;
    Store::Transaction tx(store);
    for (const auto& id : ids) {
      auto d = store.get(id);
      detector.assign(store, *d);
      store.set_story(*d);
    }
    tx.commit();
    fmt::print(stderr, "{}: stories recomputed for {} documents\n", c.db, ids.size());
  }
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  std::size_t shown = 0, single = 0;
  store.for_each_story([&](const Store::StorySummary& s) {
    if (s.documents.size() < 2) {
      ++single;
      return;
    }
    if (shown++ >= limit) return;
    fmt::print("{}  ({} documents)\n", s.story, s.documents.size());
    for (std::size_t i = 1; i < s.documents.size(); ++i) fmt::print("  copy: {}\n", s.documents[i]);
  });
  fmt::print("{} stories told by more than one document; {} by one\n", shown, single);
  return 0;
}

}  // namespace mosaic::cli

namespace mosaic::cli {

int graph(const Common& c, const std::string& format_name, const std::string& from, const std::string& to,
          const std::string& output) {
  const GraphFormat format = parse_graph_format(format_name);
  query::check_window(from, to);  // before anything is written
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  if (output.empty() || output == "-") {
    write_graph(store, format, std::cout, from, to);
    return std::cout ? 0 : 1;
  }
  const std::string tmp = output + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(fmt::format("{}: cannot write", output));
    write_graph(store, format, out, from, to);
    if (!out) throw Error(fmt::format("{}: write failed", output));
  }
  fs::rename(tmp, output);
  return 0;
}

int sides(const Common& c, const std::string& from, const std::string& to) {
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const query::Camps camps = query::camps(store, from, to);
  const Sides& s = camps.sides;
  auto name = [&](const std::string& id) { return camps.name(id); };
  for (std::size_t i = 0; i < s.camps.size(); ++i) {
    fmt::print("camp {} ({} actors)\n", i + 1, s.camps[i].actors.size());
    for (const auto& id : s.camps[i].actors) fmt::print("  {}\n", name(id));
  }
  if (!s.alone.empty()) fmt::print("alone          {} actors tied to no camp\n", s.alone.size());
  fmt::print("fit            {:.3f} of the weight of relations agrees with the camps\n", s.fit);
  if (!s.crossing.empty()) {
    fmt::print("across camps   (relations pulling the other way, by weight)\n");
    for (const auto& x : s.crossing) fmt::print("  {:<40} {:.0f}\n", name(x.actor), x.frustrated);
  }
  return 0;
}

int contradictions(const Common& c) {
  const auto opened = Store::open(c.db, Store::Mode::ReadOnly);
  Store& store = *opened;
  const auto names = actor_names(store);
  const auto found = find_contradictions(store);
  for (const Contradiction& x : found) {
    fmt::print("{}\n", x.what);
    for (const auto& v : x.values) {
      const std::string who = v.source.empty() ? "" : fmt::format(" ({})", names.count(v.source) ? names.at(v.source) : v.source);
      fmt::print("  {:<12} {}{}{}\n", v.value ? fmt::format("{:g}", *v.value) : v.stance, v.doc, who,
                 v.text.empty() ? "" : "  \"" + v.text.substr(0, 160) + (v.text.size() > 160 ? "...\"" : "\""));
    }
  }
  fmt::print("{} contradictions\n", found.size());
  return 0;
}

int serve(const Common& c, ServeArgs a) {
  a.options.db = c.db;
  a.options.max_body = static_cast<std::size_t>(a.max_body_mb * 1024 * 1024);
  if (!a.options.token.empty())
    fmt::print(stderr, "mosaic: warning: a token given with --token can be read by every user of this machine "
                       "(ps); set MOSAIC_TOKEN instead\n");
  else if (const char* t = std::getenv("MOSAIC_TOKEN"))
    a.options.token = t;
  if (a.options.web_dir.empty()) {
    const char* web = std::getenv("MOSAIC_WEB");
    a.options.web_dir = web ? web : MOSAIC_WEB_DIR;
    if (!fs::exists(fs::path(a.options.web_dir) / "index.html")) {
      fmt::print(stderr, "mosaic: no web page in {} (build it with 'npm --prefix web ci && npm --prefix web run build'); "
                         "serving the API only\n", a.options.web_dir);
      a.options.web_dir.clear();
    }
  }
  // Articles posted for ingest need the analysis; without a token there are none.
  std::optional<Resources> resources;
  std::optional<Pipeline> pipeline;
  if (!a.options.token.empty()) resources.emplace(load_resources(c)), pipeline.emplace(*resources);
  // SIGINT and SIGTERM stop the server from a thread of their own (a signal
  // handler may not call into it).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Server server(a.options, pipeline ? &*pipeline : nullptr);
  const int port = server.bind();
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  stopper.detach();
  fmt::print("serving {} on http://{}:{}/ (API under /api/; ingest {}); Ctrl-C stops\n", c.db, a.options.host, port,
             a.options.token.empty() ? "disabled" : "enabled with the token");
  std::fflush(stdout);
  server.run();
  return 0;
}

}  // namespace mosaic::cli
