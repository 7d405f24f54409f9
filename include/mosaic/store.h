// Store: one SQLite file holding documents and everything extracted from them.
// Writes happen in transactions; readers may query while an ingest runs (WAL).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "mosaic/document.h"

namespace mosaic {

struct StoreStats {
  int schema_version = 0;
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t text_bytes = 0;
  int64_t sources = 0;
  int64_t runs = 0;
  int64_t interrupted_runs = 0;  // killed midway, or stopped by an error
  int64_t actors = 0;    // actors with at least one mention
  int64_t mentions = 0;
  int64_t events = 0;
  int64_t quantities = 0;
  int64_t stories = 0;
  int64_t fingerprints = 0;
  int64_t relations = 0;
  int64_t claims = 0;
  std::string first_date;
  std::string last_date;
};

struct ActorSummary {
  Actor actor;
  int64_t mentions = 0;
  int64_t documents = 0;
};

struct DocumentSummary {
  std::string id, title, source, date;
  int64_t sentences = 0;
  int64_t bytes = 0;
  std::string story;
  std::string snippet;  // for a search: where the words were found, in [brackets]
};

// What happened to a document handed to Store::put.
enum class PutResult {
  Inserted,
  Replaced,   // an earlier run's document with this id was replaced
  Repeated,   // this run already stored the same id with identical text
  Conflict,   // this run already stored the same id with other text: kept the first
  Resumed,    // an interrupted run stored this document with the same text: kept as it stored it
};

class Store {
 public:
  static constexpr int kSchemaVersion = 12;
  enum class Mode { ReadWrite, ReadOnly };

  // Opens or creates the database and brings its schema up to date.
  // Throws Error (one line, naming the path) when it cannot.
  explicit Store(const std::string& path, Mode mode = Mode::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version() const;

  // A write transaction. Destroying an uncommitted one rolls it back, so a
  // failure never leaves half a document behind.
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();
    void commit();
   private:
    Store& store_;
    bool done_ = false;
  };

  // A read transaction: whatever is read through this store while it lives
  // sees the store as one committed state, whatever other connections write
  // meanwhile (an export taken during an ingest is one snapshot). Inside a
  // transaction already, it adds nothing.
  class Snapshot {
   public:
    explicit Snapshot(const Store& store);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
   private:
    const Store& store_;
    bool began_ = false;
  };

  // Starts an ingest run; documents put after it are tagged with it, which is
  // how duplicate ids within one run are told from re-ingests. Runs left
  // 'running' by a process of this machine that is gone are marked
  // 'interrupted' first. Call inside a Transaction.
  int64_t begin_run(const std::string& inputs);
  // Grows with every committed write, by any process: what was read from the
  // store at one version still holds while it stays the same.
  int64_t version() const;
  // Ends a run: 'finished', or 'stopped' when an error ended it early.
  void finish_run(int64_t run, const std::string& summary_json, bool stopped = false);
  // Copies the write-ahead log into the database and empties it, as far as
  // readers in other processes allow.
  void checkpoint();

  // Whether an interrupted or stopped run stored a document with this id and
  // this raw text: re-running that ingest resumes it, keeping the document
  // as the run stored it rather than analysing it again.
  bool resumable(const Document& doc) const;
  // Takes such a document into the current run (Resumed), or tells a repeat
  // within this run as put does (Repeated, Conflict); nullopt when the stored
  // copy is no longer resumable (the document must be analysed and put).
  // Call inside a Transaction.
  std::optional<PutResult> resume(const Document& doc, std::string* origin_of_first = nullptr);

  // Writes a document with its sentences, actors and mentions; call inside a
  // Transaction.
  // `origin_of_first` receives where the kept copy came from on Repeated/Conflict.
  PutResult put(const Document& doc, std::string* origin_of_first = nullptr);

  // A document with its sentences, mentions and the actors they refer to,
  // quantities, events and claims.
  std::optional<Document> get(const std::string& id) const;
  // Streams every document in id order; text and sentences only when asked.
  void for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const;
  // Documents whose title or text has all the words of `words` (any order,
  // accents ignored; empty: every document), dated within [from, to],
  // newest first. Finds what index_for_search has indexed.
  struct DocumentQuery {
    std::string words, from, to;
    std::size_t limit = 50, offset = 0;
  };
  std::vector<DocumentSummary> find_documents(const DocumentQuery& query) const;
  // Indexes the documents stored since the last call; returns how many.
  std::size_t index_for_search();
  // Actors with at least one mention, most mentioned first, with every name
  // they have been seen under.
  void for_each_actor(const std::function<void(const ActorSummary&)>& fn) const;
  std::optional<ActorSummary> actor(const std::string& id) const;  // none if never mentioned

  // An event with what export and queries show beside it.
  struct StoredEvent {
    Event event;
    std::string doc;
    std::string source;     // the document's outlet
    std::string evidence;   // the sentence that tells it
    std::string story;      // the document's story
    int64_t stored = 0;     // when the document was stored (its ingest run began), Unix seconds
  };
  struct EventFilter {
    std::string type;   // an event or sub-event type: ACLED's two levels never share a name
    std::string actor;  // an actor's id, or part of its name
    std::string actor_id;  // exactly this actor
    std::string place;  // part of the place's name
    std::string from, to;  // YYYY-MM-DD, inclusive
    std::size_t limit = 0, offset = 0;  // limit 0: all
  };
  void for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) const;
  void for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const;
  // Events that may repeat one of a document's, without evidence text: those
  // of the other documents of its story; those of other documents with an
  // event's type, day, place (the same coordinates when geocoded, else the
  // same name) and one of its actors, until fn returns false.
  void for_each_event_of_story(const std::string& story, const std::string& doc,
                               const std::function<void(const StoredEvent&)>& fn) const;
  void for_each_event_at(const std::string& doc, const Event& event,
                         const std::function<bool(const StoredEvent&)>& fn) const;
  // Quantities with the document they come from and their text.
  void for_each_quantity(const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const;
  // Document id -> its main event's id.
  std::vector<std::pair<std::string, std::string>> main_events() const;

  // A relation as one sentence states it, with where and when.
  struct StoredRelation {
    Relation relation;
    std::string doc, date, story, evidence, source;  // source: the document's outlet
  };
  struct RelationFilter {
    std::string actor;     // either end, by id
    std::string from, to;  // dates of the stating documents: YYYY-MM-DD, inclusive
  };
  // Ordered by type, source and target, so that one relation's evidence is consecutive.
  void for_each_relation(const RelationFilter& filter, const std::function<void(const StoredRelation&)>& fn) const;
  struct StoredClaim {
    Claim claim;
    std::string doc, story, evidence;
  };
  void for_each_claim(const std::function<void(const StoredClaim&)>& fn) const;

  // Stories. Documents sharing two or more of these fingerprints, with how
  // many they share and how many they have; a document's text; its story;
  // renaming a story.
  struct Sharing {
    std::string doc;
    std::size_t shared = 0, own = 0;
  };
  // A fingerprint found to be held by too many documents is recorded as common.
  // `holders`, if given, gets how many documents hold each fingerprint (common: 0).
  // The document `except` (a stored copy of the one being compared) is not counted.
  std::vector<Sharing> documents_sharing(const std::vector<uint64_t>& fingerprints,
                                         std::vector<uint32_t>* holders = nullptr, const std::string& except = {});
  std::optional<std::string> text_of(const std::string& id) const;
  std::string story_of(const std::string& id) const;
  void rename_story(const std::string& from, const std::string& to);
  // Rewrites a stored document's story, duplicate_of and fingerprints.
  void set_story(const Document& doc);
  struct StorySummary {
    std::string story;
    std::vector<std::string> documents;  // first the story's own document
  };
  void for_each_story(const std::function<void(const StorySummary&)>& fn) const;
  StoreStats stats() const;

 private:
  void write_fingerprints(const Document& doc);
  const std::unordered_set<int64_t>& common_fingerprints();

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

}  // namespace mosaic
