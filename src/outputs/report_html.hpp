#pragma once
// The HTML report: one self-contained HTML5 file (inline CSS and SVG, no script, no request to
// any other file or host), readable offline and printable.
#include <string>

#include "outputs/report_model.hpp"

namespace triad {

// Pure: the same model gives the same bytes. Every string from the model is HTML-escaped;
// sections whose data is absent (no triangle, no drivers, no scenario) are left out.
std::string RenderHtmlReport(const ReportModel& model);

}  // namespace triad
