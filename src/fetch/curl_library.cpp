#include "fetch/curl_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <mutex>
#include <string>

#include "common/error.hpp"

namespace triad {
namespace {

template <typename F>
void Resolve(void* handle, const char* name, F* out) {
  void* symbol = ::dlsym(handle, name);
  if (!symbol)
    throw Error(ErrorKind::kCompute,
                fmt::format("libcurl.so.4 has no {} (a libcurl older than 7.62?)", name));
  *out = reinterpret_cast<F>(symbol);
}

CurlLibrary Load() {
  void* handle = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw Error(ErrorKind::kCompute,
                fmt::format("downloading needs libcurl, which could not be loaded ({}): install "
                            "Debian's libcurl4 (apt-get install libcurl4)",
                            why ? why : "unknown error"));
  }
  CurlLibrary c{};
  Resolve(handle, "curl_global_init", &c.global_init);
  Resolve(handle, "curl_easy_init", &c.easy_init);
  Resolve(handle, "curl_easy_cleanup", &c.easy_cleanup);
  Resolve(handle, "curl_easy_setopt", &c.easy_setopt);
  Resolve(handle, "curl_easy_perform", &c.easy_perform);
  Resolve(handle, "curl_easy_getinfo", &c.easy_getinfo);
  Resolve(handle, "curl_easy_strerror", &c.easy_strerror);
  c.global_init(CURL_GLOBAL_DEFAULT);
  return c;  // the library stays loaded for the process's life
}

}  // namespace

const CurlLibrary& Curl() {
  static std::once_flag once;
  static CurlLibrary library;
  static std::string error;
  std::call_once(once, [] {
    try {
      library = Load();
    } catch (const Error& e) {
      error = e.what();
    }
  });
  if (!error.empty()) throw Error(ErrorKind::kCompute, error);
  return library;
}

}  // namespace triad
