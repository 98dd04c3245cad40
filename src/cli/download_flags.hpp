#pragma once
// The download options fetch and follow share (--base-url, --mirror, --jobs, --attempts,
// --retry-wait, --timeout), with the same defaults, checks and help in both.
#include <CLI/CLI.hpp>

#include <string>

#include "fetch/mirror_fetch.hpp"
#include "fetch/server_lists.hpp"

namespace triad::cli {

struct DownloadFlags {
  std::string base_url = kGdeltBaseUrl;
  std::string mirror = "gdelt-mirror";
  int jobs = 4;
  int attempts = 5;
  double retry_wait = 2;
  long timeout = 60;

  void AddTo(CLI::App* cmd);
  MirrorOptions Options() const;
};

}  // namespace triad::cli
