// The query layer: one meaning for each filter, whichever shell asks. The
// same filters given to the command line (the built binary, run as a user
// runs it) and to the API give the same answers; a filter that cannot mean
// anything is refused with the same words by both.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.h"
#include "mosaic/query.h"
#include "mosaic/serve.h"

namespace mosaic {
namespace {

using test::TempDir;
using json = nlohmann::json;

// Reports written for these tests: two armies that fight each other, named
// once by an alias their canonical name does not hold ("Sudanese Armed
// Forces" for "Military Forces of Sudan"), a World Food Programme convoy,
// and a rebel group that backs one side.
constexpr const char* kArticles =
    R"({"id": "kordofan-1", "date": "2024-03-02", "source": "Test Wire", "title": "Shelling kills five in Kadugli", )"
    R"("text": "Shelling kills five in Kadugli\n\nKADUGLI, Sudan - Shelling by the Rapid Support Forces killed five )"
    R"(civilians in Kadugli on Friday, residents said. The Sudanese Armed Forces said its troops repelled an attack )"
    R"(on the town. The Sudanese Armed Forces later clashed with the Rapid Support Forces east of Kadugli."})"
    "\n"
    R"({"id": "kordofan-2", "date": "2024-05-11", "source": "Test Daily", "title": "Fighting in El Obeid", )"
    R"("text": "Fighting in El Obeid\n\nEL OBEID, Sudan - The army fought the Rapid Support Forces in El Obeid )"
    R"(on Saturday, killing twelve people, witnesses said. The Sudan People's Liberation Movement-North )"
    R"(supported the army, its spokesman said. A convoy of the World Food Programme reached the city later."})"
    "\n"
    R"({"id": "kordofan-3", "date": "2024-07-20", "source": "Test Wire", "title": "Airstrike on Dilling market", )"
    R"("text": "Airstrike on Dilling market\n\nDILLING, Sudan - An airstrike by the Sudanese Armed Forces hit a )"
    R"(market in Dilling on Thursday, killing three civilians, local activists said."})"
    "\n";

class Query : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("query.db");
    const auto opened = Store::open(db_);
    Store& store = *opened;
    const Pipeline pipeline(test::bundled());
    ingest(store, pipeline, {dir_.write("articles.jsonl", kArticles)}, {});
    store.index_for_search();
  }

  json api(const std::string& path, const Params& params = {}, int status = 200) const {
    const auto opened = Store::open(db_, Store::Mode::ReadOnly);
    const Store& store = *opened;
    const ApiResponse r = api_get(store, path, params);
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    return json::parse(r.body);
  }

  // The CLI run as a user runs it: its exit status, what it printed, what it said on stderr.
  struct Run {
    int status = 0;
    std::vector<std::string> lines;
    std::string err;
  };
  Run cli(const std::vector<std::string>& args) const {
    auto quoted = [](const std::string& s) {
      std::string q = "'";
      for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
      return q + "'";
    };
    std::string command = quoted(MOSAIC_CLI);
    for (const auto& a : args) command += " " + quoted(a);
    command += " --db " + quoted(db_) + " >" + quoted(dir_.file("out")) + " 2>" + quoted(dir_.file("err"));
    Run r;
    const int raw = std::system(command.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream out(dir_.file("out"));
    for (std::string line; std::getline(out, line);) r.lines.push_back(line);
    std::ostringstream err;
    err << std::ifstream(dir_.file("err")).rdbuf();
    r.err = err.str();
    return r;
  }
  // The first word of each line of a table after its heading: the ids it lists.
  static std::vector<std::string> first_words(const Run& r) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < r.lines.size(); ++i) {
      const std::string& line = r.lines[i];
      if (line.empty() || line.starts_with(" ") || line.starts_with("...")) continue;
      out.push_back(line.substr(0, line.find(' ')));
    }
    return out;
  }
  static std::vector<std::string> ids(const json& records, const char* key = "id") {
    std::vector<std::string> out;
    for (const json& r : records) out.push_back(r[key].get<std::string>());
    return out;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(Query, AnActorIsFoundByAnAliasItsNameDoesNotHold) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  const auto found = query::actors(store, {"", "", "sudanese armed", 0});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].actor.name, "Military Forces of Sudan");
  // The same filter through the API and the command line.
  const json by_api = api("/api/actors", {{"name", "sudanese armed"}});
  ASSERT_EQ(by_api.size(), 1u);
  EXPECT_EQ(by_api[0]["id"], found[0].actor.id);
  const Run by_cli = cli({"actors", "--name", "sudanese armed"});
  ASSERT_EQ(by_cli.status, 0) << by_cli.err;
  ASSERT_EQ(by_cli.lines.size(), 2u);  // the heading and the actor
  EXPECT_TRUE(by_cli.lines[1].starts_with("Military Forces of Sudan ")) << by_cli.lines[1];
}

TEST_F(Query, AnActorsIdNamesThatActorAloneAndTextEveryActorThatHoldsIt) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  const auto army = query::actors(store, {"", "", "sudanese armed forces", 0});
  ASSERT_EQ(army.size(), 1u);
  EXPECT_EQ(query::actors_named(store, army[0].actor.id), std::vector<std::string>{army[0].actor.id});
  // "forces" is in more than one actor's names: each of them.
  EXPECT_GE(query::actors_named(store, "FORCES").size(), 2u);
  EXPECT_TRUE(query::actors_named(store, "no such group anywhere").empty());
  EXPECT_TRUE(query::actors_named(store, "").empty());
}

TEST_F(Query, TheCliAndTheApiListTheSameEventsForTheSameFilters) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  const auto army = query::actors(store, {"", "", "sudanese armed forces", 0});
  ASSERT_EQ(army.size(), 1u);
  const std::vector<Params> filters = {
      {},
      {{"actor", "sudanese armed"}},   // an alias
      {{"actor", "forces"}},           // several actors' names
      {{"actor", army[0].actor.id}},   // an id
      {{"type", "Battles"}},           // an event type
      {{"type", "Air/drone strike"}},  // a sub-event type
      {{"place", "kadugli"}},
      {{"from", "2024-04-01"}, {"to", "2024-12-31"}},
      {{"actor", "rapid support"}, {"to", "2024-04-01"}},
  };
  std::size_t nonempty = 0;
  for (const Params& p : filters) {
    std::vector<std::string> args = {"events", "--limit", "1000"};
    for (const auto& [k, v] : p) args.push_back("--" + k), args.push_back(v);
    const Run by_cli = cli(args);
    ASSERT_EQ(by_cli.status, 0) << by_cli.err;
    Params with_limit = p;
    with_limit["limit"] = "1000";
    const auto by_api = ids(api("/api/events", with_limit));
    EXPECT_EQ(first_words(by_cli), by_api) << json(p).dump();
    query::EventFilter f{p.count("type") ? p.at("type") : "", p.count("actor") ? p.at("actor") : "",
                         p.count("place") ? p.at("place") : "", p.count("from") ? p.at("from") : "",
                         p.count("to") ? p.at("to") : "", 0, 0};
    std::vector<std::string> by_query;
    query::events(store, f, [&](const Store::StoredEvent& e) { by_query.push_back(e.event.id); });
    EXPECT_EQ(by_query, by_api) << json(p).dump();
    nonempty += !by_api.empty();
  }
  EXPECT_GE(nonempty, filters.size() - 2);  // the filters select something to compare
}

TEST_F(Query, AnEventFilterByActorTextKeepsItsLimitAndOffsetAcrossActors) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  std::vector<std::string> all, page;
  query::events(store, {"", "forces", "", "", "", 0, 0}, [&](const Store::StoredEvent& e) { all.push_back(e.event.id); });
  ASSERT_GE(all.size(), 2u);
  query::events(store, {"", "forces", "", "", "", 1, 1}, [&](const Store::StoredEvent& e) { page.push_back(e.event.id); });
  EXPECT_EQ(page, std::vector<std::string>{all[1]});
}

TEST_F(Query, TheCliAndTheApiListTheSameDocumentsForTheSameWindowAndWords) {
  const std::vector<Params> filters = {{}, {{"from", "2024-05-01"}}, {{"to", "2024-05-11"}}, {{"q", "kadugli"}}};
  for (const Params& p : filters) {
    std::vector<std::string> args = {"docs"};
    for (const auto& [k, v] : p) args.push_back(k == "q" ? "--search" : "--" + k), args.push_back(v);
    const Run by_cli = cli(args);
    ASSERT_EQ(by_cli.status, 0) << by_cli.err;
    EXPECT_EQ(first_words(by_cli), ids(api("/api/documents", p))) << json(p).dump();
  }
}

TEST_F(Query, TheCampsOfTheCliTheApiAndTheGraphAreOneComputation) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  const query::Camps camps = query::camps(store, "", "");
  const json sides = api("/api/sides");
  ASSERT_EQ(sides["camps"].size(), camps.sides.camps.size());
  const Run by_cli = cli({"sides"});
  ASSERT_EQ(by_cli.status, 0) << by_cli.err;
  std::vector<std::vector<std::string>> printed;
  for (const auto& line : by_cli.lines) {
    if (line.starts_with("camp ")) printed.emplace_back();
    else if (line.starts_with("  ") && !printed.empty()) printed.back().push_back(line.substr(2));
    else if (!line.starts_with("  ") && !printed.empty() && !line.starts_with("camp ")) break;
  }
  ASSERT_EQ(printed.size(), camps.sides.camps.size());
  // Every camp member is a node of the graph with that camp's number.
  const json graph = api("/api/graph", {{"limit", "1000"}});
  std::map<std::string, int> camp_of;
  for (const json& n : graph["nodes"]) camp_of[n["id"]] = n["camp"];
  for (std::size_t c = 0; c < camps.sides.camps.size(); ++c) {
    const auto& members = camps.sides.camps[c].actors;
    ASSERT_EQ(sides["camps"][c]["actors"].size(), members.size());
    ASSERT_EQ(printed[c].size(), members.size());
    for (std::size_t k = 0; k < members.size(); ++k) {
      EXPECT_EQ(sides["camps"][c]["actors"][k]["id"], members[k]);
      EXPECT_EQ(printed[c][k], camps.name(members[k]));
      EXPECT_EQ(camp_of[members[k]], int(c + 1)) << members[k];
    }
  }
  EXPECT_EQ(graph["fit"].get<double>(), camps.sides.fit);
}

TEST_F(Query, TheGraphAnswerIsBuiltFromItsStructureWithEvidenceCut) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  const query::Graph g = query::graph(store, {});
  const json answer = api("/api/graph", {{"limit", "1000"}});
  EXPECT_EQ(answer["nodes"].size(), g.nodes.size());
  EXPECT_EQ(answer["edges"].size(), g.edges.size());
  for (const json& e : answer["edges"]) EXPECT_LE(e["evidence"].size(), 1u);  // one sentence per edge for the page
}

TEST_F(Query, ADateThatIsNoDayIsRefusedWithTheSameWordsByTheCliAndTheApi) {
  for (const char* bad : {"2024-13-01", "2024-02-30", "2024-3-1", "March 2024", "2024-03-01T00:00", "２０２４-03-01"}) {
    try {
      query::check_date("from", bad);
      ADD_FAILURE() << bad << " was taken for a day";
    } catch (const QueryError& e) {
      EXPECT_EQ(e.field(), "from");
      EXPECT_NE(std::string(e.what()).find("YYYY-MM-DD"), std::string::npos) << e.what();
    }
    for (const char* resource : {"events", "documents", "relations", "graph", "sides"}) {
      const std::string said = api(std::string("/api/") + resource, {{"from", bad}}, 400)["error"];
      EXPECT_TRUE(said.starts_with("from: '")) << said;
    }
    const std::string said = api("/api/events", {{"from", bad}}, 400)["error"];
    for (const char* command : {"events", "docs", "graph", "sides"}) {
      const Run r = cli({command, "--from", bad});
      EXPECT_EQ(r.status, 1) << command << " " << bad;
      EXPECT_EQ(r.err, "mosaic: " + said + "\n") << command;
    }
  }
  EXPECT_EQ(query::check_date("to", "2024-02-29"), "2024-02-29");  // a leap day is a day
  EXPECT_EQ(query::check_date("to", ""), "");                      // no bound
}

TEST_F(Query, AWindowThatEndsBeforeItBeginsIsRefusedByBoth) {
  const std::string said = api("/api/events", {{"from", "2024-06-01"}, {"to", "2024-05-01"}}, 400)["error"];
  EXPECT_NE(said.find("after"), std::string::npos) << said;
  const Run r = cli({"events", "--from", "2024-06-01", "--to", "2024-05-01"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "mosaic: " + said + "\n");
}

TEST_F(Query, AnUnknownFieldIsRefusedByNameByTheApiAndTheCli) {
  const std::string said = api("/api/events", {{"form", "2024-01-01"}}, 400)["error"];
  EXPECT_NE(said.find("'form'"), std::string::npos) << said;
  EXPECT_NE(said.find("from"), std::string::npos) << said;  // the known fields are listed
  const Run r = cli({"events", "--form", "2024-01-01"});
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("--form"), std::string::npos) << r.err;
}

TEST_F(Query, AnUnknownRelationTypeIsRefusedNamingTheTypesThereAre) {
  for (const auto& [path, field] : std::vector<std::pair<std::string, std::string>>{{"/api/relations", "type"},
                                                                                    {"/api/graph", "types"}}) {
    const std::string said = api(path, {{field, "befriends"}}, 400)["error"];
    EXPECT_TRUE(said.starts_with(field + ": 'befriends' is not a relation type")) << said;
    EXPECT_NE(said.find("allied_with"), std::string::npos) << said;
  }
  std::size_t fights = 0;
  for (const json& r : api("/api/relations")) fights += r["type"] == "fights";
  const json only = api("/api/relations", {{"type", "fights"}});
  EXPECT_EQ(only.size(), fights);
  for (const json& r : only) EXPECT_EQ(r["type"], "fights");
}

TEST_F(Query, ClaimsAndRelationsTakeAnActorAsEventsDo) {
  const auto opened = Store::open(db_, Store::Mode::ReadOnly);
  const Store& store = *opened;
  for (const char* text : {"rapid support", "forces", "sudanese armed"}) {
    const auto named = query::actors_named(store, text);
    const std::set<std::string> wanted(named.begin(), named.end());
    for (const json& r : api("/api/relations", {{"actor", text}}))
      EXPECT_TRUE(wanted.count(r["source"]) || wanted.count(r["target"])) << text << ": " << r.dump();
    for (const json& c : api("/api/claims", {{"actor", text}}))
      EXPECT_TRUE(wanted.count(c["source"])) << text << ": " << c.dump();
  }
}

}  // namespace
}  // namespace mosaic
