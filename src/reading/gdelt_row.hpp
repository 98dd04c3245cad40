#pragma once
#include "reading/row_parser.hpp"
#include "reading/tab_fields.hpp"

namespace triad {

// GDELT 1.0 daily/back-file rows (57 or 58 columns, mixed in one file is legal) or GDELT 2.0
// export rows (61 columns). No header; fields are never quoted.
class GdeltRowParser : public RowParser {
 public:
  explicit GdeltRowParser(EventFormat format)
      : format_(format), codebook_(&CameoCodebook::Default()) {}
  RowOutcome Parse(std::string_view line, EventRecord* record, RowProblem* problem) const override;
  RowOutcome ParseNext(const char* begin, const char* end, std::string_view* line,
                       EventRecord* record, RowProblem* problem) const override;

 private:
  // Parses a line whose fields up to Actor2CountryCode are already split into `fields`.
  RowOutcome ParseSplit(std::string_view line, TabFields* fields, EventRecord* record,
                        RowProblem* problem) const;
  EventFormat format_;
  const CameoCodebook* codebook_;
  const ActorSectorTable* sectors_ = &ActorSectorTable::Default();
};

}  // namespace triad
