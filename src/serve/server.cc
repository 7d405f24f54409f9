// The HTTP server: cpp-httplib's thread pool over a pool of read-only store
// connections (a connection's statements are not shared between threads),
// one write connection for search indexing and ingest, answers kept until
// the store changes, request size and per-client rate limits, and the web
// page as static files.
#include <fmt/format.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "mosaic/problem.h"
#include "mosaic/serve.h"

namespace mosaic {

namespace {

// A token bucket per client address.
class RateLimit {
 public:
  RateLimit(double rate, double burst) : rate_(rate), burst_(burst) {}
  bool allow(const std::string& client) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (buckets_.size() > 100000) buckets_.clear();  // bounded memory under a flood of addresses
    auto [it, added] = buckets_.try_emplace(client, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!added) {
      b.tokens = std::min(burst_, b.tokens + rate_ * std::chrono::duration<double>(now - b.last).count());
      b.last = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// Read-only connections, one per request in flight, kept for the next.
class Readers {
 public:
  explicit Readers(std::string db) : db_(std::move(db)) {}
  std::unique_ptr<Store> take() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto s = std::move(idle_.back());
        idle_.pop_back();
        return s;
      }
    }
    return std::make_unique<Store>(db_, Store::Mode::ReadOnly);
  }
  void give(std::unique_ptr<Store> s) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(s));
  }

 private:
  std::string db_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

// Answers by path and parameters, kept while the store's version stays the
// same: the archive changes only when something is ingested, and the graph
// or the contradictions of a large one take a while to compute.
class Answers {
 public:
  std::optional<std::string> find(const std::string& key, int64_t version) {
    std::lock_guard lock(mutex_);
    const auto it = kept_.find(key);
    if (it == kept_.end() || it->second.version != version) return std::nullopt;
    return it->second.body;
  }
  void keep(const std::string& key, int64_t version, const std::string& body) {
    std::lock_guard lock(mutex_);
    if (bytes_ + body.size() > kMostBytes) kept_.clear(), bytes_ = 0;  // rare: a new version clears most anyway
    auto& k = kept_[key];
    bytes_ = bytes_ - k.body.size() + body.size();
    k = {version, body};
  }

 private:
  static constexpr std::size_t kMostBytes = 64u << 20;
  struct Kept {
    int64_t version = 0;
    std::string body;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
  std::size_t bytes_ = 0;
};

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, nlohmann::json{{"error", message}}.dump());
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  const Pipeline* pipeline;
  httplib::Server http;
  Readers readers;
  Answers answers;
  RateLimit limit;
  std::mutex writing;
  Store writer;  // opened first: it creates or migrates the store

  Impl(ServeOptions o, const Pipeline* p)
      : options(std::move(o)), pipeline(p), readers(options.db), limit(options.rate, options.burst), writer(options.db) {}

  void refresh_search() {
    std::lock_guard lock(writing);
    writer.index_for_search();
  }

  void get(const httplib::Request& req, httplib::Response& res) {
    Params params(req.params.begin(), req.params.end());  // a repeated parameter keeps its first value
    std::string key = req.path;
    for (const auto& [name, value] : params) key += fmt::format("\x1f{}\x1e{}", name, value);
    auto store = readers.take();
    const int64_t version = store->version();
    if (auto body = answers.find(key, version)) {
      readers.give(std::move(store));
      return send_json(res, 200, *body);
    }
    const ApiResponse r = api_get(*store, req.path, params, [this] { refresh_search(); });
    readers.give(std::move(store));
    if (r.status == 200) answers.keep(key, version, r.body);
    send_json(res, r.status, r.body);
  }

  // POST /api/ingest: articles as JSONL (one JSON object per line, as `mosaic
  // ingest` reads them), committed in one transaction per batch.
  void ingest_post(const httplib::Request& req, httplib::Response& res) {
    if (options.token.empty() || !pipeline)
      return send_error(res, 403, "ingest is disabled; start the server with --token to enable it");
    if (req.get_header_value("Authorization") != "Bearer " + options.token)
      return send_error(res, 401, "ingest needs the header 'Authorization: Bearer <token>'");
    if (req.body.empty()) return send_error(res, 400, "empty body: send articles as JSONL");
    // The reader takes files: the body goes through one, removed afterwards.
    const auto path = std::filesystem::temp_directory_path() /
                      fmt::format("mosaic-post-{}-{}.jsonl", getpid(), std::hash<std::thread::id>{}(std::this_thread::get_id()));
    {
      std::ofstream out(path, std::ios::binary);
      out << req.body;
      if (!out.flush()) {
        std::filesystem::remove(path);
        return send_error(res, 500, fmt::format("cannot write the articles to {}", path.string()));
      }
    }
    nlohmann::json problems = nlohmann::json::array();
    IngestOptions o;
    o.read.format = Format::Jsonl;
    o.problems = [&](const Problem& p) { problems.push_back(p.line()); };
    IngestReport r;
    {
      std::lock_guard lock(writing);
      try {
        r = ingest(writer, *pipeline, {path.string()}, o);
      } catch (const Error& e) {
        std::filesystem::remove(path);
        return send_error(res, 500, e.what());
      }
    }
    std::filesystem::remove(path);
    refresh_search();
    send_json(res, r.stored + r.repeated > 0 ? 200 : 400,
              nlohmann::json{{"read", r.read},
                             {"stored", r.stored},
                             {"replaced", r.replaced},
                             {"repeated", r.repeated},
                             {"skipped", r.skipped},
                             {"problems", problems}}
                  .dump());
  }
};

Server::Server(ServeOptions options, const Pipeline* pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {
  auto& http = impl_->http;
  Impl* self = impl_.get();
  http.set_payload_max_length(self->options.max_body);
  http.set_tcp_nodelay(true);  // else small answers wait out the peer's delayed ACK (40 ms)
  const int threads = self->options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
  http.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
    if (self->limit.allow(req.remote_addr)) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", "1");
    send_error(res, 429, "too many requests; slow down");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.Get(R"(/api/.*)", [self](const httplib::Request& req, httplib::Response& res) { self->get(req, res); });
  http.Post("/api/ingest", [self](const httplib::Request& req, httplib::Response& res) { self->ingest_post(req, res); });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status == 413) return send_error(res, 413, "request body too large");
    if (req.path.starts_with("/api/") && res.body.empty()) send_error(res, res.status, "no such resource");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      send_error(res, 500, x.what());
    }
  });
  if (!self->options.web_dir.empty() && !http.set_mount_point("/", self->options.web_dir))
    throw Error(fmt::format("{}: no web page there (build it with 'npm --prefix web run build')", self->options.web_dir));
}

Server::~Server() = default;

int Server::bind() {
  auto& o = impl_->options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw Error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", o.host, o.port));
  return port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace mosaic
