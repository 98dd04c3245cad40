#pragma once
// The words of a triad as types: an actor code checked against the codebook, and a dyad (two
// actors) with its one label form ("CHN-USA", in tables, JSON and HTML) and its one variable
// form ("CHN_USA", in models, scenario files and CSV columns). Nothing else in triad builds or
// cuts these strings.
//
// A relation index pools both directions, so a dyad is undirected: CHN-USA and USA-CHN are the
// same dyad (operator== ignores the order). Its order is the one the analyst gave, so that the
// triad CHN,USA,JPN reads CHN-USA, CHN-JPN, USA-JPN everywhere.
#include <string>
#include <string_view>

namespace triad {

// A CAMEO country code (upper-cased) known to the codebook. Usage error otherwise, with the
// nearest code when one is close ("'JAP' is not a CAMEO country code; did you mean JPN
// (Japan)?").
std::string ParseCountryCode(std::string_view text);

// An actor: a country code, or a group of the codebook (GLOBAL_SOUTH, ASEAN, BRICS, ...) whose
// members on each event's day stand for it. Upper-cased; usage error otherwise, naming the
// nearest code or group.
std::string ParseActor(std::string_view text);
// Whether `actor` is the name of a codebook group (not a country code).
bool IsGroupActor(std::string_view actor);

struct Dyad {
  std::string first, second;

  // "CHN-USA".
  std::string Label() const { return first + "-" + second; }
  // "CHN_USA".
  std::string Variable() const { return first + "_" + second; }

  // Parses a label or a variable name ("CHN-USA", "chn_usa", "CHN-GLOBAL_SOUTH"): two different
  // actors (ParseActor). Usage error otherwise, naming the text and the nearest code.
  static Dyad Parse(std::string_view text);
  // Like Parse, but only checks the shape (two 3-letter codes), for names read back from a
  // saved model whose actors are not necessarily countries of this codebook.
  static bool TryParseShape(std::string_view text, Dyad* out);

  // Undirected: the same two actors in either order.
  bool operator==(const Dyad& other) const {
    return (first == other.first && second == other.second) ||
           (first == other.second && second == other.first);
  }
};

}  // namespace triad
