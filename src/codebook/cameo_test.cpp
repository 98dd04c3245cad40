#include "codebook/cameo.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "codebook/table_text.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A file under tests/data/ (see the README.md of each folder there for origins).
std::string TestData(const std::string& relative) {
  return std::string(TRIAD_SOURCE_DIR) + "/tests/data/" + relative;
}

// First column (code) -> second column, header skipped, of one of GDELT's CODE<TAB>VALUE lookups.
std::map<std::string, std::string> ReadLookup(const std::string& relative) {
  std::map<std::string, std::string> out;
  std::string text = ReadFile(TestData(relative));
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    if (line == 1) return;
    std::vector<std::string_view> fields = codebook::SplitTabs(row);
    out[std::string(fields[0])] = fields.size() > 1 ? std::string(fields[1]) : "";
  });
  return out;
}

const CameoCodebook& Book() {
  return CameoCodebook::Default();
}

TEST(CameoCodebook, EveryGdeltCodeHasRootQuadClassGoldsteinAndOneChannel) {
  std::map<std::string, std::string> described = ReadLookup("cameo/cameoEvent.txt");
  std::map<std::string, std::string> goldstein = ReadLookup("cameo/CAMEO.goldsteinscale.txt");
  ASSERT_EQ(described.size(), 310u);
  ASSERT_EQ(goldstein.size(), 311u);
  EXPECT_FALSE(described.count("106"));  // the known gap in GDELT's event-code list
  std::set<std::string> codes;
  for (const auto& [code, text] : described) codes.insert(code);
  for (const auto& [code, value] : goldstein) codes.insert(code);
  EXPECT_EQ(codes.size(), 311u);
  for (const std::string& code : codes) {
    SCOPED_TRACE(code);
    const CameoEvent* event = Book().Find(code);
    ASSERT_NE(event, nullptr);
    EXPECT_EQ(event->code, code);
    int root = std::stoi(code.substr(0, 2));
    EXPECT_EQ(event->root, root);
    EXPECT_EQ(event->quad_class, QuadClassOfRoot(root));
    ASSERT_TRUE(goldstein.count(code));
    EXPECT_DOUBLE_EQ(event->goldstein, std::stod(goldstein[code]));
    EXPECT_EQ(ParseChannel(ChannelName(event->channel)), event->channel);
  }
  // The table holds GDELT's codes plus 1213 (CAMEO manual), each once.
  EXPECT_EQ(Book().events().size(), 312u);
  std::set<std::string> table_codes;
  for (const CameoEvent& event : Book().events()) table_codes.insert(event.code);
  EXPECT_EQ(table_codes.size(), 312u);
  table_codes.erase("1213");
  EXPECT_EQ(table_codes, codes);
}

TEST(CameoCodebook, ChannelCountsAndUserChecks) {
  int count[kChannelCount] = {0, 0, 0};
  for (const CameoEvent& event : Book().events()) ++count[static_cast<int>(event.channel)];
  EXPECT_EQ(count[static_cast<int>(Channel::kDiplomatic)], 208);
  EXPECT_EQ(count[static_cast<int>(Channel::kEconomic)], 18);
  EXPECT_EQ(count[static_cast<int>(Channel::kSecurity)], 86);

  const std::map<std::string, Channel> expected = {
      {"163", Channel::kEconomic},     // impose embargo, boycott, or sanctions
      {"061", Channel::kEconomic},     // cooperate economically
      {"071", Channel::kEconomic},     // provide economic aid
      {"085", Channel::kEconomic},     // ease economic sanctions
      {"1312", Channel::kEconomic},    // threaten to boycott, embargo, or sanction
      {"0211", Channel::kEconomic},    // appeal for economic cooperation
      {"1621", Channel::kEconomic},    // reduce or stop economic assistance
      {"190", Channel::kSecurity},     // use conventional military force
      {"062", Channel::kSecurity},     // cooperate militarily
      {"072", Channel::kSecurity},     // provide military aid
      {"0212", Channel::kSecurity},    // appeal for military cooperation
      {"1384", Channel::kSecurity},    // threaten conventional attack
      {"152", Channel::kSecurity},     // increase military alert status
      {"0871", Channel::kSecurity},    // declare truce, ceasefire
      {"2042", Channel::kSecurity},    // detonate nuclear weapons
      {"036", Channel::kDiplomatic},   // express intent to meet or negotiate
      {"042", Channel::kDiplomatic},   // make a visit
      {"057", Channel::kDiplomatic},   // sign formal agreement
      {"111", Channel::kDiplomatic},   // criticize or denounce
      {"1123", Channel::kDiplomatic},  // accuse of aggression
      {"161", Channel::kDiplomatic},   // reduce or break diplomatic relations
      {"0233", Channel::kDiplomatic},  // appeal for humanitarian aid
      {"106", Channel::kDiplomatic},   // demand meeting, negotiation (CAMEO manual)
  };
  for (const auto& [code, channel] : expected) {
    SCOPED_TRACE(code);
    ASSERT_NE(Book().Find(code), nullptr);
    EXPECT_EQ(ChannelName(Book().Find(code)->channel), ChannelName(channel));
  }
  // Roots 15, 17, 18, 19 and 20 are security throughout; root 04 (consult) is diplomatic.
  for (const CameoEvent& event : Book().events()) {
    if (event.root == 15 || event.root >= 17) {
      EXPECT_EQ(event.channel, Channel::kSecurity) << event.code;
    }
    if (event.root == 4 || event.root == 11) {
      EXPECT_EQ(event.channel, Channel::kDiplomatic) << event.code;
    }
  }
}

TEST(CameoCodebook, LeadingZerosMatter) {
  const CameoEvent* statement = Book().Find("010");
  const CameoEvent* demand = Book().Find("10");
  ASSERT_NE(statement, nullptr);
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(statement->root, 1);
  EXPECT_EQ(statement->quad_class, 1);
  EXPECT_DOUBLE_EQ(statement->goldstein, 0.0);
  EXPECT_EQ(demand->root, 10);
  EXPECT_EQ(demand->quad_class, 3);
  EXPECT_DOUBLE_EQ(demand->goldstein, -5.0);
  EXPECT_EQ(Book().Find("01")->description, "MAKE PUBLIC STATEMENT");
  EXPECT_EQ(Book().Find("1"), nullptr);
  EXPECT_EQ(Book().Find("0010"), nullptr);
}

TEST(CameoCodebook, UnknownCodesGiveNull) {
  for (std::string_view code : {"", "0", "00", "21", "999", "0000", "9999", "01234", "10a", " 10",
                                "10 ", "-10", "1a", "０１"}) {
    EXPECT_EQ(Book().Find(code), nullptr) << "'" << code << "'";
  }
}

TEST(CameoCodebook, DescriptionsAndRepairs) {
  EXPECT_EQ(Book().Find("163")->description, "Impose embargo, boycott, or sanctions");
  EXPECT_EQ(Book().Find("044")->description, "Meet at a 'third' location");
  EXPECT_EQ(Book().Find("1056")->description, "Demand de-escalation of military engagement");
  EXPECT_EQ(Book().Find("1213")->description, "Reject judicial cooperation");
  EXPECT_DOUBLE_EQ(Book().Find("1213")->goldstein, -4.0);
}

// The CAMEO manual table used by the R icews package agrees on every root and on every Goldstein
// value except four codes, where GDELT's own lookup is used (documented in README.md). The
// table's copy in tests/data lacks its three long text columns: 9 columns, root_code at 7.
TEST(CameoCodebook, AgreesWithCameoManualTableExceptFourGoldsteinValues) {
  std::string text = ReadFile(TestData("cameo/cameo-codes.csv"));
  std::set<std::string> differing;
  int compared = 0;
  std::vector<std::string> fields;
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    if (line == 1 || !codebook::SplitCsvLine(row, &fields) || fields.size() != 9) return;
    const std::string& code = fields[3];
    const CameoEvent* event = Book().Find(code);
    ASSERT_NE(event, nullptr) << code;
    EXPECT_EQ(event->root, std::stoi(fields[7])) << code;
    if (std::abs(event->goldstein - std::stod(fields[4])) > 1e-9) differing.insert(code);
    ++compared;
  });
  EXPECT_EQ(compared, 312);
  EXPECT_EQ(differing, (std::set<std::string>{"016", "022", "164", "165"}));
}

// On real GDELT 2.0 rows, the codebook reproduces GDELT's own QuadClass and GoldsteinScale: one
// row for each of the 126 event codes of the 9,093 CHN/USA/JPN rows of May-June 2025.
TEST(CameoCodebook, ReproducesQuadClassAndGoldsteinOfRealGdeltRows) {
  std::string text = ReadFile(TestData("events/gdelt2_triangle_event_code_rows.tsv"));
  int rows = 0;
  std::set<std::string> codes;
  codebook::ForEachLine(text, [&](std::int64_t line, std::string_view row) {
    std::vector<std::string_view> f = codebook::SplitTabs(row);
    ASSERT_EQ(f.size(), 61u) << line;
    const CameoEvent* event = Book().Find(f[26]);
    ASSERT_NE(event, nullptr) << "line " << line << " code " << f[26];
    EXPECT_EQ(std::to_string(event->quad_class), f[29]) << line;
    EXPECT_DOUBLE_EQ(event->goldstein, std::stod(std::string(f[30]))) << line;
    EXPECT_EQ(event->root, std::stoi(std::string(f[28]))) << line;
    codes.emplace(f[26]);
    ++rows;
  });
  EXPECT_EQ(rows, 126);
  EXPECT_EQ(codes.size(), 126u);
}

TEST(CameoCodebook, EmbeddedTableIsTheFileInTheSourceTree) {
  CameoCodebook from_file = CameoCodebook::FromTsvText(
      ReadFile(std::string(TRIAD_SOURCE_DIR) + "/data/codebook/cameo_events.tsv"), "file");
  ASSERT_EQ(from_file.events().size(), Book().events().size());
  for (size_t i = 0; i < from_file.events().size(); ++i) {
    EXPECT_EQ(from_file.events()[i].code, Book().events()[i].code);
    EXPECT_EQ(from_file.events()[i].channel, Book().events()[i].channel);
    EXPECT_EQ(from_file.events()[i].description, Book().events()[i].description);
  }
}

TEST(CameoCodebook, QuadClassOfRootFollowsGdelt) {
  EXPECT_EQ(QuadClassOfRoot(1), 1);
  EXPECT_EQ(QuadClassOfRoot(5), 1);
  EXPECT_EQ(QuadClassOfRoot(6), 2);
  EXPECT_EQ(QuadClassOfRoot(9), 2);  // the R icews package would say 3; GDELT says 2
  EXPECT_EQ(QuadClassOfRoot(10), 3);
  EXPECT_EQ(QuadClassOfRoot(14), 3);  // icews: 4
  EXPECT_EQ(QuadClassOfRoot(15), 4);
  EXPECT_EQ(QuadClassOfRoot(20), 4);
  EXPECT_EQ(QuadClassOfRoot(0), 0);
  EXPECT_EQ(QuadClassOfRoot(21), 0);
}

TEST(CameoCodebook, ChannelNames) {
  EXPECT_EQ(ChannelName(Channel::kDiplomatic), "diplomatic");
  EXPECT_EQ(ChannelName(Channel::kEconomic), "economic");
  EXPECT_EQ(ChannelName(Channel::kSecurity), "security");
  EXPECT_EQ(ParseChannel("economic"), Channel::kEconomic);
  EXPECT_EQ(ParseChannel("Economic"), std::nullopt);
  EXPECT_EQ(ParseChannel("military"), std::nullopt);
}

std::string ErrorOf(std::string_view text) {
  try {
    CameoCodebook::FromTsvText(text, "t.tsv");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInput);
    return e.what();
  }
  return "no error";
}

TEST(CameoCodebook, MalformedTablesNameLineAndField) {
  const std::string header = "code\troot\tquad_class\tgoldstein\tchannel\tdescription\torigin\n";
  const std::string good = "010\t01\t1\t0.0\tdiplomatic\tMake statement\tgdelt\n";
  EXPECT_EQ(CameoCodebook::FromTsvText(header + good, "t.tsv").events().size(), 1u);
  EXPECT_NE(ErrorOf("code\troot\n" + good).find("t.tsv:1: header"), std::string::npos);
  EXPECT_NE(ErrorOf(header + "010\t01\t1\n").find("t.tsv:2: expected 7"), std::string::npos);
  EXPECT_NE(
      ErrorOf(header + "01a\t01\t1\t0.0\tdiplomatic\tx\tgdelt\n").find("t.tsv:2 (field code)"),
      std::string::npos);
  EXPECT_NE(ErrorOf(header + good + good).find("t.tsv:3 (field code): duplicate code '010'"),
            std::string::npos);
  EXPECT_NE(ErrorOf(header + "010\t10\t1\t0.0\tdiplomatic\tx\tgdelt\n").find("(field root)"),
            std::string::npos);
  EXPECT_NE(ErrorOf(header + "090\t09\t3\t-2.0\tdiplomatic\tx\tgdelt\n")
                .find("t.tsv:2 (field quad_class)"),
            std::string::npos);
  EXPECT_NE(ErrorOf(header + "010\t01\t1\t11\tdiplomatic\tx\tgdelt\n").find("(field goldstein)"),
            std::string::npos);
  EXPECT_NE(ErrorOf(header + "010\t01\t1\t0\tmilitary\tx\tgdelt\n").find("(field channel)"),
            std::string::npos);
  EXPECT_NE(ErrorOf(header).find("no codes"), std::string::npos);
}

}  // namespace
}  // namespace triad
