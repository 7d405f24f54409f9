// Query: what the command line, the HTTP API and export ask of a store, with
// each filter read and checked here, once, with one meaning. The shells only
// turn their input (options, a query string) into these filters and the
// answers into text; a filter that cannot mean anything is a QueryError,
// which the CLI says as an error and the API answers 400.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/merge.h"
#include "mosaic/problem.h"
#include "mosaic/store.h"

namespace mosaic {

// A filter's field that cannot mean anything: which one, and why.
class QueryError : public Error {
 public:
  QueryError(std::string field, const std::string& message) : Error(message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// The relation types the extractors write (document.h's Relation::type).
const std::vector<std::string>& relation_types();

// What of the graph to write. By default, all of it.
struct GraphOptions {
  std::string from, to;              // the window of the relations' dates (inclusive; empty = open)
  std::size_t limit = 0;             // keep the most connected actors (by weight), at most this many; 0 = all
  std::string actor;                 // keep this actor (by id) and its neighbourhood (its closest ties first)
  std::vector<std::string> types;    // keep these relation types; empty = all
  std::size_t evidence = SIZE_MAX;   // evidence sentences written per edge (JSON)
};

namespace query {

// The one date check: empty (no bound), or a day of the calendar written
// YYYY-MM-DD, as the store writes dates and compares them. Anything else
// throws QueryError naming the field: "from: '2016-13-01' is not a day ...".
std::string check_date(std::string_view field, std::string_view value);
// Both ends of a window checked, and `from` not after `to`.
void check_window(const std::string& from, const std::string& to);
// A relation type, or QueryError naming the field and the types there are.
void check_relation_type(std::string_view field, const std::string& type);

// The one meaning of an actor given as text.
// names_actor: the text is the actor's id, or part of its name or of one of
// its aliases, letter case, accents and apostrophes aside ("hizbullah"
// finds "Hizbullah" and "Hizballah"'s aliases). Empty text names every actor.
bool names_actor(const Actor& actor, std::string_view text);
// The actors an `actor` filter selects: the actor with that id when the
// store has one; else every actor names_actor finds. Empty text: none (no filter).
std::vector<std::string> actors_named(const Store& store, const std::string& text);

// Documents whose title or text has all of `words` (accents ignored; empty:
// every document), dated within [from, to], newest first (best first for words).
struct DocumentFilter {
  std::string words, from, to;
  std::size_t limit = 50, offset = 0;
};
std::vector<DocumentSummary> documents(const Store& store, const DocumentFilter& filter);

// Actors with at least one mention, most mentioned first: of a type, of a
// country (ISO alpha-3), named by `name` (names_actor).
struct ActorFilter {
  std::string type, country, name;
  std::size_t limit = 0;  // 0: all
};
std::vector<ActorSummary> actors(const Store& store, const ActorFilter& filter);

// Events of a type (either level of ACLED's taxonomy: the two never share a
// name), with an actor (actors_named) on either side, at a place (part of
// its name), dated within [from, to]; in the store's order (by document).
struct EventFilter {
  std::string type, actor, place, from, to;
  std::size_t limit = 0, offset = 0;  // limit 0: all
};
void events(const Store& store, const EventFilter& filter, const std::function<void(const Store::StoredEvent&)>& fn);

// Relations stated in documents dated within [from, to], of a type, with an
// actor (actors_named) at either end; weighted by the stories that state them.
struct RelationFilter {
  std::string type, actor, from, to;
};
std::vector<ActorRelation> relations(const Store& store, const RelationFilter& filter);

// Claims whose source is an actor (actors_named), in the store's order.
struct ClaimFilter {
  std::string actor;
  std::size_t limit = 0;  // 0: all
};
std::vector<Store::StoredClaim> claims(const Store& store, const ClaimFilter& filter);

// The camps of the relations stated within [from, to], found on the whole
// window's signed graph (merge.h's find_sides), with every member's name.
struct Camps {
  Sides sides;
  std::map<std::string, std::string> names;  // actor id -> name, for the actors of the sides
  std::string name(const std::string& id) const;
};
Camps camps(const Store& store, const std::string& from, const std::string& to);

// The actor graph as a structure: the actors kept (with their camp: 1, 2, ...
// heaviest first, 0 for none, found on the whole window's graph) and the
// relations between them, by GraphOptions. Formats are written from it
// (graph.h); nothing is read back from text.
struct Graph {
  std::vector<ActorRelation> edges;
  std::map<std::string, Actor> nodes;
  std::map<std::string, int> camp;
  std::map<std::string, double> degree;
  Sides sides;
  std::size_t all_nodes = 0, all_edges = 0;  // before the limit
};
Graph graph(const Store& store, const GraphOptions& options);

}  // namespace query
}  // namespace mosaic
