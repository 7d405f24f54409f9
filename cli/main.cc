// mosaic: the command line over libmosaic.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "mosaic/problem.h"

int main(int argc, char** argv) {
  using namespace mosaic::cli;
  CLI::App app{"Mosaic: a source-attributed model of armed conflicts from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", MOSAIC_VERSION_STRING);
  Common common;
  auto add_common = [&](CLI::App* cmd, bool db = true) {
    if (db)
      cmd->add_option("--db", common.db, "store: a SQLite file (PATH or sqlite:PATH) or postgresql://... (default: $MOSAIC_DB, else mosaic.db)")
          ->envname("MOSAIC_DB")
          ->capture_default_str();
    cmd->add_option("--data", common.data, "folder of knowledge files (default: bundled data)");
    cmd->add_flag("-q,--quiet", common.quiet, "no progress or warnings");
  };
  auto add_lexicon = [&](CLI::App* cmd) {
    cmd->add_option("--lexicon", common.lexicons, "extra actor file (format of data/lexicon/actors.tsv); repeatable")
        ->check(CLI::ExistingFile);
  };

  IngestArgs ingest_args;
  auto* ingest_cmd = app.add_subcommand("ingest", "read articles into the store");
  add_common(ingest_cmd);
  add_lexicon(ingest_cmd);
  ingest_cmd->add_option("inputs", ingest_args.inputs, ".txt/.jsonl/.csv files, folders, or - for stdin")
      ->required();
  ingest_cmd->add_option("--format", ingest_args.format, "auto|text|jsonl|csv")->capture_default_str();
  ingest_cmd->add_option("--csv-map", ingest_args.csv_map, "CSV columns, e.g. id=unit_id,text=article_content");
  ingest_cmd->add_option("--id", ingest_args.stdin_id, "document id for plain text on stdin")->capture_default_str();
  ingest_cmd->add_option("--batch", ingest_args.batch, "documents per transaction")->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  ingest_cmd->add_option("--max-doc-mb", ingest_args.max_doc_mb, "largest document accepted")
      ->capture_default_str()->check(CLI::PositiveNumber);
  const std::string jobs_help = fmt::format(
      "threads analysing documents (default 0: one a core, {} here); merging and writing stay on one, in the "
      "order read, so the store is the same for any number",
      [] {
        mosaic::IngestOptions cores;
        cores.jobs = 0;
        return cores.threads();
      }());
  ingest_cmd->add_option("-j,--jobs", ingest_args.jobs, jobs_help)->capture_default_str()->check(CLI::Range(0, 1024));
  ingest_cmd->add_option("--to", ingest_args.to, "nats://HOST:PORT: publish the documents to the cluster's stream "
                                                 "instead of storing them (`mosaic worker` stores them)");

  WorkerArgs worker_args;
  auto* worker_cmd = app.add_subcommand("worker", "pull documents from the cluster's stream, analyse them and store them");
  add_common(worker_cmd);
  add_lexicon(worker_cmd);
  worker_cmd->add_option("--from", worker_args.from, "nats://HOST:PORT")->required();
  worker_cmd->add_option("--group", worker_args.group, "the durable consumer: one per store fed")->capture_default_str();
  worker_cmd->add_option("--name", worker_args.name, "this worker in `mosaic status` (default: host.pid)");
  worker_cmd->add_option("--batch", worker_args.batch, "documents pulled and written at a time")->capture_default_str()
      ->check(CLI::Range(1, 100000));
  worker_cmd->add_option("--ack-wait", worker_args.ack_wait, "seconds before a document held by a silent worker is "
                                                              "delivered again")->capture_default_str()
      ->check(CLI::Range(1.0, 86400.0));
  worker_cmd->add_option("--max-deliver", worker_args.max_deliver, "deliveries before a document is dead-lettered as "
                                                                    "one that stops workers")->capture_default_str()
      ->check(CLI::Range(1, 1000));
  worker_cmd->add_flag("--exit-when-idle", worker_args.exit_when_idle, "stop once the stream is drained");

  StatusArgs status_args;
  auto* status_cmd = app.add_subcommand("status", "the cluster's queue, workers and dead letters");
  status_cmd->add_option("--from", status_args.from, "nats://HOST:PORT")->required();
  status_cmd->add_option("--group", status_args.group, "the durable consumer")->capture_default_str();

  std::string export_format = "json", output;
  auto* export_cmd = app.add_subcommand("export", "write the store as json (mosaic/1), jsonl, csv (ACLED columns) or geojson (events as points)");
  add_common(export_cmd);
  export_cmd->add_option("--format", export_format, "json|jsonl|csv|geojson")->capture_default_str();
  export_cmd->add_option("-o,--output", output, "file to write (default stdout); written whole or not at all");

  auto* stats_cmd = app.add_subcommand("stats", "counts of what the store holds");
  add_common(stats_cmd);

  mosaic::query::DocumentFilter doc_query;
  auto* docs_cmd = app.add_subcommand("docs", "list documents, newest first, or search them");
  add_common(docs_cmd);
  docs_cmd->add_option("--search", doc_query.words, "words the title or text must all have (accents ignored)");
  docs_cmd->add_option("--from", doc_query.from, "first date, YYYY-MM-DD");
  docs_cmd->add_option("--to", doc_query.to, "last date, YYYY-MM-DD");
  docs_cmd->add_option("--limit", doc_query.limit)->capture_default_str();
  docs_cmd->add_option("--offset", doc_query.offset)->capture_default_str();

  std::string doc_id;
  auto* show_cmd = app.add_subcommand("show", "a document, its sentences and its extractions");
  add_common(show_cmd);
  show_cmd->add_option("doc", doc_id, "document id")->required();

  mosaic::query::ActorFilter actor_filter;
  actor_filter.limit = 50;
  auto* actors_cmd = app.add_subcommand("actors", "list actors with type, country, mentions and documents");
  add_common(actors_cmd);
  actors_cmd->add_option("--type", actor_filter.type, "only this type (state, rebel_group, ...)");
  actors_cmd->add_option("--country", actor_filter.country, "only this country (ISO alpha-3)");
  actors_cmd->add_option("--name", actor_filter.name, "only the actor with this id, or names or aliases containing this text");
  actors_cmd->add_option("--limit", actor_filter.limit)->capture_default_str();

  mosaic::query::EventFilter event_args;
  event_args.limit = 100;
  auto* events_cmd = app.add_subcommand("events", "list events with their type, actors, place, date and deaths");
  add_common(events_cmd);
  events_cmd->add_option("--type", event_args.type, "ACLED event type or sub-event type, e.g. \"Air/drone strike\"");
  events_cmd->add_option("--actor", event_args.actor, "an actor's id, or part of a name or alias");
  events_cmd->add_option("--place", event_args.place, "part of the place name");
  events_cmd->add_option("--from", event_args.from, "first date, YYYY-MM-DD");
  events_cmd->add_option("--to", event_args.to, "last date, YYYY-MM-DD");
  events_cmd->add_option("--limit", event_args.limit)->capture_default_str();

  auto* migrate_cmd = app.add_subcommand("migrate", "bring a store's schema up to date");
  add_common(migrate_cmd);

  BenchArgs bench_args;
  auto* bench_cmd = app.add_subcommand("bench", "measure ingest throughput and memory on documents built from a corpus");
  add_common(bench_cmd, false);
  bench_cmd->add_option("--db", bench_args.db, "store to ingest into (default: a new SQLite file in a temporary folder); "
                                               "best an empty one, as ids repeat from one bench to the next");
  add_lexicon(bench_cmd);
  bench_cmd->add_option("corpus", bench_args.corpus, "articles to draw sentences from")->required();
  bench_cmd->add_option("-n,--documents", bench_args.documents, "documents to generate")->capture_default_str();
  bench_cmd->add_option("--doc-bytes", bench_args.doc_bytes, "size of each document")->capture_default_str();
  bench_cmd->add_option("--csv-map", bench_args.csv_map, "CSV columns of the corpus, as for ingest");
  bench_cmd->add_flag("--keep", bench_args.keep, "keep the generated JSONL and store");
  bench_cmd->add_option("-j,--jobs", bench_args.jobs, jobs_help)->capture_default_str()->check(CLI::Range(0, 1024));
  bench_cmd->add_option("--write-jsonl", bench_args.jsonl, "write the generated documents to this JSONL file and stop "
                                                           "(to ingest them elsewhere: a cluster's workers)");

  StoryBenchArgs story_bench;
  auto* story_bench_cmd = app.add_subcommand(
      "bench-stories", "measure copy detection on copies made from a corpus (prefixes, dropped words, footers, ...)");
  add_common(story_bench_cmd);
  story_bench_cmd->add_option("corpus", story_bench.corpus, "original articles")->required();
  story_bench_cmd->add_option("--csv-map", story_bench.csv_map, "CSV columns of the corpus, as for ingest");
  story_bench_cmd->add_option("--seed", story_bench.seed, "seed of the copies made")->capture_default_str();

  std::size_t story_limit = 50;
  bool rebuild = false;
  auto* stories_cmd = app.add_subcommand("stories", "list stories told by more than one document");
  add_common(stories_cmd);
  stories_cmd->add_option("--limit", story_limit)->capture_default_str();
  stories_cmd->add_flag("--rebuild", rebuild, "recompute every document's story (for stores made before stories)");

  std::string graph_format = "graphml", window_from, window_to, graph_output;
  auto* graph_cmd = app.add_subcommand("graph", "the actor graph: relations weighted by the stories that state them");
  add_common(graph_cmd);
  graph_cmd->add_option("--format", graph_format, "graphml|gexf|json")->capture_default_str();
  graph_cmd->add_option("--from", window_from, "only relations stated from this date (YYYY-MM-DD)");
  graph_cmd->add_option("--to", window_to, "only relations stated up to this date");
  graph_cmd->add_option("-o,--output", graph_output, "file to write (default stdout)");

  auto* sides_cmd = app.add_subcommand("sides", "partition actors into camps from their alliances and enmities");
  add_common(sides_cmd);
  sides_cmd->add_option("--from", window_from, "only relations stated from this date");
  sides_cmd->add_option("--to", window_to, "only relations stated up to this date");

  auto* contradictions_cmd = app.add_subcommand("contradictions", "the same count or report told differently");
  add_common(contradictions_cmd);

  ServeArgs serve_args;
  auto* serve_cmd = app.add_subcommand("serve", "the JSON API and the web page over a store");
  add_common(serve_cmd);
  add_lexicon(serve_cmd);
  serve_cmd->add_option("--host", serve_args.options.host, "address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve_args.options.port, "port (0: any free one)")->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--web", serve_args.options.web_dir, "the built web page (default: web/dist of this build)");
  serve_cmd->add_option("--token", serve_args.options.token,
                        "enables POST /api/ingest for requests bearing it; prefer MOSAIC_TOKEN (a command line "
                        "is visible to every user of the machine)");
  serve_cmd->add_option("--allow-host", serve_args.options.allowed_hosts,
                        "a host name requests may use besides localhost and IP addresses; repeatable");
  serve_cmd->add_option("--rate", serve_args.options.rate, "requests per second per client")->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--burst", serve_args.options.burst, "requests per client in a burst")->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--max-body-mb", serve_args.max_body_mb, "largest request body")->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--threads", serve_args.options.threads, "requests served at once")->capture_default_str()
      ->check(CLI::Range(1, 256));

  CLI11_PARSE(app, argc, argv);
  try {
    if (*ingest_cmd) return ingest(common, ingest_args);
    if (*worker_cmd) return worker(common, worker_args);
    if (*status_cmd) return status(status_args);
    if (*export_cmd) return export_(common, export_format, output);
    if (*stats_cmd) return stats(common);
    if (*docs_cmd) return docs(common, doc_query);
    if (*show_cmd) return show(common, doc_id);
    if (*actors_cmd) return actors(common, actor_filter);
    if (*events_cmd) return events(common, event_args);
    if (*migrate_cmd) return migrate(common);
    if (*bench_cmd) return bench(common, bench_args);
    if (*story_bench_cmd) return bench_stories(common, story_bench);
    if (*stories_cmd) return stories(common, story_limit, rebuild);
    if (*graph_cmd) return graph(common, graph_format, window_from, window_to, graph_output);
    if (*sides_cmd) return sides(common, window_from, window_to);
    if (*contradictions_cmd) return contradictions(common);
    if (*serve_cmd) return serve(common, serve_args);
  } catch (const mosaic::Error& e) {
    fmt::print(stderr, "mosaic: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "mosaic: internal error: {}\n", e.what());
    return 2;
  }
  return 0;
}
