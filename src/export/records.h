// The store as a stream of contract records, grouped by kind in contract
// order; each export format is a writer over this one stream.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "mosaic/merge.h"
#include "mosaic/query.h"
#include "mosaic/store.h"

namespace mosaic {

// Kinds in the order of the "mosaic/1" contract; "documents" comes first.
inline constexpr std::string_view kKinds[] = {"documents", "actors", "relations", "events",
                                              "quantities", "claims", "contradictions"};

using RecordSink = std::function<void(std::string_view kind, const nlohmann::ordered_json& record)>;

void each_record(const Store& store, const RecordSink& sink);

// A record as JSON text. Bytes that are not UTF-8 (in a store written before
// the readers checked) become U+FFFD rather than failing the whole export.
std::string json_text(const nlohmann::ordered_json& record, int indent = -1);

// An event's place as the contract writes it: name, admin1, country, lat, lon (or null).
nlohmann::ordered_json location(const Event& event);

// Records as the mosaic/1 contract writes them; the web API sends the same.
nlohmann::ordered_json document_record(const Document& document, const std::string& main_event);  // "" for none
nlohmann::ordered_json event_record(const Store::StoredEvent& event);
nlohmann::ordered_json actor_record(const ActorSummary& actor);
nlohmann::ordered_json relation_record(const ActorRelation& relation);
nlohmann::ordered_json claim_record(const Store::StoredClaim& claim);
nlohmann::ordered_json contradiction_record(const Contradiction& contradiction);
// The graph as its JSON format writes it: `evidence` sentences per edge, each
// cut at `evidence_bytes` (at a character's start, with an ellipsis).
nlohmann::ordered_json graph_record(const query::Graph& graph, std::size_t evidence = SIZE_MAX,
                                    std::size_t evidence_bytes = SIZE_MAX);

}  // namespace mosaic
