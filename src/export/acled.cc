// ACLED's export schema: what ACLED's coding rules add to an event (country
// name, numeric code and region, actor type labels and their interaction,
// disorder type, civilian targeting, an unnamed perpetrator, source scale),
// read from data/export/ and iso-codes, and the rows built with it.
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "mosaic/export.h"
#include "mosaic/problem.h"
#include "mosaic/recognise.h"
#include "util/iso_codes.h"
#include "util/text.h"
#include "util/tsv.h"

namespace mosaic {

struct AcledCoding::Impl {
  struct Country {
    std::string name, numeric, region;
  };
  struct Type {
    std::string label;
    int code = 0;
    std::vector<std::pair<std::string, std::string>> in_event_types;  // event type -> label there
  };
  struct SubEventType {
    std::string disorder;
    std::string targeting;  // "always", "never", or the label whose presence makes it so
    std::string unnamed, unnamed_type;  // actor1 for an unnamed perpetrator, "{country}" replaced
  };
  std::unordered_map<std::string, Country> countries;  // by alpha-3
  std::unordered_map<std::string, Type> types;         // by actor type
  std::unordered_map<std::string, int> label_codes;
  std::unordered_map<std::string, SubEventType> sub_event_types;
  std::vector<std::string> scales;                      // in the order ACLED joins them
  std::unordered_map<std::string, std::size_t> outlets;  // outlet key -> index into scales

  // "The New York Times" and "new york times" are one outlet.
  static std::string outlet_key(std::string_view name) {
    std::string key;
    for (char c : name) {
      if (is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80) key += ascii_lower(c);
      else if (!key.empty() && key.back() != ' ') key += ' ';
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
  }

  // An actor type's label in an event of `event_type`; empty for a type not listed.
  const std::string& label(const std::string& type, const std::string& event_type) const {
    static const std::string none;
    const auto it = types.find(type);
    if (it == types.end()) return none;
    for (const auto& [in, label] : it->second.in_event_types)
      if (in == event_type) return label;
    return it->second.label;
  }
};

namespace {

// ACLED writes the numeric code as a number: "4", not "004".
std::string without_leading_zeros(std::string_view code) {
  while (code.size() > 1 && code.front() == '0') code.remove_prefix(1);
  return std::string(code);
}

bool is_code(std::string_view s, std::size_t length) {
  return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void load_countries(AcledCoding::Impl& c, const std::string& path, const std::string& iso_path) {
  std::unordered_map<std::string, AcledCoding::Impl::Country> known;
  for (const IsoCountry& x : read_iso_countries(iso_path))
    known[x.alpha_3] = {x.common_name.empty() ? x.name : x.common_name, without_leading_zeros(x.numeric), ""};
  read_tsv(path, 4, [&](const std::vector<std::string>& col, std::size_t line) {
    if (!is_code(col[0], 3)) throw Error(fmt::format("{}:{}: '{}' is not an alpha-3 code", path, line, col[0]));
    const auto iso_country = known.find(col[0]);
    AcledCoding::Impl::Country country = iso_country == known.end() ? AcledCoding::Impl::Country{} : iso_country->second;
    if (col[1] != "-") country.name = col[1];
    if (col[2] != "-") {
      if (col[2].empty() || !std::all_of(col[2].begin(), col[2].end(), is_ascii_digit))
        throw Error(fmt::format("{}:{}: numeric code '{}' is not a number", path, line, col[2]));
      country.numeric = without_leading_zeros(col[2]);
    }
    if (country.name.empty() || country.numeric.empty())
      throw Error(fmt::format("{}:{}: {} is not in iso-codes; give its name and numeric code", path, line, col[0]));
    if (col[3] == "-") throw Error(fmt::format("{}:{}: {} has no region", path, line, col[0]));
    country.region = col[3];
    c.countries[col[0]] = std::move(country);
  });
}

void load_types(AcledCoding::Impl& c, const std::string& path) {
  read_tsv(path, 4, [&](const std::vector<std::string>& col, std::size_t line) {
    AcledCoding::Impl::Type t;
    t.label = col[1];
    if (col[2].size() != 1 || col[2][0] < '1' || col[2][0] > '9')
      throw Error(fmt::format("{}:{}: code '{}' is not a digit from 1 to 9", path, line, col[2]));
    t.code = col[2][0] - '0';
    if (const auto known = c.label_codes.find(t.label); known != c.label_codes.end() && known->second != t.code)
      throw Error(fmt::format("{}:{}: '{}' had code {} before", path, line, t.label, known->second));
    c.label_codes[t.label] = t.code;
    for (const auto& pair : split_list(col[3])) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
        throw Error(fmt::format("{}:{}: '{}' is not 'event type=label'", path, line, pair));
      t.in_event_types.emplace_back(std::string(trim(std::string_view(pair).substr(0, eq))),
                                    std::string(trim(std::string_view(pair).substr(eq + 1))));
    }
    c.types[col[0]] = std::move(t);
  });
  // A label given only for some event types still orders the interaction.
  for (const auto& [type, t] : c.types)
    for (const auto& in : t.in_event_types)
      if (!c.label_codes.count(in.second))
        throw Error(fmt::format("{}: '{}' (for {} in {}) is no type's label", path, in.second, type, in.first));
}

void load_sub_event_types(AcledCoding::Impl& c, const std::string& path) {
  read_tsv(path, 5, [&](const std::vector<std::string>& col, std::size_t line) {
    AcledCoding::Impl::SubEventType s;
    s.disorder = col[1];
    s.targeting = col[2];
    if (s.targeting != "always" && s.targeting != "never" && !c.label_codes.count(s.targeting))
      throw Error(fmt::format("{}:{}: civilian targeting '{}' is not always, never or an actor type's label", path,
                              line, s.targeting));
    if ((col[3] == "-") != (col[4] == "-"))
      throw Error(fmt::format("{}:{}: an unnamed actor needs both a name and a type", path, line));
    if (col[3] != "-") {
      if (!c.types.count(col[4])) throw Error(fmt::format("{}:{}: '{}' is not in actor_types.tsv", path, line, col[4]));
      s.unnamed = col[3];
      s.unnamed_type = col[4];
    }
    c.sub_event_types[col[0]] = std::move(s);
  });
}

void load_scales(AcledCoding::Impl& c, const std::string& scales, const std::string& outlets) {
  read_tsv(scales, 1, [&](const std::vector<std::string>& col, std::size_t) { c.scales.push_back(col[0]); });
  read_tsv(outlets, 2, [&](const std::vector<std::string>& col, std::size_t line) {
    const auto scale = std::find(c.scales.begin(), c.scales.end(), col[1]);
    if (scale == c.scales.end())
      throw Error(fmt::format("{}:{}: '{}' is not in source_scales.tsv", outlets, line, col[1]));
    for (const auto& name : split_list(col[0]))
      c.outlets[AcledCoding::Impl::outlet_key(name)] = std::size_t(scale - c.scales.begin());
  });
}

// A stable number for an event: ACLED's ids are a country code and a number.
// 48 bits of its Mosaic id's hash: under one chance in 500 of any collision
// among a million events.
std::string event_number(const std::string& id) {
  return std::to_string(XXH3_64bits(id.data(), id.size()) >> 16);
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& x : items) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

}  // namespace

AcledCoding::AcledCoding() : impl_(std::make_unique<Impl>()) {}
AcledCoding::~AcledCoding() = default;
AcledCoding::AcledCoding(AcledCoding&&) noexcept = default;
AcledCoding& AcledCoding::operator=(AcledCoding&&) noexcept = default;

AcledCoding AcledCoding::load(const std::string& data_dir, const std::string& iso_codes) {
  AcledCoding coding;
  Impl& c = *coding.impl_;
  const std::string dir = data_dir + "/export/";
  load_countries(c, dir + "countries.tsv", iso_codes.empty() ? Lexicon::default_iso_codes() : iso_codes);
  load_types(c, dir + "actor_types.tsv");
  load_sub_event_types(c, dir + "sub_event_types.tsv");
  load_scales(c, dir + "source_scales.tsv", dir + "outlets.tsv");
  return coding;
}

const std::vector<AcledColumn>& acled_schema() {
  using enum AcledType;
  static const std::vector<AcledColumn> schema = {
      {"event_id_cnty", Text},  {"event_date", Date},        {"year", Integer},      {"time_precision", Integer},
      {"disorder_type", Text},  {"event_type", Text},        {"sub_event_type", Text}, {"actor1", Text},
      {"assoc_actor_1", Text},  {"inter1", Text},            {"actor2", Text},       {"assoc_actor_2", Text},
      {"inter2", Text},         {"interaction", Text},       {"civilian_targeting", Text}, {"iso", Integer},
      {"region", Text},         {"country", Text},           {"admin1", Text},       {"admin2", Text},
      {"admin3", Text},         {"location", Text},          {"latitude", Real},     {"longitude", Real},
      {"geo_precision", Integer}, {"source", Text},          {"source_scale", Text}, {"notes", Text},
      {"fatalities", Integer},  {"tags", Text},              {"timestamp", Integer}};
  return schema;
}

const std::vector<std::string>& acled_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& c : acled_schema()) n.push_back(c.name);
    return n;
  }();
  return names;
}

std::string spreadsheet_safe(std::string_view cell) {
  const bool formula = !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
  std::string out(cell.size() + formula, '\'');
  std::copy(cell.begin(), cell.end(), out.begin() + formula);
  return out;
}

void for_each_acled_row(const Store& store, const AcledCoding& coding, const std::function<void(const AcledRow&)>& fn) {
  const AcledCoding::Impl& c = coding.impl();
  std::unordered_map<std::string, std::pair<std::string, std::string>> actors;  // id -> name, type
  store.for_each_actor([&](const ActorSummary& s) { actors.emplace(s.actor.id, std::pair(s.actor.name, s.actor.type)); });
  // The reports of one event: their outlets, the most conservative toll, the latest storing.
  struct Group {
    std::vector<std::string> sources;
    std::optional<int> toll;
    int64_t stored = 0;
  };
  std::unordered_map<std::string, Group> groups;
  store.for_each_event({}, [&](const Store::StoredEvent& s) {
    Group& g = groups[s.event.group];
    if (!s.source.empty() && std::find(g.sources.begin(), g.sources.end(), s.source) == g.sources.end())
      g.sources.push_back(s.source);
    if (s.event.fatalities && (!g.toll || *s.event.fatalities < *g.toll)) g.toll = s.event.fatalities;
    g.stored = std::max(g.stored, s.stored);
  });
  static const AcledCoding::Impl::SubEventType kUnknownType;
  AcledRow row;
  store.for_each_event({}, [&](const Store::StoredEvent& s) {
    const Event& e = s.event;
    if (e.group != e.id) return;  // a repeat: its source is on the group's row
    const Group& g = groups[e.group];
    const auto country = c.countries.find(e.country);
    const bool has_country = country != c.countries.end();
    const auto sub = c.sub_event_types.find(e.sub_event_type);
    const AcledCoding::Impl::SubEventType& kind = sub == c.sub_event_types.end() ? kUnknownType : sub->second;

    // Each side: its main actor, the associated ones, and the main one's label.
    struct Side {
      std::string name, assoc, label;
    };
    auto side = [&](const std::vector<std::string>& ids) {
      Side out;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto a = actors.find(ids[i]);
        const std::string& name = a == actors.end() ? ids[i] : a->second.first;
        if (i == 0) {
          out.name = name;
          if (a != actors.end()) out.label = c.label(a->second.second, e.event_type);
        } else {
          out.assoc += (out.assoc.empty() ? "" : "; ") + name;
        }
      }
      return out;
    };
    Side one = side(e.actor1), two = side(e.actor2);
    if (one.name.empty() && !kind.unnamed.empty() && has_country) {
      one.name = kind.unnamed;
      if (const auto at = one.name.find("{country}"); at != std::string::npos)
        one.name.replace(at, 9, country->second.name);
      one.label = c.label(kind.unnamed_type, e.event_type);
    }
    std::string interaction;
    if (!one.label.empty() && !two.label.empty()) {
      const bool swap = c.label_codes.at(two.label) < c.label_codes.at(one.label);
      interaction = swap ? two.label + "-" + one.label : one.label + "-" + two.label;
    } else if (!one.label.empty() || !two.label.empty()) {
      interaction = (one.label.empty() ? two.label : one.label) + " only";
    }
    const bool targeting = kind.targeting == "always" ||
                           (kind.targeting != "never" && !kind.targeting.empty() &&
                            (one.label == kind.targeting || two.label == kind.targeting));

    std::vector<bool> scale_used(c.scales.size());
    for (const auto& source : g.sources)
      if (const auto o = c.outlets.find(AcledCoding::Impl::outlet_key(source)); o != c.outlets.end())
        scale_used[o->second] = true;
    std::string scale;
    for (std::size_t i = 0; i < c.scales.size(); ++i)
      if (scale_used[i]) scale += (scale.empty() ? "" : "-") + c.scales[i];

    row.id = e.id;
    row.cells = {
        (is_code(e.country, 3) ? e.country : std::string("XXX")) + event_number(e.id),
        e.date,
        e.date.size() >= 4 ? e.date.substr(0, 4) : "",
        e.time_precision ? std::to_string(e.time_precision) : "",
        kind.disorder,
        e.event_type,
        e.sub_event_type,
        one.name,
        one.assoc,
        one.label,
        two.name,
        two.assoc,
        two.label,
        interaction,
        targeting ? "Civilian targeting" : "",
        has_country ? country->second.numeric : "",
        has_country ? country->second.region : "",
        has_country ? country->second.name : e.country,
        e.admin1,
        "",  // admin2, admin3: the gazetteer knows first-level divisions only
        "",
        e.location,
        e.latitude ? fmt::format("{:.4f}", *e.latitude) : "",
        e.longitude ? fmt::format("{:.4f}", *e.longitude) : "",
        e.geo_precision ? std::to_string(e.geo_precision) : "",
        join(g.sources, "; "),
        scale,
        s.evidence,
        std::to_string(g.toll.value_or(0)),
        "",  // tags: none of ACLED's are coded
        g.stored ? std::to_string(g.stored) : "",
    };
    fn(row);
  });
}

}  // namespace mosaic
