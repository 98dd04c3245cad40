#include "fetch/http_client.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"
#include "fetch/curl_library.hpp"

namespace triad {
namespace {

// Where the body goes, and what the write callback needs to know about the response.
struct Sink {
  CURL* curl = nullptr;
  std::string* text = nullptr;
  int fd = -1;
  std::int64_t resume_from = 0;
  bool started = false;
  bool keep = false;  // the status says this is the file (200/206), not an error page
  bool resumed = false;
  std::int64_t bytes = 0;
  bool write_failed = false;
  std::string write_error;
  const std::function<void(std::int64_t)>* progress = nullptr;
};

std::size_t Write(char* data, std::size_t size, std::size_t count, void* user) {
  Sink& s = *static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (!s.started) {
    s.started = true;
    long status = 0;
    Curl().easy_getinfo(s.curl, CURLINFO_RESPONSE_CODE, &status);
    s.keep = status == 200 || status == 206;
    s.resumed = status == 206;
    if (s.fd >= 0 && s.keep && !s.resumed && s.resume_from > 0) {
      // The server sent the whole file: start the partial file again.
      if (::ftruncate(s.fd, 0) != 0 || ::lseek(s.fd, 0, SEEK_SET) != 0) {
        s.write_failed = true;
        s.write_error = std::strerror(errno);
        return 0;
      }
    }
  }
  if (!s.keep) return n;  // an error page: read and dropped
  if (s.text) {
    s.text->append(data, n);
  } else {
    std::size_t done = 0;
    while (done < n) {
      ssize_t w = ::write(s.fd, data + done, n - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        s.write_failed = true;
        s.write_error = std::strerror(errno);
        return 0;
      }
      done += static_cast<std::size_t>(w);
    }
  }
  s.bytes += static_cast<std::int64_t>(n);
  if (s.progress && *s.progress) (*s.progress)(s.bytes);
  return n;
}

}  // namespace

bool HttpResult::Transient() const {
  switch (outcome) {
    case HttpOutcome::kTimeout:
    case HttpOutcome::kConnection:
      return true;
    case HttpOutcome::kHttpStatus:
      return status == 408 || status == 425 || status == 429 || status >= 500;
    default:
      return false;
  }
}

HttpClient::HttpClient(HttpOptions options) : options_(options) {
  curl_ = Curl().easy_init();
  if (!curl_) throw Error(ErrorKind::kCompute, "libcurl could not start a transfer handle");
}

HttpClient::~HttpClient() {
  if (curl_) Curl().easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResult HttpClient::GetText(const std::string& url, std::string* body) {
  body->clear();
  Sink sink;
  sink.text = body;
  CURL* curl = static_cast<CURL*>(curl_);
  sink.curl = curl;
  Curl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  Curl().easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  HttpResult r = Perform(url, 0);
  r.bytes = sink.bytes;
  if (r.Ok() && !sink.keep && sink.started) r.outcome = HttpOutcome::kOther;
  return r;
}

HttpResult HttpClient::GetToFile(const std::string& url, int fd, std::int64_t resume_from,
                                 const std::function<void(std::int64_t)>& progress) {
  Sink sink;
  sink.fd = fd;
  sink.resume_from = resume_from;
  sink.progress = &progress;
  CURL* curl = static_cast<CURL*>(curl_);
  sink.curl = curl;
  Curl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  Curl().easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  HttpResult r = Perform(url, resume_from);
  r.bytes = sink.bytes;
  r.resumed = sink.resumed;
  if (sink.write_failed) {
    r.outcome = HttpOutcome::kOther;
    r.message = "cannot write the downloaded bytes: " + sink.write_error;
  }
  return r;
}

HttpResult HttpClient::Perform(const std::string& url, std::int64_t resume_from) {
  CURL* curl = static_cast<CURL*>(curl_);
  char error[CURL_ERROR_SIZE] = {0};
  Curl().easy_setopt(curl, CURLOPT_URL, url.c_str());
  Curl().easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  Curl().easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  Curl().easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  Curl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
  Curl().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  Curl().easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  Curl().easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options_.stall_seconds);
  Curl().easy_setopt(curl, CURLOPT_USERAGENT, "triad/" TRIAD_VERSION_STRING);
  Curl().easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(resume_from));
  // Only http and https, also after a redirect.
  Curl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  Curl().easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");

  HttpResult r;
  CURLcode code = Curl().easy_perform(curl);
  Curl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_off_t retry_after = 0;
  if (Curl().easy_getinfo(curl, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
    r.retry_after = static_cast<long>(retry_after);
  const std::string detail = error[0] ? std::string(error) : Curl().easy_strerror(code);
  switch (code) {
    case CURLE_OK:
      if (r.status == 200 || r.status == 206) {
        r.outcome = HttpOutcome::kOk;
      } else {
        r.outcome = HttpOutcome::kHttpStatus;
        r.message = fmt::format("HTTP {}", r.status);
      }
      break;
    case CURLE_OPERATION_TIMEDOUT:
      r.outcome = HttpOutcome::kTimeout;
      r.message = fmt::format("timed out ({})", detail);
      break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      r.outcome = HttpOutcome::kConnection;
      r.message = detail;
      break;
    case CURLE_RANGE_ERROR:
      r.outcome = HttpOutcome::kHttpStatus;
      r.message = "the server refused to resume: " + detail;
      break;
    default:
      r.outcome = HttpOutcome::kOther;
      r.message = detail;
  }
  if (code == CURLE_OK && r.status == 416) r.message = "HTTP 416 (range not satisfiable)";
  return r;
}

}  // namespace triad
