// The HTTP server: cpp-httplib parsing requests over a pool of read-only
// store connections (a connection's statements are not shared between
// threads), answers kept until the store changes, and the web page as static
// files; with what cpp-httplib does not give:
//
// - a door: a connection is handed to a worker only once its request head
//   (line and headers) has arrived in full, within kHeadTime and kMostHead
//   bytes. Slow heads (slowloris) wait at the door, many at a time, in one
//   thread; the workers serve only requests that are there. One request per
//   connection, so that no worker waits for a second.
// - a gate before any body is read: the Host (against DNS rebinding), the
//   method, the path and the client's rate, and for POST /api/ingest the
//   token (compared in constant time), the content type and the declared
//   length. Bodies are read only by an authorised ingest, streamed into it
//   with their size counted as they come (a chunked body has no length to
//   check first).
// - security headers on every answer.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <iostream>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <streambuf>
#include <thread>
#include <unordered_map>

#include "mosaic/problem.h"
#include "mosaic/serve.h"
#include "util/text.h"

namespace mosaic {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMostHead = 32u << 10;          // bytes of a request line and its headers
constexpr std::size_t kMostHeaderLines = 100;
constexpr auto kHeadTime = std::chrono::seconds(10);   // for a request head to arrive in full
constexpr std::size_t kMostWaiting = 1024;             // connections at the door; past it the oldest goes
constexpr int kIoSeconds = 10;                         // a body read or an answer's write waits this long at most

// A token bucket per client address.
class RateLimit {
 public:
  RateLimit(double rate, double burst) : rate_(rate), burst_(burst) {}
  bool allow(const std::string& client) {
    const auto now = Clock::now();
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
    Clock::time_point last;
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
    return Store::open(db_, Store::Mode::ReadOnly);
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
  send_json(res, status, nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Whether two secrets are equal, in a time that does not tell how much of
// them matched.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char differ = a.size() != b.size();
  for (std::size_t i = 0, n = std::max(a.size(), b.size()); i < n; ++i)
    differ |= static_cast<unsigned char>((i < a.size() ? a[i] : 0) ^ (i < b.size() ? b[i] : 0));
  return differ == 0;
}

// The host a Host header names, without its port, in lower case.
std::string host_of(std::string_view header) {
  std::string h = lower_ascii(trim(header));
  if (h.starts_with('[')) return h.substr(0, h.find(']') + 1);  // [::1]:8080
  if (const auto colon = h.rfind(':'); colon != std::string::npos && h.find(':') == colon) h.resize(colon);
  return h;
}

bool ip_literal(const std::string& host) {
  unsigned char buf[sizeof(in6_addr)];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    return inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), buf) == 1;
  return inet_pton(AF_INET, host.c_str(), buf) == 1;
}

// A socket's request, read by httplib: its head as the door read it, then
// the socket, each read and write waiting kIoSeconds at most.
class Connection final : public httplib::Stream {
 public:
  Connection(int fd, std::string head) : fd_(fd), head_(std::move(head)) {}
  bool is_readable() const override { return at_ < head_.size() || wait(POLLIN); }
  bool is_writable() const override { return wait(POLLOUT); }
  ssize_t read(char* ptr, size_t size) override {
    if (at_ < head_.size()) {
      const std::size_t n = std::min(size, head_.size() - at_);
      std::copy_n(head_.data() + at_, n, ptr);
      at_ += n;
      return static_cast<ssize_t>(n);
    }
    if (!wait(POLLIN)) return -1;
    ssize_t n;
    do n = recv(fd_, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!wait(POLLOUT)) return -1;
    ssize_t n;
    do n = send(fd_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(getsockname, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  bool wait(short events) const {
    pollfd p{fd_, events, 0};
    int r;
    do r = poll(&p, 1, kIoSeconds * 1000);
    while (r < 0 && errno == EINTR);
    return r > 0 && !(p.revents & (POLLERR | POLLNVAL));
  }
  void address(int (*get)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    char text[INET6_ADDRSTRLEN] = {};
    if (get(fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
    if (a.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (a.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }
  int fd_;
  std::string head_;
  std::size_t at_ = 0;
};

// Where connections wait until their request head has come in full: one
// thread polling them all, reading what arrives. A head that takes longer
// than kHeadTime or is larger than kMostHead is answered 408 or 431 and
// closed; when too many wait, the one waiting longest goes.
class Door {
 public:
  explicit Door(std::function<void(int fd, std::string head)> admit) : admit_(std::move(admit)) {
    if (pipe(wake_) != 0) throw Error("cannot create a pipe for the server");
    thread_ = std::thread([this] { run(); });
  }
  ~Door() { stop(); }
  void add(int fd) {
    {
      std::lock_guard lock(mutex_);
      arriving_.push_back(fd);
    }
    wake();
  }
  void stop() {
    if (stopping_.exchange(true)) return;
    wake();
    thread_.join();
    for (const Waiting& w : waiting_) close(w.fd);
    for (const int fd : arriving_) close(fd);
    close(wake_[0]);
    close(wake_[1]);
  }

 private:
  struct Waiting {
    int fd;
    Clock::time_point since;
    std::string head;
  };
  void wake() {
    const char c = 0;
    [[maybe_unused]] const ssize_t n = ::write(wake_[1], &c, 1);
  }
  static void refuse(int fd, const char* status) {
    const std::string answer = fmt::format("HTTP/1.1 {}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", status);
    [[maybe_unused]] const ssize_t n = send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    shutdown(fd, SHUT_RDWR);
    close(fd);
  }
  // Reads what has arrived; true when the connection is done with here
  // (admitted, refused or gone).
  bool read_some(Waiting& w) {
    char buf[8192];
    const ssize_t n = recv(w.fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return false;
    if (n <= 0) {
      close(w.fd);
      return true;
    }
    const std::size_t from = w.head.size() >= 3 ? w.head.size() - 3 : 0;
    w.head.append(buf, static_cast<std::size_t>(n));
    const auto end = w.head.find("\r\n\r\n", from);
    if (end == std::string::npos) {
      if (w.head.size() <= kMostHead) return false;
      refuse(w.fd, "431 Request Header Fields Too Large");
      return true;
    }
    std::size_t lines = 0;
    for (auto at = w.head.find("\r\n"); at < end; at = w.head.find("\r\n", at + 2)) ++lines;
    if (end + 4 > kMostHead || lines > kMostHeaderLines) {
      refuse(w.fd, "431 Request Header Fields Too Large");
      return true;
    }
    admit_(w.fd, std::move(w.head));
    return true;
  }
  void run() {
    std::vector<pollfd> polled;
    while (!stopping_) {
      {
        std::lock_guard lock(mutex_);
        for (const int fd : arriving_) waiting_.push_back({fd, Clock::now(), {}});
        arriving_.clear();
      }
      while (waiting_.size() > kMostWaiting) {  // the longest waiting is the likeliest to be stalling
        refuse(waiting_.front().fd, "408 Request Timeout");
        waiting_.pop_front();
      }
      const auto now = Clock::now();
      while (!waiting_.empty() && now - waiting_.front().since > kHeadTime) {
        refuse(waiting_.front().fd, "408 Request Timeout");
        waiting_.pop_front();
      }
      polled.assign(1, pollfd{wake_[0], POLLIN, 0});
      for (const Waiting& w : waiting_) polled.push_back({w.fd, POLLIN, 0});
      const auto next = waiting_.empty() ? kHeadTime : kHeadTime - (now - waiting_.front().since);
      const int ms = int(std::clamp<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(next).count() + 1, 1, 1000));
      if (poll(polled.data(), polled.size(), ms) < 0 && errno != EINTR) continue;
      if (polled[0].revents & POLLIN) {
        char drain[256];
        while (::read(wake_[0], drain, sizeof drain) == sizeof drain) {
        }
      }
      // Waiting and polled keep one order: the first pollfd is the wake pipe.
      std::size_t k = 1;
      for (auto it = waiting_.begin(); it != waiting_.end(); ++k) {
        if (polled[k].revents && read_some(*it)) it = waiting_.erase(it);
        else ++it;
      }
    }
  }

  std::function<void(int, std::string)> admit_;
  std::thread thread_;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stopping_ = false;
  std::mutex mutex_;
  std::vector<int> arriving_;
  std::deque<Waiting> waiting_;  // oldest first
};

// cpp-httplib's server with the door in front: accepted sockets go to the
// door, and those it admits to a pool of workers, one request each.
class Gated final : public httplib::Server {
 public:
  explicit Gated(std::size_t threads)
      : workers_(threads), door_([this](int fd, std::string head) { admit(fd, std::move(head)); }) {
    new_task_queue = [] { return new httplib::ThreadPool(1); };  // only hands sockets to the door
  }
  ~Gated() override { close_door(); }
  void close_door() {
    door_.stop();
    if (!workers_stopped_.exchange(true)) workers_.shutdown();
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    door_.add(sock);
    return true;
  }
  void admit(int fd, std::string head) {
    if (in_flight_ >= kMostQueued) {  // more whole requests than can be served soon
      const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
      [[maybe_unused]] const ssize_t n = send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      close(fd);
      return;
    }
    ++in_flight_;
    workers_.enqueue([this, fd, head = std::move(head)]() mutable {
      {
        Connection c(fd, std::move(head));
        bool closed = false;
        process_request(c, true, closed, nullptr);
      }
      shutdown(fd, SHUT_RDWR);
      close(fd);
      --in_flight_;
    });
  }
  static constexpr int kMostQueued = 1024;
  httplib::ThreadPool workers_;
  std::atomic<bool> workers_stopped_ = false;
  std::atomic<int> in_flight_ = 0;
  Door door_;
};

// A request body on its way into an ingest: written by the thread reading
// the socket, read as a stream by the ingest, at most kPipeBytes between them.
class BodyPipe : public std::streambuf {
 public:
  // False when the reader has gone.
  bool write(const char* data, std::size_t n) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return queued_ < kPipeBytes || gone_; });
    if (gone_) return false;
    chunks_.emplace_back(data, n);
    queued_ += n;
    ready_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  void abandon() {
    std::lock_guard lock(mutex_);
    gone_ = true;
    room_.notify_one();
  }

 protected:
  int_type underflow() override {
    std::unique_lock lock(mutex_);
    if (!current_.empty()) queued_ -= current_.size(), current_.clear(), room_.notify_one();
    ready_.wait(lock, [&] { return !chunks_.empty() || closed_; });
    if (chunks_.empty()) return traits_type::eof();
    current_ = std::move(chunks_.front());
    chunks_.pop_front();
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kPipeBytes = 4u << 20;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::string> chunks_;
  std::string current_;
  std::size_t queued_ = 0;
  bool closed_ = false, gone_ = false;
};

}  // namespace

struct Server::Impl {
  ServeOptions options;
  const Pipeline* pipeline;
  Gated http;
  Readers readers;
  Answers answers;
  RateLimit limit;
  std::mutex writing, computing;
  std::unique_ptr<Store> writer;  // for the search index; none when the store may only be read
  std::vector<std::string> hosts;  // names a Host header may give besides loopback names and addresses

  Impl(ServeOptions o, const Pipeline* p)
      : options(std::move(o)), pipeline(p), http(std::size_t(options.threads)), readers(options.db),
        limit(options.rate, options.burst) {
    // Opened first: it creates or migrates the store. A store this user may
    // not write is served all the same, without ingest and with the search
    // index as it is.
    try {
      writer = Store::open(options.db);
    } catch (const Error&) {
      if (!std::filesystem::exists(options.db)) throw;
      Store::open(options.db, Store::Mode::ReadOnly);  // readable at least, or say why not
      std::cerr << "mosaic: " << options.db << " may only be read: serving it read-only (no ingest, no new search index)\n";
    }
    hosts = {"localhost", lower_ascii(options.host)};
    for (const auto& h : options.allowed_hosts) hosts.push_back(lower_ascii(h));
  }

  void refresh_search() {
    if (!writer) return;
    std::lock_guard lock(writing);
    writer->index_for_search();
  }

  // Before any body is read: who may ask what.
  httplib::Server::HandlerResponse gate(const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    auto refuse = [&](int status, const std::string& message) {
      res.set_header("Connection", "close");
      send_error(res, status, message);
      return R::Handled;
    };
    // A page of another site that got its name pointed at this machine
    // (DNS rebinding) sends its own name as the Host.
    if (req.has_header("Host")) {
      const std::string host = host_of(req.get_header_value("Host"));
      if (!ip_literal(host) && std::find(hosts.begin(), hosts.end(), host) == hosts.end())
        return refuse(403, fmt::format("host '{}' is not served here (allow it with --allow-host)", excerpt(host)));
    }
    // httplib decodes the path: %00 and bytes that are not UTF-8 arrive as such.
    if (!valid_utf8(req.path) || std::any_of(req.path.begin(), req.path.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        }))
      return refuse(400, "the path is not text");
    if (!limit.allow(req.remote_addr)) {
      res.set_header("Retry-After", "1");
      return refuse(429, "too many requests; slow down");
    }
    const bool reading = req.method == "GET" || req.method == "HEAD";
    const bool body = req.has_header("Transfer-Encoding") || req.get_header_value<uint64_t>("Content-Length") > 0;
    if (req.path == "/api/ingest") {
      if (req.method != "POST") {
        res.set_header("Allow", "POST");
        return refuse(405, "POST articles as JSONL to /api/ingest");
      }
      if (options.token.empty() || !pipeline)
        return refuse(403, "ingest is disabled; start the server with MOSAIC_TOKEN set to enable it");
      if (!writer) return refuse(403, "ingest is disabled: the store may only be read");
      const std::string auth = req.get_header_value("Authorization");
      if (!auth.starts_with("Bearer ") || !same_secret(std::string_view(auth).substr(7), options.token))
        return refuse(401, "ingest needs the header 'Authorization: Bearer <token>'");
      const std::string type = lower_ascii(req.get_header_value("Content-Type"));
      if (type.starts_with("multipart/") || type.starts_with("application/x-www-form-urlencoded"))
        return refuse(415, "send the articles as the body itself, JSONL, with Content-Type: application/x-ndjson "
                           "(curl: --data-binary @feed.jsonl, not -d or -F)");
      if (req.get_header_value<uint64_t>("Content-Length") > options.max_body)
        return refuse(413, fmt::format("request body over {} bytes", options.max_body));
      return R::Unhandled;
    }
    if (!reading) {
      res.set_header("Allow", "GET, HEAD");
      return refuse(405, fmt::format("{} is not served here; the API and the page are read with GET",
                                     excerpt(req.method)));
    }
    if (body) return refuse(400, "a GET has no body");
    return R::Unhandled;
  }

  void get(const httplib::Request& req, httplib::Response& res) {
    Params params(req.params.begin(), req.params.end());  // a repeated parameter keeps its first value
    std::string key = req.path;
    for (const auto& [name, value] : params) key += fmt::format("\x1f{}\x1e{}", name, value);
    auto store = readers.take();
    const int64_t version = store->version();
    auto kept = answers.find(key, version);
    if (!kept) {
      // One answer is computed at a time: many requests for heavy answers
      // (each its own made-up window) queue rather than share the CPU.
      std::lock_guard lock(computing);
      kept = answers.find(key, version);
      if (!kept) {
        const ApiResponse r = api_get(*store, req.path, params, [this] { refresh_search(); });
        readers.give(std::move(store));
        if (r.status != 200) return send_json(res, r.status, r.body);
        answers.keep(key, version, r.body);
        return send_json(res, 200, r.body);
      }
    }
    readers.give(std::move(store));
    send_json(res, 200, *kept);
  }

  // POST /api/ingest: articles as JSONL (one JSON object per line, as `mosaic
  // ingest` reads them), streamed from the socket into the ingest (nothing
  // is written to disk but the store), committed a batch at a time.
  void ingest_post(const httplib::Request&, httplib::Response& res, const httplib::ContentReader& content) {
    BodyPipe pipe;
    std::istream body(&pipe);
    std::size_t received = 0;
    bool too_large = false;
    std::thread feeder([&] {
      content([&](const char* data, std::size_t n) {
        received += n;
        if (received > options.max_body) return !(too_large = true);
        return pipe.write(data, n);
      });
      pipe.close();
    });
    nlohmann::json problems = nlohmann::json::array();
    IngestOptions o;
    o.read.format = Format::Jsonl;
    o.problems = [&](const Problem& p) {
      if (problems.size() < 1000) problems.push_back(p.line());
    };
    IngestReport r;
    std::optional<std::string> failed;
    try {
      // A connection of its own: ingests wait for each other's batches, not for searches.
      const auto store = Store::open(options.db);
      r = ingest_jsonl(*store, *pipeline, body, "request", o);
    } catch (const Error& e) {
      failed = e.what();
      if (const auto* busy = dynamic_cast<const StoreError*>(&e); busy && busy->kind() == StoreError::Kind::Busy)
        res.set_header("Retry-After", "5");
    }
    pipe.abandon();  // the rest of the body, if any, is not read
    feeder.join();
    if (failed) return send_error(res, 503, *failed);
    refresh_search();
    const std::size_t in_store = r.stored + r.repeated + r.resumed;
    int status = in_store > 0 ? 200 : 400;
    nlohmann::json answer = {{"read", r.read},         {"stored", r.stored},   {"replaced", r.replaced},
                             {"resumed", r.resumed},   {"repeated", r.repeated}, {"skipped", r.skipped},
                             {"problems", problems}};
    if (too_large) {
      status = 413;
      answer["error"] = fmt::format("request body over {} bytes: read no further (what came before it is stored)",
                                    options.max_body);
    }
    if (r.stopped) {
      status = 503;
      answer["error"] = fmt::format("the store refused a batch at {}: {}; the batches before it are stored",
                                    r.stopped_at, r.error);
    }
    send_json(res, status, answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
};

Server::Server(ServeOptions options, const Pipeline* pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {
  auto& http = impl_->http;
  Impl* self = impl_.get();
  http.set_tcp_nodelay(true);  // else small answers wait out the peer's delayed ACK (40 ms)
  http.set_read_timeout(kIoSeconds);
  http.set_write_timeout(kIoSeconds);
  http.set_payload_max_length(self->options.max_body);
  // Every answer says what it is and may not be framed or run elsewhere.
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                             "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}});
  http.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  http.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
  http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
  http.set_file_extension_and_mimetype_mapping("map", "application/json");
  http.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) { return self->gate(req, res); });
  http.set_expect_100_continue_handler([self](const httplib::Request& req, httplib::Response& res) {
    return self->gate(req, res) == httplib::Server::HandlerResponse::Handled ? res.status : 100;
  });
  http.Get(R"(/api/.*)", [self](const httplib::Request& req, httplib::Response& res) { self->get(req, res); });
  http.Post("/api/ingest", [self](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& c) {
    self->ingest_post(req, res, c);
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404 && !req.path.starts_with("/api/")) return;  // a file that is not there
    const char* what = res.status == 413 ? "request body too large"
                       : res.status == 414 ? "request line too long"
                       : res.status == 404 ? "no such resource"
                                           : "bad request";
    send_error(res, res.status, what);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
    // What a library says inside is for the log, not for the client.
    try {
      std::rethrow_exception(e);
    } catch (const StoreError& x) {
      // Another writer holds the store longer than a write waits: worth asking again.
      if (x.kind() == StoreError::Kind::Busy) {
        res.set_header("Retry-After", "5");
        return send_error(res, 503, "the store is busy: try again shortly");
      }
      std::cerr << "mosaic: serve: " << x.what() << "\n";
    } catch (const std::exception& x) {
      std::cerr << "mosaic: serve: " << x.what() << "\n";
    } catch (...) {
    }
    send_error(res, 500, "internal error");
  });
  if (!self->options.web_dir.empty() && !http.set_mount_point("/", self->options.web_dir))
    throw Error(fmt::format("{}: no web page there (build it with 'npm --prefix web run build')", self->options.web_dir));
}

Server::~Server() {
  impl_->http.stop();
  impl_->http.close_door();
}

int Server::bind() {
  auto& o = impl_->options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw Error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", o.host, o.port));
  return port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace mosaic
