#pragma once
// Text from data (file names, actor names, reject reasons and raw lines, lever and series names)
// is not trusted: it may be Latin-1 rather than UTF-8, carry terminal escape sequences, or
// right-to-left overrides that make a line read differently from what it holds. Every output
// passes such text through one of these before it reaches a terminal, a JSON document or a page.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace triad {

// The text with every byte sequence that is not UTF-8 replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// For a terminal or a text table: valid UTF-8, and every control character written visibly as
// an escape instead of acting on the terminal: C0 controls and DEL as \xNN (tab included: a tab
// would break a table's columns), C1 controls and the bidirectional embedding, override and
// isolate characters (U+202A..U+202E, U+2066..U+2069) as \u{NNNN}.
std::string TerminalText(std::string_view text);
// The same for a message of several lines: newlines are kept, everything else as above.
std::string TerminalLines(std::string_view text);

// True for the bidirectional formatting characters that reorder what follows them.
bool IsBidiControl(char32_t c);

// A JSON document as text; strings that are not UTF-8 have U+FFFD in place of the bad bytes
// (nlohmann's default would throw after the data were committed).
std::string JsonText(const nlohmann::json& value, int indent);

}  // namespace triad
