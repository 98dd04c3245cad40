#pragma once
// libcurl, loaded when the first download starts (dlopen of libcurl.so.4) rather than linked:
// libcurl brings some 30 shared libraries (TLS, Kerberos, LDAP, SSH, ...) whose loading and
// relocation every triad command would otherwise pay at start, though only fetch and follow use
// them. The header is libcurl's own; only the functions triad calls are looked up.
#include <curl/curl.h>

namespace triad {

struct CurlLibrary {
  CURLcode (*global_init)(long flags);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL* handle);
  CURLcode (*easy_setopt)(CURL* handle, CURLoption option, ...);
  CURLcode (*easy_perform)(CURL* handle);
  CURLcode (*easy_getinfo)(CURL* handle, CURLINFO info, ...);
  const char* (*easy_strerror)(CURLcode code);
};

// The loaded library, initialised (curl_global_init) once. An error that names the Debian
// package when libcurl cannot be loaded.
const CurlLibrary& Curl();

}  // namespace triad
