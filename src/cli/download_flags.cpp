#include "cli/download_flags.hpp"

namespace triad::cli {

void DownloadFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--base-url", base_url, "The file server (a mirror or a test server)")
      ->capture_default_str();
  cmd->add_option("--mirror", mirror, "Local folder laid out like the server")
      ->capture_default_str();
  cmd->add_option("--jobs", jobs, "Parallel downloads, 1 to 32")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  cmd->add_option("--attempts", attempts, "Tries per file before it fails, 1 to 20")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  cmd->add_option("--retry-wait", retry_wait,
                  "Seconds before the first retry; doubles each time (a server's Retry-After "
                  "is honoured, up to 300 s)")
      ->check(CLI::Range(0.0, 300.0))
      ->capture_default_str();
  cmd->add_option("--timeout", timeout,
                  "Seconds without a byte (or to connect) before a download is retried")
      ->check(CLI::Range(1L, 3600L))
      ->capture_default_str();
}

MirrorOptions DownloadFlags::Options() const {
  MirrorOptions o;
  o.mirror_dir = mirror;
  o.jobs = jobs;
  o.attempts = attempts;
  o.retry_wait_seconds = retry_wait;
  o.http.stall_seconds = timeout;
  o.http.connect_timeout_seconds = timeout;
  return o;
}

}  // namespace triad::cli
