#pragma once
// What GDELT's file server offers, read from its own lists:
// - GDELT 2.0: gdeltv2/masterfilelist.txt and gdeltv2/lastupdate.txt, a line per file:
//   "SIZE MD5 URL", for the 15-minute export, mentions and gkg files. triad takes the export
//   files (YYYYMMDDHHMMSS.export.CSV.zip).
// - GDELT 1.0: events/md5sums ("MD5  NAME", as md5sum prints it) and events/filesizes
//   ("SIZE NAME"): daily files YYYYMMDD.export.CSV.zip from 2013-04-01, and the backfile of
//   monthly (YYYYMM.zip, 2006-2013) and yearly (YYYY.zip, 1979-2005) files.
// A file's place in the local mirror is its path on the server below the base URL, so a mirror
// laid out like the server can itself be served as a base URL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace triad {

enum class GdeltFamily { kGdelt1 = 1, kGdelt2 = 2 };

struct RemoteFile {
  std::string url;  // as listed (GDELT lists absolute http:// URLs)
  std::string
      mirror_path;        // relative path in the mirror, e.g. gdeltv2/20250519014500.export.CSV.zip
  std::int64_t size = 0;  // bytes, as listed
  std::string md5;        // 32 lowercase hex digits, as listed
  Day first_day = 0;      // the news days the file covers (its slot's day for GDELT 2.0)
  Day last_day = 0;
  std::int64_t slot = 0;     // GDELT 2.0: YYYYMMDDHHMMSS of the 15-minute slot; else YYYYMMDD..
  std::string Name() const;  // file name, the last part of mirror_path
};

// The server's folder for a family: "gdeltv2" or "events".
std::string_view FamilyFolder(GdeltFamily family);

// Joins a base URL (e.g. http://data.gdeltproject.org, with or without a trailing slash) and a
// path below it.
std::string JoinUrl(const std::string& base_url, std::string_view path);

// The export files of a masterfilelist.txt or lastupdate.txt text, in slot order. URLs are
// rewritten onto base_url (the listed host is GDELT's even on a mirror). Lines of other files
// are skipped; a malformed export line is an input error naming `list_name`, the line and the
// field.
std::vector<RemoteFile> ParseGdelt2List(std::string_view text, const std::string& list_name,
                                        const std::string& base_url);

// GDELT 1.0's event files from the md5sums and filesizes texts, in date order. A file in one list
// but not the other is an input error.
std::vector<RemoteFile> ParseGdelt1Lists(std::string_view md5sums, std::string_view filesizes,
                                         const std::string& base_url);

// The files whose news days overlap [from, to].
std::vector<RemoteFile> FilesInRange(const std::vector<RemoteFile>& files, Day from, Day to);

// The slot (YYYYMMDDHHMMSS) of a GDELT 2.0 export file name, or nullopt.
std::optional<std::int64_t> SlotOfExportName(std::string_view name);

}  // namespace triad
