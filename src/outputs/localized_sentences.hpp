#pragma once
// The analysis layer's notes and warnings (and the units of an index) are English sentences
// built with numbers in them. These say the ones the catalog knows (keys "sentence.*", whose
// English text is the sentence with {} where its values go) in another language, keeping the
// values as they were printed; a sentence no entry matches stays English. The English
// patterns are checked against the sentences the sample's status prints (cli/languages_test.py),
// so a reworded warning shows up there as English in a Chinese table.
#include <string>

#include "outputs/messages.hpp"

namespace triad {

// A note, warning or unit text in `language`. A leading "CODE: " (a dyad, "drivers") is kept,
// and the rest translated.
std::string SentenceLabel(Language language, const std::string& english);
// PersistentStructureText (analysis/triangle_over_time.hpp) in `language`.
std::string PersistenceLabel(Language language, const std::string& english);

}  // namespace triad
