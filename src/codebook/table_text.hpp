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

// Calls visit(line_number, fields) for every data row of a CSV table whose first line must be
// exactly `columns`. Throws triad::Error naming `origin` and the line for a wrong header ("header
// must be a,b,c"), an unbalanced quote, or a row with another number of fields. Returns false
// when the text has no line at all (not even the header).
bool ForEachCsvRecord(
    std::string_view text, const std::string& origin, const std::vector<std::string_view>& columns,
    const std::function<void(std::int64_t, const std::vector<std::string>&)>& visit);
// ASCII lower case; bytes >= 0x80 (UTF-8) are kept as they are.
std::string AsciiLower(std::string_view text);

}  // namespace triad::codebook
