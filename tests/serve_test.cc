// The JSON API and the HTTP server: resources and filters, bad parameters,
// search, the token-gated ingest endpoint, request size and rate limits.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "helpers.h"
#include "mosaic/serve.h"

namespace mosaic {
namespace {

using test::TempDir;
using json = nlohmann::json;

constexpr const char* kArticles =
    R"({"id": "north-1", "date": "2024-03-02", "source": "Test Wire", "title": "Shelling kills five in Kadugli", )"
    R"("text": "Shelling kills five in Kadugli\n\nKADUGLI, Sudan - Shelling by the Rapid Support Forces killed five )"
    R"(civilians in Kadugli on Friday, residents said. The army said its troops repelled an attack on the town. )"
    R"(Army troops later clashed with the Rapid Support Forces east of Kadugli."})"
    "\n"
    R"({"id": "north-2", "date": "2024-05-11", "source": "Test Daily", "title": "Aid convoy reaches El Obeid", )"
    R"("text": "Aid convoy reaches El Obeid\n\nEL OBEID, Sudan - A convoy of the World Food Programme reached )"
    R"(El Obeid on Saturday after weeks of delay, the agency said."})"
    "\n";

// A store of our two articles, ingested through the real path.
std::string make_store(const TempDir& dir) {
  const std::string db = dir.file("api.db");
  Store store(db);
  const Pipeline pipeline(test::bundled());
  ingest(store, pipeline, {dir.write("articles.jsonl", kArticles)}, {});
  return db;
}

json get(const Store& store, const std::string& path, const Params& params = {}, int status = 200) {
  const ApiResponse r = api_get(store, path, params);
  EXPECT_EQ(r.status, status) << path << ": " << r.body;
  return json::parse(r.body);
}

TEST(Api, DocumentsListSearchAndWindow) {
  TempDir dir;
  Store store(make_store(dir));
  EXPECT_EQ(get(store, "/api/documents").size(), 2u);
  EXPECT_EQ(get(store, "/api/documents", {{"from", "2024-04-01"}})[0]["id"], "north-2");
  store.index_for_search();
  const json found = get(store, "/api/documents", {{"q", "kadugli shelling"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], "north-1");
  EXPECT_NE(found[0]["snippet"].get<std::string>().find("[Kadugli]"), std::string::npos);
  EXPECT_TRUE(get(store, "/api/documents", {{"q", "\"unbalanced OR ("}}).empty());  // typed text is never query syntax
}

TEST(Api, ADocumentCarriesItsExtractionsAsSpans) {
  TempDir dir;
  Store store(make_store(dir));
  const json d = get(store, "/api/documents/north-1");
  const std::string text = d["text"];
  ASSERT_FALSE(d["mentions"].empty());
  ASSERT_FALSE(d["events"].empty());
  const auto slice = [&](const json& span) { return text.substr(span[0], span[1].get<size_t>() - span[0].get<size_t>()); };
  bool rsf = false;
  for (const json& m : d["mentions"]) rsf |= slice(m["span"]) == "Rapid Support Forces";
  EXPECT_TRUE(rsf);
  EXPECT_EQ(slice(d["events"][0]["trigger"]), "Shelling");
  EXPECT_EQ(d["events"][0]["location"]["name"], "Kadugli");
  get(store, "/api/documents/nowhere", {}, 404);
}

TEST(Api, ActorsWithTheirEventsAndFilters) {
  TempDir dir;
  Store store(make_store(dir));
  const json army = get(store, "/api/actors", {{"name", "military forces"}});
  ASSERT_EQ(army.size(), 1u);
  const json detail = get(store, "/api/actors/" + army[0]["id"].get<std::string>());
  EXPECT_EQ(detail["name"], "Military Forces of Sudan");
  EXPECT_EQ(detail["type"], "state_forces");
  ASSERT_FALSE(detail["events"].empty());
  EXPECT_EQ(detail["events"][0]["doc"], "north-1");
  for (const json& e : detail["events"]) {  // its own events only, not those of actors with a like name
    const bool own = std::find(e["actor1"].begin(), e["actor1"].end(), detail["id"]) != e["actor1"].end() ||
                     std::find(e["actor2"].begin(), e["actor2"].end(), detail["id"]) != e["actor2"].end();
    EXPECT_TRUE(own) << e;
  }
  EXPECT_EQ(get(store, "/api/actors", {{"type", "rebel_group"}})[0]["name"], "RSF: Rapid Support Forces");
  EXPECT_TRUE(get(store, "/api/actors", {{"type", "igo"}, {"name", "military"}}).empty());
  get(store, "/api/actors/nobody", {}, 404);
}

TEST(Api, AnActorsRelationsAreItsOwn) {
  TempDir dir;
  Store store(make_store(dir));
  const std::string army = get(store, "/api/actors", {{"name", "military forces"}})[0]["id"];
  const json relations = get(store, "/api/actors/" + army)["relations"];
  ASSERT_FALSE(relations.empty());
  for (const json& r : relations) EXPECT_TRUE(r["source"] == army || r["target"] == army) << r;
  EXPECT_EQ(get(store, "/api/relations", {{"actor", army}}).size(), relations.size());
  EXPECT_TRUE(get(store, "/api/relations", {{"actor", army}, {"to", "2024-01-01"}}).empty());
  EXPECT_EQ(get(store, "/api/relations", {{"actor", army}, {"from", "2024-03-01"}, {"to", "2024-03-31"}}).size(),
            relations.size());
  EXPECT_TRUE(get(store, "/api/relations", {{"actor", "nobody"}}).empty());
}

TEST(Api, EventsFilteredByTypePlaceAndDate) {
  TempDir dir;
  Store store(make_store(dir));
  const json all = get(store, "/api/events");
  ASSERT_FALSE(all.empty());
  EXPECT_FALSE(get(store, "/api/events", {{"type", all[0]["event_type"]}}).empty());
  for (const json& e : get(store, "/api/events", {{"type", "Armed clash"}}))  // a sub-event type without a slash
    EXPECT_EQ(e["sub_event_type"], "Armed clash");
  EXPECT_FALSE(get(store, "/api/events", {{"type", "Armed clash"}}).empty());
  EXPECT_FALSE(get(store, "/api/events", {{"place", "Kadugli"}}).empty());
  EXPECT_TRUE(get(store, "/api/events", {{"to", "2024-01-01"}}).empty());
  EXPECT_EQ(get(store, "/api/events", {{"limit", "1"}}).size(), 1u);
}

TEST(Api, BadParametersAndUnknownPathsAreClearErrors) {
  TempDir dir;
  Store store(make_store(dir));
  EXPECT_NE(get(store, "/api/events", {{"from", "March"}}, 400)["error"].get<std::string>().find("YYYY-MM-DD"),
            std::string::npos);
  EXPECT_NE(get(store, "/api/documents", {{"limit", "ten"}}, 400)["error"].get<std::string>().find("whole number"),
            std::string::npos);
  get(store, "/api/secrets", {}, 404);
  get(store, "/api/stats/extra", {}, 404);
  for (const char* path : {"/api/stats", "/api/graph", "/api/relations", "/api/stories", "/api/claims",
                           "/api/contradictions"})
    get(store, path);
}

// A server on a free loopback port, serving until the fixture ends.
class Running {
 public:
  Running(ServeOptions o, const Pipeline* p) : server_(std::move(o), p) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~Running() {
    server_.stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }

 private:
  Server server_;
  int port_ = 0;
  std::thread thread_;
};

ServeOptions options(const std::string& db) {
  ServeOptions o;
  o.db = db;
  o.port = 0;
  o.threads = 2;
  return o;
}

TEST(Server, IngestNeedsItsTokenAndThenStoresAndIndexes) {
  TempDir dir;
  const Pipeline pipeline(test::bundled());
  {
    Running off(options(make_store(dir)), &pipeline);
    EXPECT_EQ(off.client().Post("/api/ingest", kArticles, "application/x-ndjson")->status, 403);
  }
  ServeOptions o = options(dir.file("api.db"));
  o.token = "s3cret";
  Running on(o, &pipeline);
  auto c = on.client();
  EXPECT_EQ(c.Post("/api/ingest", kArticles, "application/x-ndjson")->status, 401);
  c.set_bearer_token_auth("s3cret");
  const std::string article =
      R"({"id": "south-1", "date": "2024-06-01", "title": "Clashes in Kosti", "text": "Clashes in Kosti\n\n)"
      R"(Fighting between the army and the Rapid Support Forces broke out in Kosti on Saturday."})"
      "\n";
  // Answers are kept until the store changes: asked twice, then after an ingest.
  const auto documents = [&] { return json::parse(c.Get("/api/stats")->body)["documents"].get<int>(); };
  const int before = documents();
  EXPECT_EQ(documents(), before);
  EXPECT_TRUE(json::parse(c.Get("/api/documents?q=kosti")->body).empty());
  const auto r = c.Post("/api/ingest", article, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["stored"], 1);
  EXPECT_EQ(documents(), before + 1);
  const auto found = c.Get("/api/documents?q=kosti");
  ASSERT_TRUE(found);
  EXPECT_EQ(json::parse(found->body)[0]["id"], "south-1");
  const auto broken = c.Post("/api/ingest", "{\"id\": \"x\", \"text\": \n", "application/x-ndjson");
  EXPECT_EQ(broken->status, 400);
  EXPECT_FALSE(json::parse(broken->body)["problems"].empty());
  EXPECT_EQ(c.Post("/api/ingest", "", "application/x-ndjson")->status, 400);
  const auto binary = c.Post("/api/ingest", std::string("\x00\xff\xfe\x01garbage", 12), "application/x-ndjson");
  EXPECT_EQ(binary->status, 400) << binary->body;
}

TEST(Server, LimitsOnBodySizeAndRequestRate) {
  TempDir dir;
  ServeOptions o = options(make_store(dir));
  o.token = "t";
  o.max_body = 1024;
  o.rate = 1;
  o.burst = 5;
  const Pipeline pipeline(test::bundled());
  Running running(o, &pipeline);
  auto c = running.client();
  c.set_bearer_token_auth("t");
  EXPECT_EQ(c.Post("/api/ingest", std::string(4096, 'x'), "application/x-ndjson")->status, 413);
  int refused = 0;
  for (int i = 0; i < 10; ++i) refused += c.Get("/api/stats")->status == 429;
  EXPECT_GE(refused, 4);
}

}  // namespace
}  // namespace mosaic
