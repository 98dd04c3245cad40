#include "fetch/server_lists.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/error.hpp"

namespace triad {
namespace {

namespace fs = std::filesystem;

// Keeps a list in the mirror under its server path: written aside, then renamed.
void SaveList(const MirrorOptions& options, const std::string& relative, const std::string& text) {
  if (options.mirror_dir.empty()) return;
  const fs::path path = fs::path(options.mirror_dir) / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const fs::path aside = path.parent_path() / ("." + path.filename().string() + ".part");
  {
    std::ofstream out(aside, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return;  // a mirror that cannot keep the list still gets the files
  }
  fs::rename(aside, path, ec);
}

}  // namespace

std::string FetchTextWithRetries(HttpClient& http, const std::string& url,
                                 const MirrorOptions& options) {
  std::string body;
  HttpResult r;
  for (int attempt = 1; attempt <= options.attempts; ++attempt) {
    r = http.GetText(url, &body);
    if (r.Ok()) return body;
    if (!r.Transient()) break;
    if (attempt < options.attempts) {
      std::this_thread::sleep_for(
          std::chrono::duration<double>(RetryWaitSeconds(options, attempt, r)));
    }
  }
  ThrowInput(Location{url, 0, ""},
             fmt::format("cannot download the file list: {} (is --base-url right?)", r.message));
}

std::vector<RemoteFile> FetchFileList(GdeltFamily family, const std::string& base_url,
                                      const MirrorOptions& options) {
  HttpClient http(options.http);
  if (family == GdeltFamily::kGdelt2) {
    const std::string relative = "gdeltv2/masterfilelist.txt";
    std::string text = FetchTextWithRetries(http, JoinUrl(base_url, relative), options);
    auto files = ParseGdelt2List(text, JoinUrl(base_url, relative), base_url);
    SaveList(options, relative, text);
    return files;
  }
  std::string md5sums = FetchTextWithRetries(http, JoinUrl(base_url, "events/md5sums"), options);
  std::string sizes = FetchTextWithRetries(http, JoinUrl(base_url, "events/filesizes"), options);
  auto files = ParseGdelt1Lists(md5sums, sizes, base_url);
  SaveList(options, "events/md5sums", md5sums);
  SaveList(options, "events/filesizes", sizes);
  return files;
}

std::vector<RemoteFile> FetchLastUpdate(const std::string& base_url, const MirrorOptions& options) {
  HttpClient http(options.http);
  const std::string url = JoinUrl(base_url, "gdeltv2/lastupdate.txt");
  return ParseGdelt2List(FetchTextWithRetries(http, url, options), url, base_url);
}

}  // namespace triad
