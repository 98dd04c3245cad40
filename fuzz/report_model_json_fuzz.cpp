// libFuzzer harness: a report model (JSON) read and rendered to HTML, as `triad render` does.
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "outputs/report_html.hpp"
#include "outputs/report_model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = nlohmann::json::parse(triad::fuzz::AsText(data, size), nullptr, false);
  if (json.is_discarded()) return 0;
  try {
    const triad::ReportModel model = triad::ReportModelFromJson(json, "fuzz.json");
    (void)triad::RenderHtmlReport(model);
  } catch (const triad::Error&) {
  }
  return 0;
}
