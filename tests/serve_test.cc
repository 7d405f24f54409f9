// The JSON API and the HTTP server: resources and filters, bad parameters,
// search, the token-gated ingest endpoint, request size and rate limits.
#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>
#include <thread>

#include "helpers.h"
#include "store/backend.h"
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

// A store of our two articles at `url`, ingested through the real path.
std::string make_store(const std::string& url, const TempDir& dir) {
  const auto store_store = Store::open(url);
  Store& store = *store_store;
  const Pipeline pipeline(test::bundled());
  ingest(store, pipeline, {dir.write("articles.jsonl", kArticles)}, {});
  return url;
}

// The API and the server answer alike whatever the store: each test runs on
// every backend (the PostgreSQL runs skip without a server: store/backend.h).
class OnEveryBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<test::Backend>(GetParam());
    if (backend_->url().empty()) GTEST_SKIP() << backend_->why_not();
  }
  // A store of our two articles in this test's backend; its URL.
  std::string make_store() const { return mosaic::make_store(backend_->url(), backend_->dir()); }

  std::unique_ptr<test::Backend> backend_;
};
class Api : public OnEveryBackend {};
class Serving : public OnEveryBackend {};

json get(const Store& store, const std::string& path, const Params& params = {}, int status = 200) {
  const ApiResponse r = api_get(store, path, params);
  EXPECT_EQ(r.status, status) << path << ": " << r.body;
  return json::parse(r.body);
}

TEST_P(Api, DocumentsListSearchAndWindow) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
  EXPECT_EQ(get(store, "/api/documents").size(), 2u);
  EXPECT_EQ(get(store, "/api/documents", {{"from", "2024-04-01"}})[0]["id"], "north-2");
  store.index_for_search();
  const json found = get(store, "/api/documents", {{"q", "kadugli shelling"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], "north-1");
  EXPECT_NE(found[0]["snippet"].get<std::string>().find("[Kadugli]"), std::string::npos);
  EXPECT_TRUE(get(store, "/api/documents", {{"q", "\"unbalanced OR ("}}).empty());  // typed text is never query syntax
}

TEST_P(Api, ADocumentCarriesItsExtractionsAsSpans) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
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

TEST_P(Api, ActorsWithTheirEventsAndFilters) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
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

TEST_P(Api, AnActorsRelationsAreItsOwn) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
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

TEST_P(Api, EventsFilteredByTypePlaceAndDate) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
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

// Parameters and ids that are not text, rows asked for by the zero that
// meant "no limit", parameters no resource reads: clear 400s and 404s, never
// a 500 with a library's words.
TEST_P(Api, ParametersAndIdsThatAreNotTextOrNotKnownAreRefused) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
  get(store, "/api/events", {{"limit", "0"}}, 400);
  EXPECT_EQ(get(store, "/api/events", {{"limit", "99999999999999999999999"}}).size(), get(store, "/api/events").size());
  get(store, "/api/events", {{"place", std::string("Kad\0ugli", 8)}}, 400);
  get(store, "/api/events", {{"place", "Kad\xFFugli"}}, 400);
  get(store, "/api/documents/north\xC3", {}, 404);
  get(store, std::string("/api/documents/north-1\0x", 23), {}, 404);
  EXPECT_NE(get(store, "/api/contradictions", {{"nonce", "1"}}, 400)["error"].get<std::string>().find("no parameters"),
            std::string::npos);
  EXPECT_NE(get(store, "/api/events", {{"palce", "Kadugli"}}, 400)["error"].get<std::string>().find("known: type"),
            std::string::npos);
}

// A store written before ids were decoded may hold bytes that are not UTF-8:
// its answers carry U+FFFD for them rather than failing. (SQLite only:
// PostgreSQL refuses such text.)
TEST(ApiOnSqlite, AStoreHoldingBytesThatAreNotUtf8StillAnswers) {
  TempDir dir;
  const std::string db = make_store(dir.file("api.db"), dir);
  {
    const auto store_store = Store::open(db);
    Store& store = *store_store;
    Store::Transaction tx(store);
    store.begin_run("old");
    Document d;
    d.id = "caf\xE9";
    d.raw = d.text = "Talks resumed.";
    d.origin = "old.csv:2";
    d.sentences = {Sentence{Span{0, 14}}};
    store.put(d);
    tx.commit();
  }
  const auto store_store = Store::open(db, Store::Mode::ReadOnly);
  Store& store = *store_store;
  const json docs = get(store, "/api/documents");
  EXPECT_EQ(docs.size(), 3u);
  EXPECT_TRUE(std::any_of(docs.begin(), docs.end(), [](const json& d) { return d["id"] == "caf\uFFFD"; }));
}

TEST_P(Api, BadParametersAndUnknownPathsAreClearErrors) {
  const auto store_store = Store::open(make_store());
  Store& store = *store_store;
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
  int port() const { return port_; }

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

TEST_P(Serving, IngestNeedsItsTokenAndThenStoresAndIndexes) {
  const Pipeline pipeline(test::bundled());
  {
    Running off(options(make_store()), &pipeline);
    EXPECT_EQ(off.client().Post("/api/ingest", kArticles, "application/x-ndjson")->status, 403);
  }
  ServeOptions o = options(backend_->url());
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

TEST_P(Serving, LimitsOnBodySizeAndRequestRate) {
  ServeOptions o = options(make_store());
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

// A raw connection to the server, for what httplib's client will not send.
class Raw {
 public:
  explicit Raw(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Raw() { close(fd_); }
  bool ok() const { return ok_; }
  bool send_text(const std::string& s) { return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == ssize_t(s.size()); }
  // What the server answers until it closes, or until `seconds` pass.
  std::string answer(int seconds = 20) {
    std::string out;
    char buf[4096];
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      const ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, std::size_t(n));
    }
    return out;
  }
  int status(int seconds = 20) {
    const std::string a = answer(seconds);
    return a.size() > 12 && a.starts_with("HTTP/1.1 ") ? std::stoi(a.substr(9, 3)) : 0;
  }

 private:
  int fd_;
  bool ok_ = false;
};

// As many slow clients as there are workers, and many more, each sending a
// request head a little at a time: they wait at the door, and others are
// served. (With 8 such connections the server used to answer no one.)
TEST_P(Serving, SlowHeadsWaitAtTheDoorWhileOthersAreServed) {
  ServeOptions o = options(make_store());
  o.threads = 2;
  o.rate = o.burst = 1e6;
  Running running(o, nullptr);
  std::vector<std::unique_ptr<Raw>> slow;
  for (int i = 0; i < 60; ++i) {
    slow.push_back(std::make_unique<Raw>(running.port()));
    ASSERT_TRUE(slow.back()->send_text("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  }
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    const auto r = running.client().Get("/api/stats");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // A head that never ends is answered and closed when it outgrows its room,
  // and one that never comes, when its time is up.
  Raw endless(running.port());
  std::string head = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 200; ++i) head += "X-Header-" + std::to_string(i) + ": yes\r\n";
  endless.send_text(head + "\r\n");
  EXPECT_EQ(endless.status(), 431);
  Raw huge(running.port());
  huge.send_text("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(40000, 'x'));
  EXPECT_EQ(huge.status(), 431);
  EXPECT_EQ(slow.front()->status(30), 408);
}

// No body is read but an authorised ingest's, and that one no further than
// its cap, counted as it streams (a chunked body declares no length).
TEST_P(Serving, BodiesAreReadOnlyForAnAuthorisedIngestAndNoFurtherThanTheCap) {
  ServeOptions o = options(make_store());
  o.token = "s3cret";
  o.max_body = 4096;
  o.rate = o.burst = 1e6;
  const Pipeline pipeline(test::bundled());
  Running running(o, &pipeline);
  const std::string chunk = "1000\r\n" + std::string(4096, 'x') + "\r\n";
  auto post = [&](const std::string& headers) {
    Raw r(running.port());
    r.send_text("POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n" + headers + "\r\n");
    for (int i = 0; i < 4; ++i) r.send_text(chunk);  // more than the cap, and never an end
    return r.status();
  };
  EXPECT_EQ(post(""), 401);  // answered before any of the body is read
  EXPECT_EQ(post("Authorization: Bearer s3cre\r\n"), 401);
  EXPECT_EQ(post("Authorization: Bearer s3cret\r\n"), 413);
  EXPECT_EQ(post("Authorization: Bearer s3cret\r\nContent-Type: application/x-www-form-urlencoded\r\n"), 415);
  Raw declared(running.port());
  declared.send_text("POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
                     "Content-Length: 999999999\r\n\r\n");
  EXPECT_EQ(declared.status(), 413);
  Raw get_body(running.port());
  get_body.send_text("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk);
  EXPECT_EQ(get_body.status(), 400);
  auto c = running.client();
  EXPECT_EQ(c.Put("/api/ingest", "x", "text/plain")->status, 405);
  EXPECT_EQ(c.Put("/api/ingest", "x", "text/plain")->get_header_value("Allow"), "POST");
  EXPECT_EQ(c.Post("/api/stats", "x", "text/plain")->status, 405);
  EXPECT_EQ(c.Delete("/api/documents/north-1")->status, 405);
  EXPECT_EQ(c.Options("/api/stats")->status, 405);
}

// The body goes from the socket into the ingest: nothing is written to disk
// but the store, however long the feed.
TEST_P(Serving, AnIngestStreamsItsBodyAndLeavesNoFile) {
  ServeOptions o = options(make_store());
  o.token = "s3cret";
  const Pipeline pipeline(test::bundled());
  Running running(o, &pipeline);
  std::string feed;
  for (int i = 0; i < 300; ++i)
    feed += json{{"id", "post-" + std::to_string(i)}, {"text", "A convoy reached El Obeid on Saturday, the agency said. Report " +
                                                                    std::to_string(i) + "."}}
                .dump() +
            "\n";
  auto c = running.client();
  c.set_bearer_token_auth("s3cret");
  // Files, not folders: other tests running meanwhile make temporary folders.
  auto files_in_tmp = [] {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
      if (e.is_regular_file()) out.insert(e.path().filename().string());
    return out;
  };
  const auto before = files_in_tmp();
  const auto r = c.Post("/api/ingest", feed, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["stored"], 300);
  for (const std::string& f : files_in_tmp()) EXPECT_TRUE(before.count(f) || !f.starts_with("mosaic")) << f << " left in the temporary folder";
}

// A page of another site whose name was pointed at this machine (DNS
// rebinding) sends that name as its Host: refused. Loopback names, addresses
// and names allowed with --allow-host are served.
TEST_P(Serving, ForeignHostNamesAreRefused) {
  ServeOptions o = options(make_store());
  o.allowed_hosts = {"mosaic.lan"};
  Running running(o, nullptr);
  auto c = running.client();
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "evil.example"}})->status, 403);
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "evil.example:8080"}})->status, 403);
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "localhost:8080"}})->status, 200);
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "127.0.0.1"}})->status, 200);
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "[::1]:8080"}})->status, 200);
  EXPECT_EQ(c.Get("/api/stats", {{"Host", "Mosaic.LAN"}})->status, 200);
}

// Every answer says what it is, may not be sniffed as something else, framed
// or run from elsewhere; a path holding a NUL is no file's.
TEST_P(Serving, AnswersCarryTheirTypeAndSecurityHeaders) {
  TempDir dir;
  ServeOptions o = options(make_store());
  o.web_dir = dir.path().string();
  dir.write("index.html", "<!doctype html><title>t</title>");
  dir.write("app.js", "console.log(1);");
  Running running(o, nullptr);
  auto c = running.client();
  EXPECT_EQ(c.Get("/api/stats")->get_header_value("Content-Type"), "application/json");
  for (const char* path : {"/api/stats", "/app.js", "/api/nothing", "/"}) {
    const auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  }
  EXPECT_EQ(c.Get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(c.Get("/app.js%00.html")->status, 400);
  EXPECT_EQ(c.Get("/%FF.html")->status, 400);
  EXPECT_EQ(c.Get("/api/events?place=%00")->status, 400);
  EXPECT_EQ(c.Get("/api/documents/%FF")->status, 400);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, Api, ::testing::ValuesIn(test::kBackends),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(EveryBackend, Serving, ::testing::ValuesIn(test::kBackends),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace mosaic
