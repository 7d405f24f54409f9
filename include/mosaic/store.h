// Store: documents and everything extracted from them, behind one interface
// with a backend per kind of database: an embedded SQLite file (one writer,
// readers beside it) or a PostgreSQL server (many writers, shared by machines).
// Store::open chooses by URL. No backend's own exception crosses this
// interface: failures are StoreError with a kind.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"
#include "mosaic/problem.h"

namespace mosaic {

// A store that failed. Busy: another writer holds the store longer than a
// write waits (try again later); Conflict: a write broke a constraint or was
// rolled back for another's; Io: the database could not be reached, read or
// written; Schema: the database is not a Mosaic store this version can use.
class StoreError : public Error {
 public:
  enum class Kind { Busy, Conflict, Io, Schema };
  StoreError(Kind kind, const std::string& what) : Error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

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
  // The newest schema of each backend (SQLite's user_version, PostgreSQL's
  // schema_version table): a store at an older one is migrated when opened
  // for writing, one at a newer one refused.
  static constexpr int kSchemaVersion = 13;
  enum class Mode { ReadWrite, ReadOnly };

  // Opens or creates the store that `url` names, and brings its schema up to
  // date (ReadWrite) or checks that it is (ReadOnly):
  //   PATH or sqlite:PATH       a SQLite file (the embedded store)
  //   postgresql://... or postgres://...   a PostgreSQL database (libpq's URI)
  // Throws StoreError (one line, naming the store) when it cannot.
  static std::unique_ptr<Store> open(const std::string& url, Mode mode = Mode::ReadWrite);
  // The store to use when none is named: $MOSAIC_DB, else `fallback`.
  static std::string default_url(const std::string& fallback);

  virtual ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // What names the store in messages: the path, or the URL without its password.
  const std::string& path() const { return path_; }
  virtual int schema_version() const = 0;

  // A write session. Reads through the store while it lives see its writes;
  // committing makes them visible to others at once, destroying an
  // uncommitted one rolls it back, so a failure never leaves half a document.
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
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
  virtual int64_t begin_run(const std::string& inputs) = 0;
  // Grows with every committed write, by any process: what was read from the
  // store at one version still holds while it stays the same.
  virtual int64_t version() const = 0;
  // Ends a run: 'finished', or 'stopped' when an error ended it early.
  virtual void finish_run(int64_t run, const std::string& summary_json, bool stopped = false) = 0;
  // Gives back what a long write leaves behind (SQLite: copies the
  // write-ahead log into the database, as far as readers allow).
  virtual void checkpoint() = 0;

  // Whether an interrupted or stopped run stored a document with this id and
  // this raw text: re-running that ingest resumes it, keeping the document
  // as the run stored it rather than analysing it again.
  virtual bool resumable(const Document& doc) const = 0;
  // Takes such a document into the current run (Resumed), or tells a repeat
  // within this run as put does (Repeated, Conflict); nullopt when the stored
  // copy is no longer resumable (the document must be analysed and put).
  // Call inside a Transaction.
  virtual std::optional<PutResult> resume(const Document& doc, std::string* origin_of_first = nullptr) = 0;

  // Writes a document with its sentences, actors and mentions; call inside a
  // Transaction. Fingerprints recorded common are not stored.
  // `origin_of_first` receives where the kept copy came from on Repeated/Conflict.
  virtual PutResult put(const Document& doc, std::string* origin_of_first = nullptr) = 0;

  // A document with its sentences, mentions and the actors they refer to,
  // quantities, events and claims.
  virtual std::optional<Document> get(const std::string& id) const = 0;
  // Streams every document in id order; text and sentences only when asked.
  virtual void for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const = 0;
  // Documents whose title or text has all the words of `words` (any order,
  // accents ignored; empty: every document), dated within [from, to]:
  // without words newest first (then by id), with words best match first
  // (each backend ranks in its own way). Finds what index_for_search has indexed.
  struct DocumentQuery {
    std::string words, from, to;
    std::size_t limit = 50, offset = 0;
  };
  virtual std::vector<DocumentSummary> find_documents(const DocumentQuery& query) const = 0;
  // Indexes the documents stored since the last call; returns how many.
  virtual std::size_t index_for_search() = 0;
  // Actors with at least one mention, most mentioned first (then by id),
  // with every name they have been seen under.
  virtual void for_each_actor(const std::function<void(const ActorSummary&)>& fn) const = 0;
  virtual std::optional<ActorSummary> actor(const std::string& id) const = 0;  // none if never mentioned

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
  // Ordered by document id, then as each document's events were stored.
  virtual void for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) const = 0;
  virtual void for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const = 0;
  // Quantities with the document they come from and their text, by document and position.
  virtual void for_each_quantity(
      const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const = 0;
  // Document id -> its main event's id.
  virtual std::vector<std::pair<std::string, std::string>> main_events() const = 0;

  // A relation as one sentence states it, with where and when.
  struct StoredRelation {
    Relation relation;
    std::string doc, date, story, evidence, source;  // source: the document's outlet
  };
  struct RelationFilter {
    std::string actor;     // either end, by id
    std::string from, to;  // dates of the stating documents: YYYY-MM-DD, inclusive
  };
  // Ordered by type, source and target, so that one relation's evidence is
  // consecutive, then by document and sentence.
  virtual void for_each_relation(const RelationFilter& filter,
                                 const std::function<void(const StoredRelation&)>& fn) const = 0;
  struct StoredClaim {
    Claim claim;
    std::string doc, story, evidence;
  };
  // By document and position.
  virtual void for_each_claim(const std::function<void(const StoredClaim&)>& fn) const = 0;

  // Stories: each with its documents, by story name.
  struct StorySummary {
    std::string story;
    std::vector<std::string> documents;  // first the story's own document
  };
  virtual void for_each_story(const std::function<void(const StorySummary&)>& fn) const = 0;
  virtual StoreStats stats() const = 0;

  // What merging looks up and changes (the policy is in merge.h).
  //
  // For each of `fingerprints` (k its position), the first `limit` documents
  // holding it, by id, with how many fingerprints each holds in all, the
  // document `asking` (the one being merged, if stored already) left out
  // after the limit. A fingerprint recorded common has none. A backend may
  // look up with it what putting `asking` next will need.
  virtual void for_each_holder(const std::vector<uint64_t>& fingerprints, std::size_t limit, const std::string& asking,
                               const std::function<void(std::size_t k, std::string_view doc, std::size_t own)>& fn) = 0;
  // Records a fingerprint as common: its holders are no longer kept or found.
  virtual void mark_common(uint64_t fingerprint) = 0;
  virtual std::optional<std::string> text_of(const std::string& id) const = 0;
  virtual std::string story_of(const std::string& id) const = 0;
  virtual void rename_story(const std::string& from, const std::string& to) = 0;
  // Rewrites a stored document's story, duplicate_of and fingerprints.
  virtual void set_story(const Document& doc) = 0;
  // Events that may repeat one of a document's, without evidence text: those
  // of `docs` (the stored documents it copies: a few, whatever the size of
  // their story), document by document as given; those of other documents
  // with an event's type, day, place (the same coordinates when geocoded,
  // else the same name) and one of its actors, for each of `events` (i its
  // position) until fn returns false for it. Each document's in the order
  // they were stored.
  virtual void for_each_event_of_documents(const std::vector<std::string>& docs,
                                           const std::function<void(const StoredEvent&)>& fn) const = 0;
  virtual void for_each_event_at(const std::string& doc, const std::vector<const Event*>& events,
                                 const std::function<bool(std::size_t i, const StoredEvent&)>& fn) const = 0;

 protected:
  explicit Store(std::string path) : path_(std::move(path)) {}
  // What Transaction and Snapshot do.
  virtual void begin_write() = 0;
  virtual void commit_write() = 0;
  virtual void rollback_write() noexcept = 0;
  virtual bool begin_read() const = 0;  // false: inside a transaction already
  virtual void end_read() const noexcept = 0;

 private:
  std::string path_;
};

}  // namespace mosaic
