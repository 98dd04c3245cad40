#include "series/series_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "common/error.hpp"
#include "reading/csv_table.hpp"

namespace triad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsCountryCode(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

enum class DateForm { kYear, kMonth, kDay };

struct ParsedDate {
  Day day;
  DateForm form;
};

std::optional<ParsedDate> ParseSeriesDate(std::string_view text) {
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto number = [](std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  };
  std::optional<Day> day;
  DateForm form = DateForm::kDay;
  if (text.size() == 4 && digits(text)) {
    day = DayFromYmd(number(text), 1, 1);
    form = DateForm::kYear;
  } else if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4)) &&
             digits(text.substr(5))) {
    day = DayFromYmd(number(text.substr(0, 4)), number(text.substr(5)), 1);
    form = DateForm::kMonth;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) &&
             digits(text.substr(5, 2)) && digits(text.substr(8))) {
    day = DayFromYmd(number(text.substr(0, 4)), number(text.substr(5, 2)), number(text.substr(8)));
  } else if (text.size() == 8 && digits(text)) {
    day = ParseCompactDate(text);
  }
  if (!day) return std::nullopt;
  return ParsedDate{*day, form};
}

std::string_view FormName(DateForm form) {
  switch (form) {
    case DateForm::kYear:
      return "YYYY";
    case DateForm::kMonth:
      return "YYYY-MM";
    case DateForm::kDay:
      break;
  }
  return "YYYY-MM-DD";
}

// Reads dates and keeps the file to one form.
class DateColumn {
 public:
  DateColumn(const std::string& path, std::string column)
      : path_(path), column_(std::move(column)) {}
  Day Parse(std::string_view text, std::int64_t line) {
    auto parsed = ParseSeriesDate(text);
    if (!parsed)
      ThrowInput({path_, line, column_},
                 fmt::format("'{}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", text));
    if (!form_) {
      form_ = parsed->form;
      first_line_ = line;
    } else if (*form_ != parsed->form) {
      ThrowInput({path_, line, column_},
                 fmt::format("date '{}' is written as {}, but line {} wrote {}: use one form "
                             "(one resolution) per file",
                             text, FormName(parsed->form), first_line_, FormName(*form_)));
    }
    days_.insert(parsed->day);
    return parsed->day;
  }
  // The resolution: year, month, week (all Mondays, gaps multiples of 7) or day.
  Frequency Resolution() const {
    if (form_ == DateForm::kYear) return Frequency::kYear;
    if (form_ == DateForm::kMonth) return Frequency::kMonth;
    if (days_.size() < 2) return Frequency::kDay;
    Day previous = *days_.begin();
    for (Day d : days_) {
      if (PeriodStart(d, Frequency::kWeek) != d) return Frequency::kDay;
      if ((d - previous) % 7 != 0) return Frequency::kDay;
      previous = d;
    }
    return Frequency::kWeek;
  }

 private:
  std::string path_, column_;
  std::optional<DateForm> form_;
  std::int64_t first_line_ = 0;
  std::set<Day> days_;
};

// A number cell: nullopt when empty or NA (missing); input error when not a finite number.
std::optional<double> ParseNumber(std::string_view text, const Location& where) {
  if (text.empty() || text == "NA" || text == "na") return std::nullopt;
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + (text.front() == '+' ? 1 : 0), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v))
    ThrowInput(where, fmt::format("'{}' is not a number (leave the cell empty if missing)", text));
  return v;
}

ImportedSeries ParseLong(const CsvTable& table, ImportedSeries series) {
  const std::vector<std::string>& header = table.header();
  const std::string& path = table.path();
  const std::int64_t header_line = table.header_line();
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = Lower(header[i]);
    if (column.count(name))
      ThrowInput({path, header_line, header[i]}, "the header names this column twice");
    column[name] = i;
  }
  for (const auto& [name, index] : column) {
    if (name != "date" && name != "source" && name != "target" && name != "value" &&
        name != "weight" && name != "se")
      ThrowInput({path, header_line, header[index]},
                 "unknown column in a long file: expected date, source, target, value and "
                 "optionally weight and se");
  }
  const bool has_weight = column.count("weight") > 0;
  series.layout = "long";
  series.directed = true;
  series.has_se = column.count("se") > 0;
  DateColumn dates(path, header[column["date"]]);
  std::map<std::tuple<Day, std::string, std::string>, std::int64_t> seen;
  for (const CsvRow& row : table.rows()) {
    const std::int64_t line = row.line;
    const std::vector<std::string>& f = row.fields;
    auto cell = [&](const char* name) -> const std::string& { return f[column[name]]; };
    auto where = [&](const char* name) { return Location{path, line, header[column[name]]}; };
    ImportedValue v;
    v.day = dates.Parse(cell("date"), line);
    v.source = Upper(cell("source"));
    v.target = Upper(cell("target"));
    for (const char* name : {"source", "target"}) {
      const std::string& code = std::string_view(name) == "source" ? v.source : v.target;
      if (!IsCountryCode(code))
        ThrowInput(where(name),
                   fmt::format("'{}' is not a 3-letter CAMEO country code", cell(name)));
    }
    if (v.source == v.target)
      ThrowInput(where("target"), fmt::format("source and target are both {}", v.source));
    auto value = ParseNumber(cell("value"), where("value"));
    if (!value) continue;  // missing
    v.value = *value;
    if (has_weight) {
      auto w = ParseNumber(cell("weight"), where("weight"));
      if (!w || *w <= 0) ThrowInput(where("weight"), "the weight must be a number > 0");
      v.weight = *w;
    }
    v.se = kNaN;
    if (series.has_se) {
      auto se = ParseNumber(cell("se"), where("se"));
      if (se && *se < 0) ThrowInput(where("se"), "a standard error cannot be negative");
      if (se) v.se = *se;
    }
    auto [it, inserted] = seen.emplace(std::make_tuple(v.day, v.source, v.target), line);
    if (!inserted)
      ThrowInput({path, line, ""}, fmt::format("a second value for {}->{} on {} (first on line {})",
                                               v.source, v.target, cell("date"), it->second));
    series.values.push_back(std::move(v));
  }
  series.resolution = dates.Resolution();
  return series;
}

ImportedSeries ParseWide(const CsvTable& table, ImportedSeries series) {
  const std::vector<std::string>& header = table.header();
  const std::string& path = table.path();
  const std::int64_t header_line = table.header_line();
  series.layout = "wide";
  series.directed = false;
  struct DyadColumn {
    std::string a, b;
  };
  std::vector<DyadColumn> dyads(header.size());
  std::map<std::pair<std::string, std::string>, std::string> seen_dyads;
  for (std::size_t c = 1; c < header.size(); ++c) {
    const std::string upper = Upper(header[c]);
    const auto sep = upper.find_first_of("-_");
    const std::string a = sep == std::string::npos ? upper : upper.substr(0, sep);
    const std::string b = sep == std::string::npos ? "" : upper.substr(sep + 1);
    if (!IsCountryCode(a) || !IsCountryCode(b) || a == b)
      ThrowInput({path, header_line, header[c]},
                 "not a dyad column: a wide file has a date column, then one column per dyad "
                 "named like CHN_USA (or write a long file: date,source,target,value)");
    auto key = std::minmax(a, b);
    auto [it, inserted] = seen_dyads.emplace(std::make_pair(key.first, key.second), header[c]);
    if (!inserted)
      ThrowInput(
          {path, header_line, header[c]},
          fmt::format("the same dyad as column {} (a wide series is undirected)", it->second));
    dyads[c] = {a, b};
  }
  DateColumn dates(path, header[0]);
  std::map<Day, std::int64_t> seen_days;
  for (const CsvRow& row : table.rows()) {
    const std::int64_t line = row.line;
    const std::vector<std::string>& f = row.fields;
    const Day day = dates.Parse(f[0], line);
    auto [it, inserted] = seen_days.emplace(day, line);
    if (!inserted)
      ThrowInput({path, line, header[0]},
                 fmt::format("date {} again (first on line {})", f[0], it->second));
    for (std::size_t c = 1; c < f.size(); ++c) {
      auto value = ParseNumber(f[c], {path, line, header[c]});
      if (!value) continue;
      ImportedValue v;
      v.day = day;
      v.source = dyads[c].a;
      v.target = dyads[c].b;
      v.value = *value;
      v.se = kNaN;
      series.values.push_back(std::move(v));
    }
  }
  series.resolution = dates.Resolution();
  return series;
}

}  // namespace

namespace {

ImportedSeries ParseTable(const CsvTable& table, const std::string& name) {
  if (name.empty()) ThrowUsage("an imported series needs a name (--name)");
  const std::vector<std::string>& header = table.header();
  ImportedSeries series;
  series.name = name;
  series.file = table.path();
  std::set<std::string> names;
  for (auto& h : header) names.insert(Lower(h));
  const bool long_layout =
      names.count("date") && names.count("source") && names.count("target") && names.count("value");
  if (!long_layout && header.size() < 2)
    ThrowInput({table.path(), table.header_line(), ""},
               "a wide file needs a date column and at least one dyad column, e.g. "
               "date,CHN_USA (or write a long file: date,source,target,value)");
  series = long_layout ? ParseLong(table, std::move(series)) : ParseWide(table, std::move(series));
  if (series.values.empty()) ThrowInput({table.path(), 0, ""}, "the file holds no value");
  return series;
}

}  // namespace

ImportedSeries ParseImportedSeriesCsv(std::string_view text, const std::string& path,
                                      const std::string& name) {
  return ParseTable(CsvTable::Parse(text, path), name);
}

ImportedSeries ReadImportedSeriesCsv(const std::string& path, const std::string& name) {
  return ParseTable(CsvTable::Read(path), name);
}

}  // namespace triad
