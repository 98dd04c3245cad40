#pragma once
// HTTP GET through libcurl (one easy handle per thread, reused so connections are kept alive).
// What a failed request was matters for what to do next, so the result classifies it: an HTTP
// status, a timeout or stall, a connection that failed or was reset, or anything else.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

namespace triad {

struct HttpOptions {
  long connect_timeout_seconds = 20;
  // A transfer that moves no byte for this long is stalled and given up (then retried).
  long stall_seconds = 60;
};

enum class HttpOutcome {
  kOk,          // 200, or 206 for a resumed download
  kHttpStatus,  // the server answered with another status (see status)
  kTimeout,     // connect timeout or stalled transfer
  kConnection,  // refused, reset, or closed before the whole body (truncated)
  kOther,       // anything else libcurl reports (message says what)
};

struct HttpResult {
  HttpOutcome outcome = HttpOutcome::kOther;
  long status = 0;                  // HTTP status, 0 when no response
  std::optional<long> retry_after;  // seconds, from a Retry-After header (number or date)
  std::int64_t bytes = 0;           // body bytes received in this request
  bool resumed = false;             // the server honoured the Range request (206)
  std::string message;              // for people: "HTTP 503", "stalled for 60 s", ...
  bool Ok() const { return outcome == HttpOutcome::kOk; }
  // Worth another try: timeouts, connection failures, 408, 425, 429 and 5xx.
  bool Transient() const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // The body of a successful GET into *body.
  HttpResult GetText(const std::string& url, std::string* body);
  // Appends the body to `file` (opened for writing, positioned at its end, holding `resume_from`
  // bytes already): asks for the rest with a Range header when resume_from > 0; if the server
  // sends the whole file instead (200), the file is truncated and written from the start.
  // `progress` gets the bytes received so far in this request.
  HttpResult GetToFile(const std::string& url, int fd, std::int64_t resume_from,
                       const std::function<void(std::int64_t)>& progress = {});

 private:
  HttpResult Perform(const std::string& url, std::int64_t resume_from);
  HttpOptions options_;
  void* curl_ = nullptr;  // CURL*
};

}  // namespace triad
