#include "scenarios/scenario_toml.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "common/error.hpp"
#include "common/nearest_name.hpp"

namespace triad {
namespace {

int LineOf(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

// One TOML table of the scenario: checks that its keys are known and converts values, naming the
// file, line and key on every error.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string context, std::string file,
              std::vector<std::string> keys)
      : table_(table),
        context_(std::move(context)),
        file_(std::move(file)),
        keys_(std::move(keys)) {
    for (auto&& [key, value] : table_) {
      const std::string name(key.str());
      if (std::find(keys_.begin(), keys_.end(), name) == keys_.end())
        Fail(value, name, fmt::format("unknown key in {}; {}", context_, SuggestName(name, keys_)));
    }
  }

  int line() const { return LineOf(table_); }
  bool Has(const std::string& key) const { return table_.contains(key); }
  const toml::node* Node(const std::string& key) const { return table_.get(key); }

  [[noreturn]] void Fail(const toml::node& node, const std::string& key,
                         const std::string& message) const {
    ThrowInput(Location{file_, LineOf(node), key}, message);
  }
  [[noreturn]] void FailMissing(const std::string& key, const std::string& what) const {
    ThrowInput(Location{file_, line(), key},
               fmt::format("{} needs '{}' ({})", context_, key, what));
  }

  std::optional<std::string> String(const std::string& key) const {
    const toml::node* n = Node(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) Fail(*n, key, "expected a string in quotes");
    return std::string(*n->value<std::string_view>());
  }
  std::string RequiredString(const std::string& key, const std::string& what) const {
    auto s = String(key);
    if (!s) FailMissing(key, what);
    return *s;
  }

  std::optional<double> Number(const std::string& key) const {
    const toml::node* n = Node(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) Fail(*n, key, "expected a number");
    const double v = *n->value<double>();
    if (!std::isfinite(v)) Fail(*n, key, "expected a finite number");
    return v;
  }
  double RequiredNumber(const std::string& key, const std::string& what) const {
    auto v = Number(key);
    if (!v) FailMissing(key, what);
    return *v;
  }

  std::optional<std::int64_t> Integer(const std::string& key, std::int64_t min,
                                      std::int64_t max) const {
    const toml::node* n = Node(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) Fail(*n, key, "expected a whole number (no quotes, no decimal point)");
    const std::int64_t v = *n->value<std::int64_t>();
    if (v < min || v > max)
      Fail(*n, key, fmt::format("must be between {} and {}: {}", min, max, v));
    return v;
  }

  // A TOML date (2024-03-04) or a string "YYYY-MM-DD" / "YYYY-MM" / "YYYY".
  std::optional<Day> Date(const std::string& key) const {
    const toml::node* n = Node(key);
    if (!n) return std::nullopt;
    if (n->is_date()) {
      const toml::date d = *n->value<toml::date>();
      if (auto day = DayFromYmd(d.year, d.month, d.day)) return day;
    } else if (n->is_string()) {
      if (auto day = ParseDate(*n->value<std::string_view>())) return day;
    }
    Fail(*n, key, "expected a date such as 2024-03-04");
  }
  Day RequiredDate(const std::string& key, const std::string& what) const {
    auto d = Date(key);
    if (!d) FailMissing(key, what);
    return *d;
  }

  std::vector<std::string> Strings(const std::string& key) const {
    const toml::node* n = Node(key);
    if (!n) return {};
    const toml::array* a = n->as_array();
    if (!a) Fail(*n, key, "expected a list of strings, e.g. [\"CHN_USA\", \"CHN_JPN\"]");
    std::vector<std::string> out;
    for (const toml::node& item : *a) {
      if (!item.is_string()) Fail(item, key, "expected a list of strings");
      out.emplace_back(*item.value<std::string_view>());
    }
    return out;
  }

  // One of `choices`, suggesting the nearest on a typo.
  std::optional<std::string> Choice(const std::string& key,
                                    const std::vector<std::string>& choices) const {
    auto s = String(key);
    if (!s) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *s) == choices.end())
      Fail(*Node(key), key, fmt::format("unknown value '{}'; {}", *s, SuggestName(*s, choices)));
    return s;
  }

 private:
  const toml::table& table_;
  std::string context_;
  std::string file_;
  std::vector<std::string> keys_;
};

std::string Resolve(const std::string& file, const std::string& relative) {
  const std::filesystem::path p(relative);
  if (p.is_absolute()) return relative;
  return (std::filesystem::path(file).parent_path() / p).lexically_normal().string();
}

// Entries of an array of tables ([[lever]]); a single [lever] table is a common slip.
std::vector<const toml::table*> TablesOf(const toml::table& root, const std::string& key,
                                         const std::string& file) {
  std::vector<const toml::table*> out;
  const toml::node* n = root.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a || !a->is_array_of_tables())
    ThrowInput(Location{file, LineOf(*n), key},
               fmt::format("'{}' must be written as [[{}]] tables, one per entry", key, key));
  for (const toml::node& item : *a) out.push_back(item.as_table());
  return out;
}

ModelSource ReadModel(const toml::table& root, const std::string& file) {
  const toml::node* n = root.get("model");
  if (!n || !n->is_table())
    ThrowInput(Location{file, 1, "model"},
               "a scenario needs a [model] table: fit = \"fit.json\" (from `triad var --save`) "
               "or a store-based model (store, actors, freq, lags)");
  TableReader t(
      *n->as_table(), "[model]", file,
      {"fit", "last", "freq", "exog", "store", "actors", "from", "to", "lags", "drivers", "prior"});
  ModelSource m;
  const std::vector<std::string> frequencies = {"day", "week", "month", "year"};
  const auto freq = t.Choice("freq", frequencies);
  if (auto fit = t.String("fit")) {
    for (const char* key : {"store", "actors", "from", "to", "lags", "drivers", "prior"})
      if (t.Has(key))
        t.Fail(*t.Node(key), key,
               "a [model] with 'fit' takes its series from the fit; remove this key");
    m.fit_path = Resolve(file, *fit);
    m.last = t.Date("last");
    if (freq) m.freq = ParseFrequency(*freq);
    if (const toml::node* exog = t.Node("exog")) {
      const toml::table* values = exog->as_table();
      if (!values) t.Fail(*exog, "exog", "expected a table of values, e.g. exog = { OIL = 80.0 }");
      for (auto&& [key, value] : *values) {
        if (!value.is_number()) t.Fail(value, std::string(key.str()), "expected a number");
        m.exog[std::string(key.str())] = *value.value<double>();
      }
    }
    return m;
  }
  if (!t.Has("store"))
    ThrowInput(Location{file, t.line(), "fit"},
               "[model] needs either 'fit' (a saved fit.json) or 'store' (a store-based model)");
  for (const char* key : {"last", "exog"})
    if (t.Has(key)) t.Fail(*t.Node(key), key, "only a [model] with 'fit' takes this key");
  StoreModelSpec s;
  s.store = Resolve(file, t.RequiredString("store", "the store file"));
  s.actors = t.Strings("actors");
  if (s.actors.size() < 2)
    ThrowInput(Location{file, t.line(), "actors"},
               "a store-based [model] needs at least two actors, e.g. actors = [\"CHN\", \"USA\", "
               "\"JPN\"]");
  if (freq) s.freq = *freq;
  s.from = t.Date("from");
  s.to = t.Date("to");
  if (s.from && s.to && *s.from > *s.to)
    t.Fail(*t.Node("to"), "to", "the estimation period ends before it starts");
  s.lags = static_cast<int>(t.Integer("lags", 1, 52).value_or(1));
  s.drivers = t.Strings("drivers");
  s.prior = t.Choice("prior", {"auto", "none", "minnesota"}).value_or("auto");
  m.store = s;
  return m;
}

Lever ReadLever(const toml::table& table, const std::string& file) {
  TableReader t(table, "[[lever]]", file,
                {"name", "variable", "kind", "from", "at", "to", "ramp", "size", "cost", "active",
                 "intent", "description"});
  Lever l;
  l.line = t.line();
  l.name = t.RequiredString("name", "a short name for reports");
  l.variable = t.RequiredString("variable", "the model variable it acts on");
  l.variable_line = LineOf(*t.Node("variable"));
  const std::string kind = t.Choice("kind", {"shift", "shock", "volatility"}).value_or("shift");
  l.kind = kind == "shock"        ? LeverKind::kShock
           : kind == "volatility" ? LeverKind::kVolatility
                                  : LeverKind::kShift;
  if (l.kind == LeverKind::kShock) {
    if (t.Has("from"))
      t.Fail(*t.Node("from"), "from", "a shock happens once: give its date as 'at'");
    if (t.Has("to")) t.Fail(*t.Node("to"), "to", "a shock happens once: it has no 'to'");
    l.from = t.RequiredDate("at", "the date of the impulse");
  } else {
    if (t.Has("at"))
      t.Fail(*t.Node("at"), "at",
             fmt::format("a {} lever lasts: give its first date as 'from'", kind));
    l.from = t.RequiredDate("from", "the first date of its effect");
    l.to = t.Date("to");
    if (l.to && *l.to < l.from) t.Fail(*t.Node("to"), "to", "the lever ends before it starts");
  }
  if (t.Has("ramp")) {
    if (l.kind != LeverKind::kShift) t.Fail(*t.Node("ramp"), "ramp", "only a shift lever ramps in");
    l.ramp = static_cast<int>(*t.Integer("ramp", 0, 100000));
  }
  l.size = t.RequiredNumber("size", kind == "volatility" ? "the factor on the innovation s.d."
                                                         : "the change in the variable's units");
  if (l.kind == LeverKind::kVolatility && l.size <= 0)
    t.Fail(*t.Node("size"), "size", "a volatility factor must be positive (1 = unchanged)");
  if (const toml::node* active = t.Node("active")) {
    if (!active->is_boolean()) t.Fail(*active, "active", "expected true or false");
    l.active = *active->value<bool>();
  }
  l.cost = t.Number("cost").value_or(0.0);
  if (l.cost < 0) t.Fail(*t.Node("cost"), "cost", "a cost cannot be negative");
  if (const auto intent = t.Choice("intent", {"cooperative", "harmful"})) {
    l.intent = *intent == "cooperative" ? LeverIntent::kCooperative : LeverIntent::kHarmful;
    l.intent_line = LineOf(*t.Node("intent"));
  }
  return l;
}

Window ReadWindow(const toml::table& table, const std::string& file) {
  TableReader t(table, "[[window]]", file,
                {"name", "from", "to", "variables", "volatility", "drift", "description"});
  Window w;
  w.line = t.line();
  w.name = t.RequiredString("name", "a short name for reports");
  w.from = t.RequiredDate("from", "its first date");
  w.to = t.RequiredDate("to", "its last date");
  if (w.to < w.from) t.Fail(*t.Node("to"), "to", "the window ends before it starts");
  w.variables = t.Strings("variables");
  w.variables_line = t.Has("variables") ? LineOf(*t.Node("variables")) : w.line;
  if (w.variables.empty())
    ThrowInput(Location{file, w.line, "variables"},
               "[[window]] needs 'variables', the model variables it affects");
  if (!t.Has("volatility") && !t.Has("drift"))
    ThrowInput(Location{file, w.line, "volatility"},
               "[[window]] changes nothing: give 'volatility' (a factor on the s.d.) and/or "
               "'drift' (per step, in the variable's units)");
  w.volatility = t.Number("volatility").value_or(1.0);
  if (w.volatility <= 0)
    t.Fail(*t.Node("volatility"), "volatility", "a volatility factor must be positive");
  w.drift = t.Number("drift").value_or(0.0);
  return w;
}

Target ReadTarget(const toml::table& table, const std::string& file) {
  TableReader t(table, "[[target]]", file, {"variable", "floor", "mode", "name", "description"});
  Target g;
  g.line = t.line();
  g.variable = t.RequiredString("variable", "the dyad's relation series");
  g.variable_line = LineOf(*t.Node("variable"));
  g.floor = t.RequiredNumber("floor", "the level it should stay at or above");
  const std::string mode = t.Choice("mode", {"every_step", "at_end"}).value_or("every_step");
  g.mode = mode == "at_end" ? TargetMode::kAtEnd : TargetMode::kEveryStep;
  return g;
}

}  // namespace

std::string_view LeverKindName(LeverKind kind) {
  switch (kind) {
    case LeverKind::kShift:
      return "shift";
    case LeverKind::kShock:
      return "shock";
    case LeverKind::kVolatility:
      return "volatility";
  }
  return "?";
}

std::string_view LeverIntentName(LeverIntent intent) {
  switch (intent) {
    case LeverIntent::kCooperative:
      return "cooperative";
    case LeverIntent::kHarmful:
      return "harmful";
    case LeverIntent::kUnstated:
      return "unstated";
  }
  return "?";
}

std::string_view TargetModeName(TargetMode mode) {
  return mode == TargetMode::kAtEnd ? "at_end" : "every_step";
}

Scenario ParseScenario(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    ThrowInput(
        Location{path, static_cast<std::int64_t>(e.source().begin.line), ""},
        fmt::format("not valid TOML (column {}): {}", e.source().begin.column, e.description()));
  }
  TableReader top(root, "the scenario", path,
                  {"name", "description", "model", "start", "horizon", "paths", "seed", "lever",
                   "window", "target", "triangle", "neutral"});
  Scenario s;
  s.path = path;
  s.model = ReadModel(root, path);
  if (const toml::node* start = top.Node("start")) {
    const bool is_end = start->is_string() && *start->value<std::string_view>() == "end";
    const bool is_date =
        start->is_date() || (start->is_string() && ParseDate(*start->value<std::string_view>()));
    if (!is_end && !is_date)
      top.Fail(*start, "start",
               "expected \"end\" (just after the data) or a date such as 2024-03-04");
    if (!is_end) s.start = top.Date("start");
  }
  s.horizon = static_cast<int>(top.Integer("horizon", 1, 100000).value_or(52));
  s.paths = static_cast<int>(top.Integer("paths", 2, 100000000).value_or(10000));
  s.seed = static_cast<std::uint64_t>(
      top.Integer("seed", 0, std::numeric_limits<std::int64_t>::max()).value_or(1));
  for (const toml::table* t : TablesOf(root, "lever", path))
    s.levers.push_back(ReadLever(*t, path));
  for (const toml::table* t : TablesOf(root, "window", path))
    s.windows.push_back(ReadWindow(*t, path));
  for (const toml::table* t : TablesOf(root, "target", path))
    s.targets.push_back(ReadTarget(*t, path));
  for (std::size_t i = 0; i < s.levers.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (s.levers[i].name == s.levers[j].name)
        ThrowInput(Location{path, s.levers[i].line, "name"},
                   fmt::format("lever name '{}' is used twice (also line {})", s.levers[i].name,
                               s.levers[j].line));
  s.triangle = top.Strings("triangle");
  if (!s.triangle.empty()) {
    s.triangle_line = LineOf(*top.Node("triangle"));
    if (s.triangle.size() != 3)
      ThrowInput(Location{path, s.triangle_line, "triangle"},
                 "triangle needs exactly three dyad variables: A_B, A_C, B_C");
  }
  s.neutral = top.Number("neutral").value_or(0.0);
  if (s.neutral < 0)
    top.Fail(*top.Node("neutral"), "neutral", "the neutral band cannot be negative");
  return s;
}

Scenario ReadScenarioFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) ThrowInput(Location{path, 0, ""}, "cannot open the scenario file");
  std::stringstream text;
  text << in.rdbuf();
  return ParseScenario(text.str(), path);
}

}  // namespace triad
