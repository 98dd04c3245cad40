#pragma once
#include "reading/row_parser.hpp"

namespace triad {

// GDELT 1.0 daily/back-file rows (57 or 58 columns, mixed in one file is legal) or GDELT 2.0
// export rows (61 columns). No header; fields are never quoted.
class GdeltRowParser : public RowParser {
 public:
  explicit GdeltRowParser(EventFormat format)
      : format_(format), codebook_(&CameoCodebook::Default()) {}
  RowOutcome Parse(std::string_view line, EventRecord* record, RowProblem* problem) const override;

 private:
  EventFormat format_;
  const CameoCodebook* codebook_;
};

}  // namespace triad
