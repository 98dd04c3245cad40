// `triad render MODEL.json --out report.html`: turn a report model (the JSON that `triad report
// --format json` writes, or any producer's) into the self-contained HTML report. Rendering is
// separate from measuring so that a model can be edited, archived or built by other tools.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/report_html.hpp"
#include "outputs/report_model.hpp"
#include "outputs/safe_text.hpp"

namespace triad::cli {
namespace {

struct RenderOptions {
  std::string model;  // path, or "-" for standard input
  std::string out = "report.html";
  std::string format = "table";
};

nlohmann::json ReadModelJson(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) ThrowInput(Location{path, 0, ""}, "cannot open the report model");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    ThrowInput(Location{path, 0, ""}, fmt::format("not valid JSON: {}", e.what()));
  }
}

std::size_t CountOccurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void Run(const RenderOptions& o) {
  const ReportModel model = ReportModelFromJson(ReadModelJson(o.model), o.model);
  const std::string html = RenderHtmlReport(model);
  if (o.out == "-") {
    WriteStandardOutput(html);
    return;
  }
  WriteOutputFile(o.out, html);
  const std::size_t charts = CountOccurrences(html, "<svg class=\"chart");
  if (o.format == "json") {
    std::cout << JsonText(nlohmann::json{{"out", o.out},
                                         {"bytes", html.size()},
                                         {"charts", charts},
                                         {"dyads", model.dyads.size()}},
                          1)
              << "\n";
  } else {
    std::cout << fmt::format("wrote {} ({} KB, {} charts, {} dyads)\n", o.out,
                             (html.size() + 1023) / 1024, charts, model.dyads.size());
  }
}

const CommandRegistration kRender(92, [](CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand(
      "render", "Render a report model (JSON) as one self-contained HTML file with charts");
  cmd->add_option("model", o->model, "report model JSON file ('-' for standard input)")->required();
  cmd->add_option("--out", o->out, "HTML file to write ('-' for standard output)")
      ->capture_default_str();
  cmd->add_option("--format", o->format, "table (default) or json: what to print on success")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->footer(
      "Example:\n"
      "  triad render tests/data/report/sample_report.json --out out/report.html\n"
      "The HTML holds its styles and SVG charts inline and makes no network request; every\n"
      "string from the model is HTML-escaped. The model's fields are documented in\n"
      "src/outputs/report_model.hpp.");
  cmd->callback([o, &exit_code] {
    Run(*o);
    exit_code = kExitOk;
  });
});

}  // namespace
}  // namespace triad::cli
