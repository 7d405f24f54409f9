// Serve: the store over HTTP, for the web page and for scripts. A JSON API
// (documents and full-text search, actors, the actor graph, relations,
// events, stories, claims, contradictions, each with filters) and the built
// web page, from one binary bound to the loopback unless told otherwise.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mosaic/pipeline.h"
#include "mosaic/store.h"

namespace mosaic {

// The API without HTTP: a GET path under /api with its query parameters.
// `refresh_search` brings the search index up to date before a search.
struct ApiResponse {
  int status = 200;
  std::string body;  // JSON; {"error": "..."} when status is not 200
};
using Params = std::map<std::string, std::string>;
ApiResponse api_get(const Store& store, const std::string& path, const Params& params,
                    const std::function<void()>& refresh_search = {});

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port
  std::string web_dir;                // the built page (web/dist); empty: API only
  std::string token;                  // enables POST /api/ingest for holders of it; empty: disabled
  std::size_t max_body = 16u << 20;   // bytes in a request body, else 413
  double rate = 50;                   // requests per second per client, sustained, else 429
  double burst = 200;                 // requests per client in a burst
  int threads = 8;                    // requests served at once (slow clients wait apart, not in these)
  // Host names requests may carry besides localhost, IP addresses and `host`:
  // a name of this machine that others use. Any other is refused (403), as a
  // page of another site whose name was pointed here (DNS rebinding) would send.
  std::vector<std::string> allowed_hosts;
};

class Server {
 public:
  // `pipeline` analyses ingested articles; it may be null when no token is set.
  Server(ServeOptions options, const Pipeline* pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int bind();  // the port bound; throws Error when it cannot
  void run();  // serves until stop()
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mosaic
