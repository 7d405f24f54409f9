// The JSON API over a store: one function per resource, records as the
// mosaic/1 export writes them, so that a script can use either.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "export/records.h"
#include "mosaic/graph.h"
#include "mosaic/merge.h"
#include "mosaic/problem.h"
#include "mosaic/query.h"
#include "mosaic/serve.h"
#include "util/text.h"

namespace mosaic {

namespace {

using json = nlohmann::ordered_json;

struct HttpError {
  int status;
  std::string message;
};

std::string param(const Params& p, const std::string& key) {
  const auto it = p.find(key);
  return it == p.end() ? "" : it->second;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i)
    if (i == list.size() || list[i] == ',') {
      if (i > start) out.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// Text that may be an id or a parameter's value: UTF-8 on one line.
bool plain_text(std::string_view s) {
  return valid_utf8(s) &&
         std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// A count: a whole number, at most `most` (more is read as `most`), at least
// 1 when it limits rows (0 would read as no limit at all).
std::size_t count_param(const Params& p, const std::string& key, std::size_t fallback, std::size_t most,
                        std::size_t least = 1) {
  const std::string v = param(p, key);
  if (v.empty()) return fallback;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec == std::errc::result_out_of_range) n = SIZE_MAX;
  else if (ec != std::errc() || end != v.data() + v.size())
    throw HttpError{400, fmt::format("{} must be a whole number, not '{}'", key, excerpt(v))};
  if (n < least) throw HttpError{400, fmt::format("{} must be at least {}", key, least)};
  return std::min(n, most);
}

constexpr std::size_t kMostRows = 5000;
constexpr std::size_t kActorEvents = 1000;  // on an actor's page, in document order

json span(Span s) { return json::array({s.begin, s.end}); }

json stats(const Store& store) {
  const StoreStats s = store.stats();
  return {{"documents", s.documents}, {"sentences", s.sentences}, {"sources", s.sources},   {"stories", s.stories},
          {"actors", s.actors},       {"mentions", s.mentions},   {"events", s.events},     {"relations", s.relations},
          {"claims", s.claims},       {"quantities", s.quantities}, {"first_date", s.first_date},
          {"last_date", s.last_date}, {"schema_version", s.schema_version}};
}

json documents(const Store& store, const Params& p, const std::function<void()>& refresh_search) {
  query::DocumentFilter q;
  q.words = param(p, "q");
  q.from = param(p, "from");
  q.to = param(p, "to");
  q.limit = count_param(p, "limit", 50, kMostRows);
  q.offset = count_param(p, "offset", 0, SIZE_MAX, 0);
  query::check_window(q.from, q.to);  // before the search index is brought up to date
  if (!q.words.empty() && refresh_search) refresh_search();
  json out = json::array();
  for (const DocumentSummary& d : query::documents(store, q))
    out.push_back({{"id", d.id}, {"title", d.title}, {"source", d.source}, {"date", d.date}, {"story", d.story},
                   {"sentences", d.sentences}, {"bytes", d.bytes}, {"snippet", d.snippet}});
  return out;
}

// A document with everything found in it, as spans into its text (byte offsets).
json document(const Store& store, const std::string& id) {
  const auto d = store.get(id);
  if (!d) throw HttpError{404, fmt::format("no document '{}'", id)};
  json sentences = json::array(), mentions = json::array(), actors = json::array(), events = json::array(),
       quantities = json::array(), claims = json::array();
  for (const Sentence& s : d->sentences) sentences.push_back(span(s.span));
  for (const Mention& m : d->mentions)
    mentions.push_back({{"sentence", m.sentence}, {"span", span(m.span)}, {"actor", m.actor}});
  for (const Actor& a : d->actors) actors.push_back({{"id", a.id}, {"name", a.name}, {"type", a.type}, {"country", a.country}});
  store.for_each_event_of(id, [&](const Store::StoredEvent& e) {
    json r = event_record(e);
    r["sentence"] = e.event.sentence;
    r["trigger"] = span(e.event.trigger);
    r["location_span"] = e.event.location_span.size() == 0 ? json(nullptr) : span(e.event.location_span);
    events.push_back(std::move(r));
  });
  for (const Quantity& q : d->quantities)
    quantities.push_back({{"sentence", q.sentence}, {"span", span(q.span)}, {"value", q.value},
                          {"value_max", q.value_max}, {"what", q.what}});
  for (const Claim& c : d->claims)
    claims.push_back({{"sentence", c.sentence}, {"span", span(c.span)}, {"source", c.source}, {"stance", c.stance},
                      {"about", c.about}});
  return {{"id", d->id},         {"title", d->title},   {"source", d->source},         {"date", d->date},
          {"url", d->url},       {"story", d->story},   {"duplicate_of", d->duplicate_of}, {"text", d->text},
          {"sentences", sentences}, {"actors", actors}, {"mentions", mentions},        {"events", events},
          {"quantities", quantities}, {"claims", claims}};
}

json actors(const Store& store, const Params& p) {
  query::ActorFilter f;
  f.type = param(p, "type");
  f.country = param(p, "country");
  f.name = param(p, "name");
  f.limit = count_param(p, "limit", 200, kMostRows);
  json out = json::array();
  for (const ActorSummary& s : query::actors(store, f)) out.push_back(actor_record(s));
  return out;
}

// An actor with its relations (and their evidence) and the events it took part in.
json actor(const Store& store, const std::string& id) {
  const auto summary = store.actor(id);
  if (!summary) throw HttpError{404, fmt::format("no actor '{}'", id)};
  json record = actor_record(*summary);
  json relations = json::array(), events = json::array();
  for (const ActorRelation& r : query::relations(store, {"", id, "", ""})) relations.push_back(relation_record(r));
  query::EventFilter f;
  f.actor = id;  // an actor's id names that actor alone
  f.limit = kActorEvents;
  query::events(store, f, [&](const Store::StoredEvent& e) { events.push_back(event_record(e)); });
  record["relations"] = relations;
  record["events"] = events;
  return record;
}

// The graph a page can draw: the most connected actors first (150 unless
// `limit` says), or one actor's neighbourhood (`actor`), of some relation
// types (`types`, comma-separated), with one evidence sentence per edge:
// small however large the store.
json graph(const Store& store, const Params& p) {
  GraphOptions o;
  o.from = param(p, "from");
  o.to = param(p, "to");
  o.limit = count_param(p, "limit", 150, 1000);
  o.actor = param(p, "actor");
  o.types = split(param(p, "types"));
  o.evidence = 1;
  // One evidence sentence, cut at 300 bytes: the page shows it as a hint.
  return graph_record(query::graph(store, o), o.evidence, 300);
}

// The camps of the relations in the window, with their actors named.
json sides(const Store& store, const Params& p) {
  const query::Camps c = query::camps(store, param(p, "from"), param(p, "to"));
  const Sides& s = c.sides;
  auto named = [&](const std::string& id) { return json{{"id", id}, {"name", c.name(id)}}; };
  json camps = json::array();
  for (std::size_t k = 0; k < s.camps.size(); ++k) {
    json members = json::array();
    for (const auto& id : s.camps[k].actors) members.push_back(named(id));
    camps.push_back({{"camp", k + 1}, {"weight", s.camps[k].weight}, {"actors", members}});
  }
  json crossing = json::array();
  for (const auto& x : s.crossing) {
    json one = named(x.actor);
    one["frustrated"] = x.frustrated;
    crossing.push_back(one);
  }
  return {{"camps", camps}, {"fit", s.fit}, {"crossing", crossing}, {"alone", s.alone.size()}};
}

json relations(const Store& store, const Params& p) {
  json out = json::array();
  for (const ActorRelation& r :
       query::relations(store, {param(p, "type"), param(p, "actor"), param(p, "from"), param(p, "to")}))
    out.push_back(relation_record(r));
  return out;
}

json events(const Store& store, const Params& p) {
  query::EventFilter f;
  f.actor = param(p, "actor");
  f.place = param(p, "place");
  f.from = param(p, "from");
  f.to = param(p, "to");
  f.type = param(p, "type");
  f.limit = count_param(p, "limit", 1000, kMostRows);
  json out = json::array();
  query::events(store, f, [&](const Store::StoredEvent& e) { out.push_back(event_record(e)); });
  return out;
}

json stories(const Store& store, const Params& p) {
  const std::size_t limit = count_param(p, "limit", 200, kMostRows);
  json out = json::array();
  store.for_each_story([&](const Store::StorySummary& s) {
    if (out.size() < limit) out.push_back({{"story", s.story}, {"documents", s.documents}});
  });
  return out;
}

json claims(const Store& store, const Params& p) {
  json out = json::array();
  for (const Store::StoredClaim& c : query::claims(store, {param(p, "actor"), count_param(p, "limit", 1000, kMostRows)}))
    out.push_back(claim_record(c));
  return out;
}

json contradictions(const Store& store) {
  json out = json::array();
  for (const Contradiction& c : find_contradictions(store)) out.push_back(contradiction_record(c));
  return out;
}

// "/api/actors/hezbollah" -> ("actors", "hezbollah"); ids may hold any
// character but '/', and arrive decoded.
std::pair<std::string, std::string> route(const std::string& path) {
  const std::string prefix = "/api/";
  if (!path.starts_with(prefix)) return {"", ""};
  const std::string rest = path.substr(prefix.size());
  const auto slash = rest.find('/');
  if (slash == std::string::npos) return {rest, ""};
  return {rest.substr(0, slash), rest.substr(slash + 1)};
}

// The parameters each resource reads: any other is refused, so that a
// misspelt filter is not silently ignored, nor an answer computed again for
// every made-up parameter.
const std::vector<std::string>& known_params(const std::string& resource, bool one) {
  static const std::vector<std::string> kNone;
  static const std::map<std::string, std::vector<std::string>> kParams = {
      {"documents", {"q", "from", "to", "limit", "offset"}},
      {"actors", {"type", "country", "name", "limit"}},
      {"graph", {"from", "to", "limit", "actor", "types"}},
      {"sides", {"from", "to"}},
      {"relations", {"type", "actor", "from", "to"}},
      {"events", {"type", "actor", "place", "from", "to", "limit"}},
      {"stories", {"limit"}},
      {"claims", {"actor", "limit"}}};
  const auto it = kParams.find(resource);
  return one || it == kParams.end() ? kNone : it->second;
}

}  // namespace

ApiResponse api_get(const Store& store, const std::string& path, const Params& params,
                    const std::function<void()>& refresh_search) {
  try {
    const auto [resource, id] = route(path);
    const auto& known = known_params(resource, !id.empty());
    for (const auto& [name, value] : params) {
      if (std::find(known.begin(), known.end(), name) == known.end())
        throw HttpError{400, known.empty() ? fmt::format("{} takes no parameters", path)
                                           : fmt::format("unknown parameter '{}' (known: {})", excerpt(name),
                                                         fmt::join(known, ", "))};
      if (!plain_text(value)) throw HttpError{400, fmt::format("parameter '{}' is not text (UTF-8, one line)", name)};
    }
    // An id that is not text names nothing stored (every stored id is).
    if (!plain_text(id)) throw HttpError{404, fmt::format("no such resource under /api/{}", resource)};
    json body;
    if (resource == "stats" && id.empty()) body = stats(store);
    else if (resource == "documents" && id.empty()) body = documents(store, params, refresh_search);
    else if (resource == "documents") body = document(store, id);
    else if (resource == "actors" && id.empty()) body = actors(store, params);
    else if (resource == "actors") body = actor(store, id);
    else if (resource == "graph" && id.empty()) body = graph(store, params);
    else if (resource == "sides" && id.empty()) body = sides(store, params);
    else if (resource == "relations" && id.empty()) body = relations(store, params);
    else if (resource == "events" && id.empty()) body = events(store, params);
    else if (resource == "stories" && id.empty()) body = stories(store, params);
    else if (resource == "claims" && id.empty()) body = claims(store, params);
    else if (resource == "contradictions" && id.empty()) body = contradictions(store);
    else throw HttpError{404, fmt::format("no such resource: {}", excerpt(path, 200))};
    return {200, json_text(body)};
  } catch (const HttpError& e) {
    return {e.status, json_text(json{{"error", e.message}})};
  } catch (const QueryError& e) {  // a filter that cannot mean anything: the asker's to mend
    return {400, json_text(json{{"error", e.what()}})};
  } catch (const Error& e) {
    return {500, json_text(json{{"error", e.what()}})};
  }
}

}  // namespace mosaic
