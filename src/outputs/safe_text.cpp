#include "outputs/safe_text.hpp"

#include <fmt/format.h>

namespace triad {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t* out) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  std::size_t len;
  char32_t c, min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *out = c;
  return len;
}

// Calls keep(code point, its bytes) for each UTF-8 sequence of text and bad(byte) for each byte
// that starts no valid sequence.
template <typename Keep, typename Bad>
void ForEachCodePoint(std::string_view text, Keep keep, Bad bad) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    const std::size_t len = DecodeUtf8(text, i, &c);
    if (len == 0) {
      bad(text[i]);
      ++i;
    } else {
      keep(c, text.substr(i, len));
      i += len;
    }
  }
}

}  // namespace

bool IsBidiControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(
      text, [&](char32_t, std::string_view bytes) { out.append(bytes); },
      [&](char) { out += kReplacement; });
  return out;
}

std::string TerminalLines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1)
    out += TerminalText(text.substr(start, nl - start)) + '\n';
  return out + TerminalText(text.substr(start));
}

std::string TerminalText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(
      text,
      [&](char32_t c, std::string_view bytes) {
        if (c < 0x20 || c == 0x7F)
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else if ((c >= 0x80 && c <= 0x9F) || IsBidiControl(c))
          out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(c));
        else
          out.append(bytes);
      },
      [&](char) { out += kReplacement; });
  return out;
}

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace triad
