#include "outputs/safe_text.hpp"

#include <gtest/gtest.h>

#include "outputs/html_escape.hpp"

namespace triad {

TEST(SafeText, Latin1BytesBecomeReplacementCharacters) {
  EXPECT_EQ(ValidUtf8("S\xE3o Paulo"), "S\xEF\xBF\xBDo Paulo");
  EXPECT_EQ(ValidUtf8("S\xC3\xA3o Paulo"), "S\xC3\xA3o Paulo");  // already UTF-8: unchanged
  EXPECT_EQ(ValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(ValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(ValidUtf8("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut mid-character
  EXPECT_EQ(ValidUtf8("\xE4\xB8\xAD\xE5\x9B\xBD"), "\xE4\xB8\xAD\xE5\x9B\xBD");  // 中国
}

TEST(SafeText, TerminalEscapesControlsInsteadOfActingOnThem) {
  EXPECT_EQ(TerminalText("a\x1b[2Jb"), "a\\x1b[2Jb");  // clear-screen sequence shown, not run
  EXPECT_EQ(TerminalText("x\ty\nz\r"), "x\\x09y\\x0az\\x0d");
  EXPECT_EQ(TerminalText("\x7f"), "\\x7f");
  EXPECT_EQ(TerminalText("\xC2\x9B"
                         "31m"),
            "\\u{009B}31m");  // C1 CSI
  EXPECT_EQ(TerminalText("abc\xE2\x80\xAE"
                         "fdp.exe"),
            "abc\\u{202E}fdp.exe");  // RLO
  EXPECT_EQ(TerminalText("\xE2\x81\xA6"), "\\u{2066}");
  EXPECT_EQ(TerminalText("\xE6\x97\xA5\xE6\x9C\xAC CHN-JPN"), "\xE6\x97\xA5\xE6\x9C\xAC CHN-JPN");
  EXPECT_EQ(TerminalText("\xFF"), "\xEF\xBF\xBD");
  EXPECT_EQ(TerminalLines("line 1\x1b]0;x\x07\nline 2\n"), "line 1\\x1b]0;x\\x07\nline 2\n");
}

TEST(SafeText, JsonNeverThrowsOnBytesThatAreNotUtf8) {
  nlohmann::json j = {{"file", "caf\xE9.tsv"}, {"reason", "ok"}};
  EXPECT_THROW((void)j.dump(), nlohmann::json::type_error);  // what every output did before
  EXPECT_EQ(JsonText(j, -1), "{\"file\":\"caf\xEF\xBF\xBD.tsv\",\"reason\":\"ok\"}");
  EXPECT_EQ(JsonText(nlohmann::json("a\x1b"), -1), "\"a\\u001b\"");  // JSON escapes controls
}

TEST(SafeText, HtmlDropsOverridesAndInvalidBytes) {
  EXPECT_EQ(HtmlEscape("USA\xE2\x80\xAE"
                       "NHC"),
            "USA\xEF\xBF\xBDNHC");
  EXPECT_EQ(HtmlEscape("caf\xE9 <b>"), "caf\xEF\xBF\xBD &lt;b&gt;");
  EXPECT_EQ(HtmlEscape("\xE2\x80\x94"), "\xE2\x80\x94");  // an em dash is kept
}

}  // namespace triad
