#include "measures/signed_network.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>

#include <filesystem>
#include <fstream>
#include <system_error>

#include "common/error.hpp"

namespace triad {
namespace {

const std::string kTribes = std::string(TRIAD_SOURCE_DIR) + "/tests/data/signed/tribes_edges.csv";

// This test process's temporary directory, removed with its files when the process exits. The
// process id keeps concurrent runs (two CI jobs on one host) apart.
const std::filesystem::path& TempDir() {
  struct Dir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("triad_signed_" + std::to_string(::getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

// Writes `text` to a fresh file in the test's temporary directory and returns its path.
std::string WriteTemp(const std::string& name, const std::string& text) {
  const auto path = TempDir() / name;
  std::ofstream(path) << text;
  return path.string();
}

// The error message of `f`, or "" when it does not throw.
template <typename F>
std::string ErrorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

int SignBetween(const SignedNetwork& n, const std::string& a, const std::string& b) {
  for (const SignedEdge& e : n.edges()) {
    const auto& u = n.nodes()[e.u];
    const auto& v = n.nodes()[e.v];
    if ((u == a && v == b) || (u == b && v == a)) return e.sign;
  }
  return 0;
}

TEST(SignedNetwork, CombinesBothDirectionsBySummingWeights) {
  const SignedNetwork n = SignedNetwork::FromLinks({
      {"A", "B", 2.0},
      {"B", "A", -0.5},  // A–B: 1.5, positive
      {"C", "D", 1.0},
      {"D", "C", -1.0},  // cancels: C–D dropped, and C, D with it
      {"A", "E", 0.0},   // zero weight: dropped
      {"B", "E", -3.0},
  });
  EXPECT_EQ(n.nodes(), (std::vector<std::string>{"A", "B", "E"}));
  ASSERT_EQ(n.EdgeCount(), 2);
  EXPECT_EQ(SignBetween(n, "A", "B"), 1);
  EXPECT_DOUBLE_EQ(n.edges()[0].weight, 1.5);
  EXPECT_EQ(SignBetween(n, "B", "E"), -1);
  EXPECT_EQ(SignBetween(n, "C", "D"), 0);
  EXPECT_EQ(n.PositiveEdgeCount(), 1);
  EXPECT_EQ(n.NegativeEdgeCount(), 1);
}

TEST(SignedNetwork, RejectsSelfLoopsAndDuplicateEdges) {
  EXPECT_THROW(SignedNetwork::FromLinks({{"A", "A", 1.0}}), Error);
  EXPECT_THROW(SignedNetwork::FromEdges({"A", "B"}, {{0, 1, 1, 1.0}, {1, 0, -1, -1.0}}), Error);
  EXPECT_THROW(SignedNetwork::FromEdges({"A", "B"}, {{0, 2, 1, 1.0}}), Error);
}

TEST(ReadSignedEdgeList, ReadsTribes) {
  const SignedNetwork n = ReadSignedEdgeList(kTribes);
  EXPECT_EQ(n.NodeCount(), 16);
  EXPECT_EQ(n.EdgeCount(), 58);
  EXPECT_EQ(n.PositiveEdgeCount(), 29);
  EXPECT_EQ(SignBetween(n, "Kotun", "Gavev"), 1);  // first data row
  EXPECT_EQ(SignBetween(n, "Ove", "Gavev"), -1);
}

TEST(ReadSignedEdgeList, WeightColumnQuotesAndCrlf) {
  const std::string path = WriteTemp("weights.csv",
                                     "\"from\",\"to\",\"weight\"\r\nCHN,USA,-2.5\r\nUSA,CHN,1\r\n"
                                     "USA,JPN,3\r\n\r\nJPN,CHN,0\r\n");
  const SignedNetwork n = ReadSignedEdgeList(path);
  EXPECT_EQ(n.EdgeCount(), 2);
  EXPECT_EQ(SignBetween(n, "CHN", "USA"), -1);
  EXPECT_EQ(SignBetween(n, "USA", "JPN"), 1);
}

TEST(ReadSignedEdgeList, WindowColumnSelectsRows) {
  const std::string path =
      WriteTemp("windows.csv", "window,from,to,sign\n46-49,A,B,1\n46-49,B,C,-1\n47-50,A,C,1\n");
  EXPECT_EQ(ReadSignedEdgeList(path, "46-49").EdgeCount(), 2);
  EXPECT_EQ(ReadSignedEdgeList(path, "47-50").EdgeCount(), 1);
  EXPECT_EQ(ListEdgeListWindows(path), (std::vector<std::string>{"46-49", "47-50"}));
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(path); }).find("choose one of its 2 windows"),
            std::string::npos);
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(path, "99-02"); }).find("no rows for window"),
            std::string::npos);
  EXPECT_THROW(ReadSignedEdgeList(kTribes, "46-49"), Error);
}

TEST(ReadSignedEdgeList, ErrorsNameFileLineAndField) {
  const std::string bad_sign = WriteTemp("bad_sign.csv", "from,to,sign\nA,B,1\nA,C,2\n");
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(bad_sign); }).find("bad_sign.csv:3 (field sign)"),
            std::string::npos);
  const std::string bad_number = WriteTemp("bad_number.csv", "from,to,weight\nA,B,x1\n");
  EXPECT_NE(
      ErrorOf([&] { ReadSignedEdgeList(bad_number); }).find("bad_number.csv:2 (field weight)"),
      std::string::npos);
  const std::string short_row = WriteTemp("short.csv", "from,to,sign\nA,B\n");
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(short_row); }).find("short.csv:2"), std::string::npos);
  const std::string no_sign = WriteTemp("no_sign.csv", "source,target,sign\nA,B,1\n");
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(no_sign); }).find("no_sign.csv:1"), std::string::npos);
  const std::string loop = WriteTemp("loop.csv", "from,to,sign\nA,A,1\n");
  EXPECT_NE(ErrorOf([&] { ReadSignedEdgeList(loop); }).find("loop.csv:2"), std::string::npos);
  EXPECT_THROW(ReadSignedEdgeList("/nonexistent/edges.csv"), Error);
}

TEST(CountTriangles, CompleteGraphOnFourNodes) {
  // K4 with one negative edge A–B: triangles ABC and ABD are unbalanced, ACD and BCD balanced.
  const SignedNetwork n = SignedNetwork::FromLinks(
      {{"A", "B", -1}, {"A", "C", 1}, {"A", "D", 1}, {"B", "C", 1}, {"B", "D", 1}, {"C", "D", 1}});
  const TriangleCensus c = CountTriangles(n);
  EXPECT_EQ(c.triangles, 4);
  EXPECT_EQ(c.balanced, 2);
  EXPECT_DOUBLE_EQ(c.FractionBalanced(), 0.5);
}

TEST(CountTriangles, TribesHas68TrianglesOf59Balanced) {
  // Values from the data README (all triangles checked there).
  const TriangleCensus c = CountTriangles(ReadSignedEdgeList(kTribes));
  EXPECT_EQ(c.triangles, 68);
  EXPECT_EQ(c.balanced, 59);
}

TEST(CountTriangles, NoTriangleGivesNaNFraction) {
  const TriangleCensus c = CountTriangles(SignedNetwork::FromLinks({{"A", "B", 1}}));
  EXPECT_EQ(c.triangles, 0);
  EXPECT_TRUE(std::isnan(c.FractionBalanced()));
}

TEST(WalkBalanceIndex, BalancedNetworkIsOne) {
  // Two camps {A, B} and {C, D}: friends inside, enemies across.
  const SignedNetwork n = SignedNetwork::FromLinks(
      {{"A", "B", 1}, {"C", "D", 1}, {"A", "C", -1}, {"B", "D", -1}, {"A", "D", -1}});
  EXPECT_NEAR(WalkBalanceIndex(n), 1.0, 1e-12);
}

TEST(WalkBalanceIndex, TriangleWithOneNegativeEdge) {
  // Switching-equivalent to the all-negative triangle -(J - I): eigenvalues -2, 1, 1;
  // |A| = J - I has 2, -1, -1.
  const SignedNetwork n = SignedNetwork::FromLinks({{"A", "B", 1}, {"B", "C", 1}, {"A", "C", -1}});
  const double e = std::exp(1.0);
  EXPECT_NEAR(WalkBalanceIndex(n), (std::exp(-2.0) + 2 * e) / (std::exp(2.0) + 2 / e), 1e-12);
}

TEST(WalkBalanceIndex, EmptyNetworkIsNaN) {
  EXPECT_TRUE(std::isnan(WalkBalanceIndex(SignedNetwork::FromLinks({}))));
}

}  // namespace
}  // namespace triad
