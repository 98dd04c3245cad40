#pragma once
// Escaping for text that comes from data (actor names, file names, URLs, lever names, warnings)
// before it goes into the HTML report, so that no data string can open a tag, close an
// attribute or start a script.
#include <string>
#include <string_view>

namespace triad {

// Replaces & < > " ' with character references, so the result is inert both as element text
// and inside a double- or single-quoted attribute value. Control characters other than tab,
// newline and carriage return (never legitimate in the report's text), bytes that are not
// UTF-8, and the bidirectional override and isolate characters become U+FFFD.
std::string HtmlEscape(std::string_view text);

}  // namespace triad
