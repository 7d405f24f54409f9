#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <unordered_map>
#include <unordered_set>
#include <xxhash.h>

#include "mosaic/problem.h"
#include "mosaic/recognise.h"
#include "mosaic/resolve.h"
#include "util/iso_codes.h"
#include "util/keys.h"
#include "util/text.h"
#include "util/tsv.h"

namespace mosaic {

namespace {

// The key a name is looked up by: folded, punctuation to spaces ("Al-Bāb" -> "al bab").
std::string key_of(std::string_view name) {
  std::string out;
  for (char c : fold(name)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (alnum) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A looser key for transliterations: without Arabic articles, spaces and doubled
// letters, so that "al-Bab" meets "Al Bab" and "Hassakeh" meets "Hasakeh".
// `article`: set when the key held one.
std::string skeleton(const std::string& key, bool* article = nullptr) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != ' ') continue;
    const std::string word = key.substr(start, i - start);
    start = i + 1;
    if (arabic_article(word)) {
      if (article) *article = true;
      continue;
    }
    if (word == "the") continue;
    for (char c : word)
      if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// Looser still, for the many ways Arabic names are written in Latin letters:
// the consonants ("Khan Sheikhoun", "Khān Shaykhūn" -> "khnshkn"), without a
// final h ("Talbiseh", "Talbīsah"). Only long enough skeletons are kept.
std::string consonants(const std::string& skeleton_key) {
  std::string out;
  for (char c : skeleton_key)
    if (std::string_view("aeiouyw").find(c) == std::string_view::npos && (out.empty() || out.back() != c)) out += c;
  if (!out.empty() && out.back() == 'h') out.pop_back();
  return out.size() >= 4 ? out : "";
}

}  // namespace

// Places by a key, as (hash of key, place) entries sorted by hash with the
// keys in one buffer: loading allocates nothing per key (a hash map of
// vectors allocated for each of 450,000 keys, half the load). Entries added
// after seal() are found once sealed again.
class Postings {
 public:
  void add(const std::string& key, uint32_t place) {
    if (key.empty()) return;
    entries_.push_back({XXH3_64bits(key.data(), key.size()), uint32_t(chars_.size()), uint32_t(key.size()), place});
    chars_ += key;
  }
  void seal() {
    // Stable: among places of one name, the first indexed comes first (it wins ties).
    // Entries added since the last seal are sorted alone and merged in.
    const auto by_hash = [](const Entry& a, const Entry& b) { return a.hash < b.hash; };
    const auto fresh = entries_.begin() + std::ptrdiff_t(sealed_);
    std::stable_sort(fresh, entries_.end(), by_hash);
    std::inplace_merge(entries_.begin(), fresh, entries_.end(), by_hash);
    sealed_ = entries_.size();
    // Where each run of hashes with the same top bits begins, runs of about 8
    // entries: a lookup searches its run only. A binary search of all 450,000
    // entries (11 MB) missed the cache at most of its 19 steps; the geocoder's
    // lookups were 1.6 % of `mosaic bench -j1`'s CPU time.
    bits_ = 0;
    while (bits_ < 24 && (std::size_t(8) << (bits_ + 1)) <= sealed_) ++bits_;
    starts_.assign((std::size_t(1) << bits_) + 1, 0);
    std::size_t i = 0;
    for (std::size_t b = 0; b < starts_.size(); ++b) {
      while (i < sealed_ && top(entries_[i].hash) < b) ++i;
      starts_[b] = uint32_t(i);
    }
  }
  // Calls fn(place) for each place indexed under `key`.
  template <typename Fn>
  void find(const std::string& key, Fn&& fn) const {
    if (key.empty()) return;
    const uint64_t h = XXH3_64bits(key.data(), key.size());
    if (starts_.empty()) return;  // never sealed
    const std::size_t run = top(h);
    const auto end = entries_.begin() + starts_[run + 1];
    auto it = std::lower_bound(entries_.begin() + starts_[run], end, h,
                               [](const Entry& e, uint64_t x) { return e.hash < x; });
    for (; it != end && it->hash == h; ++it)
      if (std::string_view(chars_).substr(it->at, it->size) == key) fn(it->place);
  }
  void reserve(std::size_t n) { entries_.reserve(n), chars_.reserve(n * 12); }

 private:
  struct Entry {
    uint64_t hash;
    uint32_t at, size;  // the key in chars_
    uint32_t place;
  };
  std::size_t top(uint64_t hash) const { return bits_ ? std::size_t(hash >> (64 - bits_)) : 0; }

  std::vector<Entry> entries_;
  std::string chars_;
  std::size_t sealed_ = 0;
  unsigned bits_ = 0;             // runs by the hash's top bits_ bits
  std::vector<uint32_t> starts_;  // the first entry of each run, and sealed_ last
};

struct Gazetteer::Impl {
  std::vector<Place> places;
  Postings by_key, by_skeleton, by_consonants;
  std::unordered_map<std::string, std::size_t> by_country;  // ISO alpha-3 -> the country itself
  std::unordered_set<std::string> curated;                   // key + '\t' + place index: variants.tsv's spellings
  std::unordered_set<std::string> nouns;                     // "township", "village tract"
  std::unordered_set<std::string> settlement_nouns;          // "village", "quarter": never a division's
  std::unordered_map<std::string, std::string> finer;         // "MMR:shan:muse" -> "Shan-North"
  std::unordered_set<std::string> split;                      // "MMR:shan": the divisions `finer` splits
  std::unordered_map<std::string, std::vector<std::string>> division_kinds;  // "NGA" -> {"state", ...}
  // Countries whose place names are written with Arabic (or Spanish) articles, at least one in a
  // hundred ("Ar Raqqah", "El Fasher", "El Carmen"): only there does a name written with one meet
  // a place's name written without it. Elsewhere it is a false friend: Aleppo's "al-Meridian
  // neighbourhood" is none of the United States' Meridians (0.1 % of its places have one).
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> article_counts;  // country -> with one, all
  std::unordered_set<std::string> article_countries;
  void seal() {
    for (auto* p : {&by_key, &by_skeleton, &by_consonants}) p->seal();
    article_countries.clear();
    for (const auto& [country, n] : article_counts)
      if (n.second >= 20 && n.first * 100 >= n.second) article_countries.insert(country);
  }
  // `loosely`: also under the looser keys (not for other names, which are
  // transliterations already: a third of the load for no reading gained).
  void index(const std::string& name, std::size_t i, bool loosely = true) {
    const auto place = uint32_t(i);
    const std::string k = key_of(name);
    if (k.empty()) return;
    by_key.add(k, place);
    if (!loosely) return;
    auto& counts = article_counts[places[i].country];
    const std::size_t space = k.find(' ');
    counts.first += space != std::string::npos && arabic_article(std::string_view(k).substr(0, space));
    ++counts.second;
    const std::string loose = skeleton(k);
    by_skeleton.add(loose, place);
    by_consonants.add(consonants(loose), place);
  }
};

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
std::size_t Gazetteer::size() const { return impl_->places.size(); }

std::string Gazetteer::default_path() {
  if (const char* env = std::getenv("MOSAIC_GAZETTEER"); env && *env) return env;
  return MOSAIC_GAZETTEER;
}

Gazetteer Gazetteer::load(const std::string& places_tsv, const std::string& data_dir) {
  Gazetteer g;
  Impl& x = *g.impl_;
  constexpr std::size_t kExpected = 1 << 18;  // GeoNames' towns and divisions, a little over 250,000
  x.places.reserve(kExpected);
  for (auto* p : {&x.by_key, &x.by_skeleton, &x.by_consonants}) p->reserve(kExpected * 3);  // with other names
  // Without the built gazetteer (scripts/setup makes it) only the bundled places are known.
  if (std::ifstream(places_tsv).good()) read_tsv(places_tsv, 10, [&](const std::vector<std::string>& c, std::size_t) {
    Place p{c[1], c[2], c[3], std::strtod(c[4].c_str(), nullptr), std::strtod(c[5].c_str(), nullptr),
            std::strtoll(c[6].c_str(), nullptr, 10), c[7], c[8] == "-" ? "" : c[8]};
    x.places.push_back(std::move(p));
    const std::size_t i = x.places.size() - 1;
    x.index(c[1], i);
    // Other names: transliterations and older spellings ("Kaboul", "Bombay").
    if (c[9] != "-")
      for (std::size_t start = 0, bar; start < c[9].size(); start = bar + 1) {
        bar = c[9].find('|', start);
        if (bar == std::string::npos) bar = c[9].size();
        x.index(c[9].substr(start, bar - start), i, false);
      }
  });
  // What each country calls its first-level divisions (iso-codes' ISO 3166-2, beside the
  // 3166-1 the lexicon reads): without it no division noun tells one country from another.
  try {
    const std::string countries = Lexicon::default_iso_codes();
    const std::string divisions = countries.substr(0, countries.rfind('/') + 1) + "iso_3166-2.json";
    std::unordered_map<std::string, std::string> alpha_3;
    for (const IsoCountry& c : read_iso_countries(countries)) alpha_3[c.alpha_2] = c.alpha_3;
    for (auto& [alpha_2, kinds] : read_iso_division_kinds(divisions))
      if (const auto a = alpha_3.find(alpha_2); a != alpha_3.end()) x.division_kinds[a->second] = std::move(kinds);
  } catch (const Error&) {
  }
  const std::string extra = data_dir + "/places/places.tsv";
  read_tsv(extra, 6, [&](const std::vector<std::string>& c, std::size_t line) {
    char* end = nullptr;
    const double lat = std::strtod(c[3].c_str(), &end), lon = std::strtod(c[4].c_str(), nullptr);
    if (end == c[3].c_str()) throw Error(fmt::format("{}:{}: '{}' is not a latitude", extra, line, c[3]));
    x.places.push_back(Place{c[0], c[1], c[2], lat, lon, 0, c[5], ""});
    x.index(c[0], x.places.size() - 1);
  });
  // Variants: every spelling leads to the places any of them names in that country.
  x.seal();
  read_tsv(data_dir + "/places/variants.tsv", 2, [&](const std::vector<std::string>& c, std::size_t) {
    const auto names = split_list(c[0]);
    std::vector<std::size_t> targets;
    for (const auto& n : names)
      x.by_key.find(key_of(n), [&](uint32_t t) {
        if (x.places[t].country == c[1] && std::find(targets.begin(), targets.end(), t) == targets.end()) targets.push_back(t);
      });
    for (std::size_t t : targets)
      for (const auto& n : names) {
        x.index(n, t);
        x.curated.insert(key_of(n) + '\t' + std::to_string(t));
      }
  });
  // Divisions under the names news uses for them.
  std::unordered_map<std::string, std::string> display;
  read_tsv(data_dir + "/places/divisions.tsv", 3, [&](const std::vector<std::string>& c, std::size_t) {
    display[c[0] + ":" + c[1]] = c[2];
  });
  for (std::size_t i = 0; i < x.places.size(); ++i) {
    Place& p = x.places[i];
    const auto d = display.find(p.country + ":" + p.admin1);
    if (d == display.end()) continue;
    if (p.kind == "admin1") {
      p.name = d->second;
      x.index(d->second, i);
    }
    p.admin1 = d->second;
  }
  // A country by its common name, the shortest of those the gazetteer gives it: "Somalia", not
  // "Federal Republic of Somalia", is what an event placed only by its country is placed at.
  for (std::size_t i = 0; i < x.places.size(); ++i) {
    if (x.places[i].kind != "country") continue;
    const auto [it, added] = x.by_country.emplace(x.places[i].country, i);
    if (!added && x.places[i].name.size() < x.places[it->second].name.size()) it->second = i;
  }
  const std::string splits = data_dir + "/places/splits.tsv";
  read_tsv(splits, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[0].size() != 3) throw Error(fmt::format("{}:{}: '{}' is not an ISO alpha-3 code", splits, line, c[0]));
    for (const auto& d : split_list(c[2])) x.finer[c[0] + ":" + key_of(c[1]) + ":" + key_of(d)] = c[3];
    x.split.insert(c[0] + ":" + key_of(c[1]));
  });
  const std::string nouns = data_dir + "/places/nouns.tsv";
  std::unordered_set<std::string> settlements, divisions;
  read_tsv(nouns, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "division" && c[1] != "settlement")
      throw Error(fmt::format("{}:{}: kind '{}' is not division or settlement", nouns, line, c[1]));
    for (const auto& w : split_list(c[0])) {
      x.nouns.insert(lower_ascii(w));
      (c[1] == "settlement" ? settlements : divisions).insert(lower_ascii(w));
    }
  });
  // ("locality", listed as both, is a division.)
  for (const auto& w : settlements)
    if (!divisions.count(w)) x.settlement_nouns.insert(w);
  x.seal();
  return g;
}

const Place* Gazetteer::country(std::string_view code) const {
  const auto it = impl_->by_country.find(std::string(code));
  return it == impl_->by_country.end() ? nullptr : &impl_->places[it->second];
}

bool Gazetteer::place_noun(std::string_view word) const { return impl_->nouns.count(std::string(word)) > 0; }

bool Gazetteer::settlement_noun(std::string_view word) const {
  return impl_->settlement_nouns.count(std::string(word)) > 0;
}

bool Gazetteer::divisions_called(std::string_view country, std::string_view noun) const {
  const auto kinds = impl_->division_kinds.find(std::string(country));
  if (kinds == impl_->division_kinds.end()) return true;
  // "states" is what "state" names; "counties" what "county" names.
  std::string one(noun);
  if (one.ends_with("ies")) one.replace(one.size() - 3, 3, "y");
  else if (one.ends_with('s')) one.pop_back();
  // ("autonomous region" is a region.)
  return std::any_of(kinds->second.begin(), kinds->second.end(),
                     [&](const std::string& k) { return k == one || k.ends_with(" " + one); });
}

std::string Gazetteer::finer_division(std::string_view country, std::string_view division, std::string_view district) const {
  const auto it = impl_->finer.find(std::string(country) + ":" + key_of(division) + ":" + key_of(district));
  return it == impl_->finer.end() ? "" : it->second;
}

bool Gazetteer::splits(std::string_view country, std::string_view division) const {
  return impl_->split.count(std::string(country) + ":" + key_of(division)) > 0;
}

std::vector<const Place*> Gazetteer::lookup(std::string_view name, bool loose) const {
  std::vector<const Place*> out;
  auto collect = [&](uint32_t i) {  // a place indexed twice under one key is listed once
    const Place* p = &impl_->places[i];
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  const std::string k = key_of(name);
  impl_->by_key.find(k, collect);
  if (!out.empty()) return out;
  bool article = false;
  const std::string skel = skeleton(k, &article);
  impl_->by_skeleton.find(skel, collect);
  if (out.empty() && loose) impl_->by_consonants.find(consonants(skel), collect);
  if (article)
    std::erase_if(out, [&](const Place* p) { return p->kind != "country" && !impl_->article_countries.count(p->country); });
  return out;
}

bool Gazetteer::own_name(std::string_view name, const Place& place) const {
  const std::string key = key_of(name);
  if (key == key_of(place.name)) return true;
  const auto index = static_cast<std::size_t>(&place - impl_->places.data());
  return index < impl_->places.size() && impl_->curated.count(key + '\t' + std::to_string(index)) > 0;
}

}  // namespace mosaic
