#pragma once
// The file lists of GDELT's server (remote_file_list.hpp), fetched with the same retries as the
// files themselves, and kept in the mirror (written atomically) so that a mirror can be served
// as a base URL in turn.
#include <string>
#include <vector>

#include "fetch/mirror_fetch.hpp"
#include "fetch/remote_file_list.hpp"

namespace triad {

inline constexpr const char* kGdeltBaseUrl = "http://data.gdeltproject.org";

// GET with retries (options.attempts, backoff, Retry-After); an input error naming the URL when
// every attempt failed or the answer is permanent (404).
std::string FetchTextWithRetries(HttpClient& http, const std::string& url,
                                 const MirrorOptions& options);

// Every file the server lists for the family: GDELT 2.0's masterfilelist.txt (export files), or
// GDELT 1.0's md5sums and filesizes. With a mirror folder, the lists are saved there too.
std::vector<RemoteFile> FetchFileList(GdeltFamily family, const std::string& base_url,
                                      const MirrorOptions& options);

// The export file(s) of GDELT 2.0's lastupdate.txt: the newest 15-minute slot.
std::vector<RemoteFile> FetchLastUpdate(const std::string& base_url, const MirrorOptions& options);

}  // namespace triad
