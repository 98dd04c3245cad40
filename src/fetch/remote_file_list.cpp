#include "fetch/remote_file_list.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "common/error.hpp"

namespace triad {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> ParseSize(std::string_view s) {
  std::int64_t v = 0;
  if (!AllDigits(s) || s.size() > 15) return std::nullopt;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::optional<std::string> ParseMd5(std::string_view s) {
  if (s.size() != 32) return std::nullopt;
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return out;
}

std::string_view LastPart(std::string_view url) {
  std::size_t slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

// The day range of a GDELT 1.0 file name: YYYYMMDD.export.CSV.zip, YYYYMM.zip or YYYY.zip.
std::optional<std::pair<Day, Day>> Gdelt1Days(std::string_view name) {
  std::string_view stem = name.substr(0, name.find('.'));
  if (!AllDigits(stem)) return std::nullopt;
  int y = 0, m = 0, d = 0;
  std::from_chars(stem.data(), stem.data() + 4, y);
  if (stem.size() == 8 && name.ends_with(".export.CSV.zip")) {
    std::from_chars(stem.data() + 4, stem.data() + 6, m);
    std::from_chars(stem.data() + 6, stem.data() + 8, d);
    auto day = DayFromYmd(y, m, d);
    if (!day) return std::nullopt;
    return std::make_pair(*day, *day);
  }
  if (stem.size() == 6 && name == fmt::format("{}.zip", stem)) {
    std::from_chars(stem.data() + 4, stem.data() + 6, m);
    auto first = DayFromYmd(y, m, 1);
    if (!first) return std::nullopt;
    return std::make_pair(*first, NextPeriodStart(*first, Frequency::kMonth) - 1);
  }
  if (stem.size() == 4 && name == fmt::format("{}.zip", stem)) {
    auto first = DayFromYmd(y, 1, 1);
    if (!first) return std::nullopt;
    return std::make_pair(*first, NextPeriodStart(*first, Frequency::kYear) - 1);
  }
  return std::nullopt;
}

}  // namespace

std::string RemoteFile::Name() const {
  return std::string(LastPart(mirror_path));
}

std::string_view FamilyFolder(GdeltFamily family) {
  return family == GdeltFamily::kGdelt2 ? "gdeltv2" : "events";
}

std::string JoinUrl(const std::string& base_url, std::string_view path) {
  std::string out = base_url;
  while (!out.empty() && out.back() == '/') out.pop_back();
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return out + "/" + std::string(path);
}

std::optional<std::int64_t> SlotOfExportName(std::string_view name) {
  if (name.size() < 14 || !name.substr(14).starts_with(".export.CSV")) return std::nullopt;
  std::string_view stamp = name.substr(0, 14);
  if (!AllDigits(stamp)) return std::nullopt;
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  std::from_chars(stamp.data(), stamp.data() + 4, y);
  std::from_chars(stamp.data() + 4, stamp.data() + 6, m);
  std::from_chars(stamp.data() + 6, stamp.data() + 8, d);
  std::from_chars(stamp.data() + 8, stamp.data() + 10, hh);
  std::from_chars(stamp.data() + 10, stamp.data() + 12, mm);
  std::from_chars(stamp.data() + 12, stamp.data() + 14, ss);
  if (!DayFromYmd(y, m, d) || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::int64_t slot = 0;
  std::from_chars(stamp.data(), stamp.data() + 14, slot);
  return slot;
}

std::vector<RemoteFile> ParseGdelt2List(std::string_view text, const std::string& list_name,
                                        const std::string& base_url) {
  std::vector<RemoteFile> files;
  std::int64_t line_no = 0;
  for (std::string_view line : Lines(text)) {
    ++line_no;
    std::vector<std::string_view> w = Words(line);
    if (w.empty()) continue;
    // Only export files: the mentions and gkg files are not events (and a line that names none of
    // them, e.g. a new kind of file, is not triad's to judge).
    if (w.size() < 3 || w[2].find(".export.CSV") == std::string_view::npos) continue;
    auto fail = [&](const char* field, const std::string& message) {
      ThrowInput(Location{list_name, line_no, field}, message);
    };
    auto size = ParseSize(w[0]);
    if (!size) fail("size", fmt::format("'{}' is not a size in bytes", w[0]));
    auto md5 = ParseMd5(w[1]);
    if (!md5) fail("md5", fmt::format("'{}' is not an MD5 (32 hex digits)", w[1]));
    std::string_view name = LastPart(w[2]);
    auto slot = SlotOfExportName(name);
    if (!slot)
      fail("url", fmt::format("'{}' is not a GDELT 2.0 export file "
                              "(YYYYMMDDHHMMSS.export.CSV.zip)",
                              name));
    RemoteFile f;
    f.mirror_path = fmt::format("{}/{}", FamilyFolder(GdeltFamily::kGdelt2), name);
    f.url = JoinUrl(base_url, f.mirror_path);
    f.size = *size;
    f.md5 = *md5;
    f.slot = *slot;
    f.first_day = f.last_day = *ParseCompactDate(name.substr(0, 8));
    files.push_back(std::move(f));
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const RemoteFile& a, const RemoteFile& b) { return a.slot < b.slot; });
  return files;
}

std::vector<RemoteFile> ParseGdelt1Lists(std::string_view md5sums, std::string_view filesizes,
                                         const std::string& base_url) {
  std::map<std::string, std::int64_t> sizes;
  std::int64_t line_no = 0;
  for (std::string_view line : Lines(filesizes)) {
    ++line_no;
    std::vector<std::string_view> w = Words(line);
    if (w.empty()) continue;
    auto size = w.size() == 2 ? ParseSize(w[0]) : std::nullopt;
    if (!size) ThrowInput(Location{"events/filesizes", line_no, "size"}, "expected 'SIZE NAME'");
    sizes[std::string(w[1])] = *size;
  }
  std::vector<RemoteFile> files;
  line_no = 0;
  for (std::string_view line : Lines(md5sums)) {
    ++line_no;
    std::vector<std::string_view> w = Words(line);
    if (w.empty()) continue;
    auto md5 = w.size() == 2 ? ParseMd5(w[0]) : std::nullopt;
    if (!md5) ThrowInput(Location{"events/md5sums", line_no, "md5"}, "expected 'MD5  NAME'");
    std::string name(w[1]);
    auto days = Gdelt1Days(name);
    if (!days) continue;  // GDELT.MASTERREDUCEDV2.1979-2013.zip and other files that are not events
    auto size = sizes.find(name);
    if (size == sizes.end())
      ThrowInput(Location{"events/filesizes", 0, "name"},
                 fmt::format("{} is in md5sums but not in filesizes", name));
    RemoteFile f;
    f.mirror_path = fmt::format("{}/{}", FamilyFolder(GdeltFamily::kGdelt1), name);
    f.url = JoinUrl(base_url, f.mirror_path);
    f.size = size->second;
    f.md5 = *md5;
    f.first_day = days->first;
    f.last_day = days->second;
    int y = 0, m = 0, d = 0;
    YmdFromDay(f.first_day, &y, &m, &d);
    f.slot = (static_cast<std::int64_t>(y) * 10000 + m * 100 + d) * 1000000;
    files.push_back(std::move(f));
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const RemoteFile& a, const RemoteFile& b) { return a.slot < b.slot; });
  return files;
}

std::vector<RemoteFile> FilesInRange(const std::vector<RemoteFile>& files, Day from, Day to) {
  std::vector<RemoteFile> out;
  for (const RemoteFile& f : files)
    if (f.last_day >= from && f.first_day <= to) out.push_back(f);
  return out;
}

}  // namespace triad
