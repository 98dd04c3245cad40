// libFuzzer harness: a saved VAR fit (`triad var --save fit.json`) read back as `triad simulate`
// reads it, then used: forecasts and impulse responses from a fit the reader accepted must not
// crash, whatever the file held (shapes are the reader's to check).
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "measures/var_forecast.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = nlohmann::json::parse(triad::fuzz::AsText(data, size), nullptr, false);
  if (json.is_discarded()) return 0;
  try {
    const triad::VarFit fit = triad::VarFitFromJson(json, "fuzz.json");
    if (fit.K() > 8 || fit.lags > 8 || !fit.exog_names.empty()) return 0;
    (void)triad::Forecast(fit, fit.last_values, 3);
    (void)triad::ImpulseResponses(fit, 3, true);
    (void)triad::DecomposeVariance(fit, 3);
  } catch (const triad::Error&) {
  }
  return 0;
}
