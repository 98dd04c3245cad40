#include "reading/icews_row.hpp"

#include <fmt/format.h>

#include "common/error.hpp"
#include "reading/fixed_point.hpp"
#include "reading/tab_fields.hpp"

namespace triad {
namespace {

RowOutcome Reject(RowProblem* problem, std::string_view field, std::string reason) {
  problem->field = field;
  problem->reason = std::move(reason);
  return RowOutcome::kRejected;
}

}  // namespace

IcewsRowParser::IcewsRowParser(std::string_view header, const std::string& path)
    : codebook_(&CameoCodebook::Default()), countries_(&CountryTable::Default()) {
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  TabFields f;
  SplitTabs(header, &f);
  columns_ = f.count;
  for (int i = 0; i < std::min(f.count, kMaxFields); ++i) {
    std::string_view name = f.Field(header, i);
    if (name == "Event ID") event_id_ = i;
    if (name == "Event Date") event_date_ = i;
    if (name == "Source Country") source_country_ = i;
    if (name == "Target Country") target_country_ = i;
    if (name == "CAMEO Code") cameo_code_ = i;
    if (name == "Intensity") intensity_ = i;
    if (name == "Source Name") source_actor_ = i;
    if (name == "Target Name") target_actor_ = i;
    if (name == "Source Sectors") source_sectors_ = i;
    if (name == "Target Sectors") target_sectors_ = i;
  }
  const std::pair<int, const char*> required[] = {{event_id_, "Event ID"},
                                                  {event_date_, "Event Date"},
                                                  {source_country_, "Source Country"},
                                                  {target_country_, "Target Country"},
                                                  {cameo_code_, "CAMEO Code"},
                                                  {intensity_, "Intensity"}};
  for (auto [index, name] : required)
    if (index < 0) ThrowInput(Location{path, 1, name}, "the ICEWS header has no such column");
}

RowOutcome IcewsRowParser::Parse(std::string_view line, EventRecord* r, RowProblem* problem) const {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  TabFields f;
  SplitTabs(line, &f);
  if (f.count != columns_)
    return Reject(problem, "",
                  fmt::format("expected {} tab-separated columns as in the header, found {}",
                              columns_, f.count));
  auto id = ParseInteger(f.Field(line, event_id_));
  if (!id || *id < 0 || *id >= (std::int64_t{1} << 40))
    return Reject(problem, "Event ID", "not a non-negative integer below 2^40");
  std::string_view date = f.Field(line, event_date_);
  auto day = date.size() == 10 ? ParseDate(date) : std::nullopt;
  if (!day) return Reject(problem, "Event Date", "not a calendar date in YYYY-MM-DD form");
  if (!IsPlausibleEventDay(*day))
    return Reject(problem, "Event Date",
                  "a date outside the plausible range " + PlausibleEventDayRange());
  r->day = *day;
  // ICEWS ids repeat across dates: the key packs (id, date) into one integer.
  r->key = (*id << 22) | ((*day + (1 << 21)) & ((1 << 22) - 1));

  if (source_actor_ >= 0) r->source_name = f.Field(line, source_actor_);
  if (target_actor_ >= 0) r->target_name = f.Field(line, target_actor_);
  // Files without the sector columns (extracts that dropped them) leave both sides unspecified.
  const ActorSectorTable& sectors = ActorSectorTable::Default();
  r->source_sector = source_sectors_ >= 0 ? sectors.OfIcewsSectors(f.Field(line, source_sectors_))
                                          : ActorSector::kUnspecified;
  r->target_sector = target_sectors_ >= 0 ? sectors.OfIcewsSectors(f.Field(line, target_sectors_))
                                          : ActorSector::kUnspecified;
  std::string_view source_name = f.Field(line, source_country_);
  std::string_view target_name = f.Field(line, target_country_);
  // ICEWS writes NA (R's missing value) for actors without a country, such as IGOs.
  auto missing = [](std::string_view name) { return name.empty() || name == "NA"; };
  if (missing(source_name) || missing(target_name)) return RowOutcome::kNoDyad;
  auto source = countries_->CodeForIcewsName(source_name);
  if (!source)
    return Reject(problem, "Source Country",
                  fmt::format("unknown ICEWS country name '{}' (not in the codebook's "
                              "icews_countries table)",
                              source_name));
  auto target = countries_->CodeForIcewsName(target_name);
  if (!target)
    return Reject(problem, "Target Country",
                  fmt::format("unknown ICEWS country name '{}' (not in the codebook's "
                              "icews_countries table)",
                              target_name));
  if (*source == *target) return RowOutcome::kNoDyad;
  // The views must outlive this call: point them at the codebook's own strings.
  r->source = *source;
  r->target = *target;

  std::string_view code = f.Field(line, cameo_code_);
  r->event = codebook_->Find(code);
  if (!r->event)
    return Reject(problem, "CAMEO Code", fmt::format("'{}' is not a CAMEO event code", code));
  r->quad_class = r->event->quad_class;
  auto intensity = ParseFixedPoint(f.Field(line, intensity_), 1);
  if (!intensity || *intensity < -100 || *intensity > 100)
    return Reject(problem, "Intensity", "not a number from -10 to 10");
  r->goldstein_tenths = static_cast<std::int32_t>(*intensity);
  r->mentions = r->sources = r->articles = 1;
  r->tone_micro = 0;
  r->date_added = 0;
  return RowOutcome::kAccepted;
}

}  // namespace triad
