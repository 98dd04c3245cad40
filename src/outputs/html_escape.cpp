#include "outputs/html_escape.hpp"

#include "outputs/safe_text.hpp"

namespace triad {

std::string HtmlEscape(std::string_view text) {
  // Bytes that are not UTF-8 become U+FFFD first, so the page is valid UTF-8 whatever the data.
  const std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    // U+202A..U+202E are E2 80 AA..AE and U+2066..U+2069 are E2 81 A6..A9: the bidirectional
    // overrides and isolates that would make the page show other text than the data hold.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < valid.size()) {
      const auto b1 = static_cast<unsigned char>(valid[i + 1]);
      const auto b2 = static_cast<unsigned char>(valid[i + 2]);
      if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
        out += "\xEF\xBF\xBD";
        i += 2;
        continue;
      }
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        else
          out += c;
    }
  }
  return out;
}

}  // namespace triad
