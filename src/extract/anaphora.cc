// Anaphora for relations: which earlier actor phrase a pronoun or a definite
// noun stands for. Nearest first within the sentence; a pronoun opening a
// clause looks first to the previous sentence's subject (its first unit),
// the usual antecedent of "It is backed by ..." and "They have lost ...".
#include "extract/anaphora.h"

#include <fmt/format.h>

#include <algorithm>

#include "mosaic/problem.h"
#include "mosaic/recognise.h"
#include "util/keys.h"
#include "util/tsv.h"

namespace mosaic {

namespace {
constexpr uint32_t kNoToken = 0xffffffffu;
}  // namespace

Anaphora Anaphora::load(const std::string& data_dir) {
  Anaphora out;
  const std::string path = data_dir + "/relations/anaphora.tsv";
  WordClasses classes;
  read_rules(path, 4, classes, [&](const std::vector<std::string>& c, std::size_t line) {
    Entry e;
    if (c[1] == "pronoun") e.kind = Kind::Pronoun;
    else if (c[1] == "possessive") e.kind = Kind::Possessive;
    else if (c[1] == "noun") e.kind = Kind::Noun;
    else if (c[1] == "bare") e.kind = Kind::Bare;
    else throw Error(fmt::format("{}:{}: kind '{}' is not pronoun, possessive, noun or bare", path, line, c[1]));
    if (c[2] != "one" && c[2] != "any" && c[2] != "many")
      throw Error(fmt::format("{}:{}: number '{}' is not one, any or many", path, line, c[2]));
    e.one = c[2] == "one";
    e.many = c[2] == "many";
    e.types = split_list(c[3], ' ');
    for (const auto& t : e.types)
      if (!is_actor_type(t)) throw Error(fmt::format("{}:{}: '{}' is not an actor type", path, line, t));
    for (const auto& w : split_list(c[0])) out.words_[intern_key(fold(w))] = e;
  });
  out.determiner_.add_class(classes, "@determiner", path);
  out.same_.add_class(classes, "@same", path);
  out.modifier_.add_class(classes, "@modifier", path);
  out.boundary_.add_class(classes, "@boundary", path);
  out.speech_.add_class(classes, "@speech", path);
  out.stance_.add_class(classes, "@stance", path);
  if (const auto it = classes.find("@singular"); it != classes.end())
    for (const auto& t : it->second)
      for (const auto& type : split_list(t, ' ')) {
        if (!is_actor_type(type)) throw Error(fmt::format("{}: @singular: '{}' is not an actor type", path, type));
        out.singular_.push_back(type);
      }
  return out;
}

bool Anaphora::fits(const Entry& e, const Actor& a) const {
  return std::find(e.types.begin(), e.types.end(), a.type) != e.types.end();
}

void Anaphora::resolve(const std::vector<Word>& w, const std::vector<uint32_t>& keys, std::vector<Unit>& units,
                       const Recent& recent) const {
  std::vector<uint8_t> covered(w.size() + 1, 0);
  for (const Unit& u : units)
    for (uint32_t t = u.first; t < u.last; ++t) covered[t] = 1;
  std::vector<Unit> found;
  // What a unit leaves of the actors the entry may stand for.
  std::string stem;  // a noun prefers an actor its name calls so: "militiamen" the "Iraqi Shiite militias"
  auto take = [&](const Entry& e, const Unit& u) {
    std::vector<const Actor*> fit;
    for (const Actor* a : u.actors)
      if (fits(e, *a) && (stem.empty() || fold(a->name).find(stem) != std::string::npos)) fit.push_back(a);
    if (e.one && (fit.size() != 1 || u.actors.size() != 1)) fit.clear();
    // "they" is no one state: "accuses Israel of backing them" are not the government named before.
    if (e.many && u.actors.size() == 1 && !fit.empty() &&
        std::find(singular_.begin(), singular_.end(), fit.front()->type) != singular_.end())
      fit.clear();
    return fit;
  };
  for (uint32_t t = 0; t < w.size(); ++t) {
    if (covered[t] || keys[t] == kNoKey) continue;
    uint32_t first = t, end = t;
    const Entry* entry = nullptr;
    if (const auto it = words_.find(keys[t]); it != words_.end() && it->second.kind != Kind::Noun &&
                                               (it->second.kind != Kind::Bare || t == 0 || !determiner_.ending(keys, t))) {
      entry = &it->second;
      end = t + 1;
    } else if (const uint32_t d = determiner_.at(keys, t)) {
      // "the group", "those same militias", "the jihadist group"
      uint32_t j = t + d;
      if (const uint32_t s = same_.at(keys, j)) j += s;
      // "the jihadist group", "the Lebanese movement", "the Iranian-backed militia": a modifier of
      // the list, a capitalised word no name covers, or a hyphenated word.
      for (int m = 0; m < 2 && j < w.size(); ++m) {
        if (const uint32_t k = modifier_.at(keys, j)) j += k;
        else if (!covered[j] && w[j].kind == TokenKind::Word && (w[j].letter_case == Case::Capital || w[j].parts.size() > 1) &&
                 j + 1 < w.size() && !covered[j + 1])
          ++j;
      }
      if (j >= w.size() || covered[j] || keys[j] == kNoKey) continue;
      const auto noun = words_.find(keys[j]);
      if (noun == words_.end() || (noun->second.kind != Kind::Noun && noun->second.kind != Kind::Bare)) continue;
      // A name follows ("the group Hayat Tahrir al-Sham") or the noun is part of one ("the Group of Seven").
      if (j + 1 < w.size() && (covered[j + 1] || w[j + 1].is("of"))) continue;
      if (w[j].letter_case != Case::Any && j > 0) continue;
      entry = &noun->second;
      end = j + 1;
    }
    if (!entry) continue;
    // Opening a clause, a pronoun looks to the last sentence's subject first.
    const bool opens = t == 0 || boundary_.ending(keys, t) > 0 || w[t - 1].is(",");
    std::vector<const Actor*> actors;
    auto from_sentence = [&](const std::vector<Unit>& us, bool subject_first) {
      if (subject_first) {
        for (const Unit& u : us)
          if (!(actors = take(*entry, u)).empty()) return true;
        return false;
      }
      for (auto u = us.rbegin(); u != us.rend(); ++u)
        if (!(actors = take(*entry, *u)).empty()) return true;
      return false;
    };
    // A pronoun not opening its clause does not stand for an actor of that
    // clause ("Saudi Arabia has fought them": not Saudi Arabia).
    uint32_t clause = 0;
    if (entry->kind == Kind::Pronoun)
      for (uint32_t k = first; k-- > 0;)
        if (boundary_.ending(keys, k + 1) || speech_.ending(keys, k + 1) || w[k].is(",")) {
          clause = k + 1;
          break;
        }
    // "Russia, its closest ally": a possessive opening an apposition is not its head's own.
    const uint32_t apposed = entry->kind == Kind::Possessive && first > 0 && w[first - 1].is(",") ? first - 1 : kNoToken;
    std::vector<Unit> before;
    for (const Unit& u : units)
      if (u.last <= first && u.last != apposed && (entry->kind != Kind::Pronoun || u.last <= clause)) before.push_back(u);
    for (const Unit& u : found)
      if (u.last <= first && (entry->kind != Kind::Pronoun || u.last <= clause)) before.push_back(u);
    std::sort(before.begin(), before.end(), [](const Unit& a, const Unit& b) { return a.first < b.first; });
    const bool noun = entry->kind == Kind::Noun || entry->kind == Kind::Bare;
    stem = noun ? fold(w[end - 1].text).substr(0, 6) : "";
    bool done = false;
    // "Ansar Allah, the movement that controls northern Yemen, said it ...": a pronoun after a verb of
    // saying stands for the speaker, the phrase before the verb or before the parenthesis closed there.
    if (entry->kind == Kind::Pronoun && first > 1) {
      if (const uint32_t said = speech_.ending(keys, first); said && !w[first - said].is("that") && first > said) {
        uint32_t k = first - said;  // just past the speaker
        if (w[k - 1].is(","))
          for (uint32_t o = k - 1; o-- > 0 && o + 16 > k;)
            if (w[o].is(",")) {
              k = o;
              break;
            }
        for (const Unit& u : units)
          if (u.last == k && !u.anaphor) {
            done = !(actors = take(*entry, u)).empty();
            break;
          }
      }
    }
    // "Australia welcomes X's announcement and reaffirms its support": a possessive after a verb
    // of stance is its clause's subject's, the phrase opening the sentence.
    if (entry->kind == Kind::Possessive && stance_.ending(keys, first) && !units.empty() && units.front().first <= 2 &&
        !units.front().possessive) {
      bool reported = false;
      for (uint32_t k = units.front().last; k < first && !reported; ++k) reported = speech_.at(keys, k) > 0;
      if (!reported) done = !(actors = take(*entry, units.front())).empty();
    }
    for (int pass = 0; pass < 2 && !done; ++pass) {
      if (pass == 1) {
        if (stem.empty()) break;
        stem.clear();
      }
      if (entry->kind == Kind::Pronoun && opens && !recent.empty()) done = from_sentence(recent.back(), true);
      if (!done) done = from_sentence(before, false);
      // A possessive inside a clause ("in its determination to") stays in its sentence.
      const bool reaches = entry->kind != Kind::Possessive || opens;
      // A bare plural names the story's group of its kind, however far back; others look a few sentences back.
      const std::size_t back = entry->kind == Kind::Bare ? recent.size() : kSentences;
      std::size_t looked = 0;
      for (auto s = recent.rbegin(); reaches && !done && s != recent.rend() && looked < back; ++s, ++looked)
        done = from_sentence(*s, true);
    }
    if (!done) continue;
    found.push_back(Unit{first, end, actors, entry->kind == Kind::Possessive || w[end - 1].possessive, true});
    t = end - 1;
  }
  units.insert(units.end(), found.begin(), found.end());
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.first < b.first; });
}

}  // namespace mosaic
