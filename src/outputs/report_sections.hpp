#pragma once
// The sections of the HTML report (used by report_html.cpp). Each returns an HTML fragment in
// which every string from the model is escaped; charts are inline SVG.
#include <array>
#include <string>

#include "outputs/report_model.hpp"

namespace triad {

// Colours of the four Dittmer types, in TriangleType order.
extern const std::array<const char*, 4> kTriangleTypeColours;

// Per dyad: index points with 90% whiskers, smoothed level and band, floor; momentum band.
std::string RelationsSection(const ReportModel& model);
// The latest triangle diagram and type probabilities; the type-probability timeline.
std::string TriangleSection(const ReportModel& model);
// Impulse responses as small multiples; variance shares as stacked bars. `index_units` says
// what one index point is (ReportModel::index_units), the unit of the dyads' responses.
std::string DriversSection(const DriverReport& drivers, const std::string& index_units,
                           Language language = Language::kEnglish);
// Levers, windows, fan charts and on-track probabilities.
std::string ScenarioSection(const ScenarioReport& scenario, Language language = Language::kEnglish);
// The rolling-origin forecast evaluation as a table (report_evaluation.cpp).
std::string EvaluationSection(const ForecastSkillReport& evaluation,
                              Language language = Language::kEnglish);

}  // namespace triad
