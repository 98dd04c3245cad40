#include "scenarios/lever_search_json.hpp"

#include "scenarios/simulation_json.hpp"

namespace triad {

nlohmann::json ToJson(const LeverSearchResult& r) {
  nlohmann::json j;
  j["method"] = r.method;
  j["objective"] = r.objective;
  j["budget"] = r.budget;
  j["sets_scored"] = r.sets_scored;
  j["search_paths"] = r.search_paths;
  j["final_paths"] = r.final_paths;
  j["seed"] = r.seed;
  j["baseline"] = ToJson(r.baseline);
  nlohmann::json levers = nlohmann::json::array();
  for (std::size_t i = 0; i < r.lever_names.size(); ++i)
    levers.push_back({{"name", r.lever_names[i]}, {"cost", r.lever_costs[i]}});
  j["levers"] = levers;
  nlohmann::json best = nlohmann::json::array();
  for (const EvaluatedLeverSet& e : r.best) {
    std::vector<std::string> names;
    for (int i : e.levers) names.push_back(r.lever_names[i]);
    best.push_back({{"levers", names},
                    {"cost", e.cost},
                    {"search_probability", e.search_probability},
                    {"probability", ToJson(e.probability)},
                    {"interval95", e.interval},
                    {"gain_over_baseline", ToJson(e.gain)}});
  }
  j["best"] = best;
  nlohmann::json marginal = nlohmann::json::array();
  for (const MarginalValue& m : r.marginal)
    marginal.push_back({{"lever", r.lever_names[m.lever]},
                        {"in_best", m.in_best},
                        {"within_budget", m.within_budget},
                        {"value", ToJson(m.value)},
                        {"draws", m.draws},
                        {"draw_interval90", {m.draw_low, m.draw_high}},
                        {"share_positive", m.share_positive},
                        {"recommended", m.recommended}});
  j["marginal"] = marginal;
  j["parameters"] = r.parameters;
  return j;
}

}  // namespace triad
