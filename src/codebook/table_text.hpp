#pragma once
// Reading the small delimited tables of the codebook (TSV without quoting, CSV with RFC 4180
// double quotes on one line) from text in memory. Shared by the CAMEO, country and group tables.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace triad::codebook {

// Calls visit(line_number, line) for every line of text (1-based numbers, "\r\n" and "\n" both
// end a line, the "\r" is removed); empty lines are skipped but counted.
void ForEachLine(std::string_view text,
                 const std::function<void(std::int64_t, std::string_view)>& visit);

// Splits a line at every tab; "a\t\tb" gives three fields, the middle one empty.
std::vector<std::string_view> SplitTabs(std::string_view line);

// Splits one CSV line into fields. A field that starts with '"' runs to the next lone '"'; '""'
// inside it is one quote. Returns false (and leaves *fields partial) on an unterminated quote or
// on text after a closing quote.
bool SplitCsvLine(std::string_view line, std::vector<std::string>* fields);

// ASCII lower case; bytes >= 0x80 (UTF-8) are kept as they are.
std::string AsciiLower(std::string_view text);

}  // namespace triad::codebook
