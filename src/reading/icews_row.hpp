#pragma once
#include <string>

#include "codebook/countries.hpp"
#include "reading/row_parser.hpp"

namespace triad {

// ICEWS Dataverse `.tab` rows: TAB-separated with a header; countries named in full
// ("United States"), mapped to CAMEO codes by the codebook's table. ICEWS carries no QuadClass,
// mentions or tone: QuadClass comes from the CAMEO root with GDELT's grouping (so quad counts are
// comparable across sources), each event counts as one mention, source and article, tone is 0,
// and the Goldstein value is ICEWS's Intensity. The event key is (Event ID, Event Date), since
// ICEWS event ids repeat across dates.
class IcewsRowParser : public RowParser {
 public:
  IcewsRowParser(std::string_view header, const std::string& path);
  RowOutcome Parse(std::string_view line, EventRecord* record, RowProblem* problem) const override;

 private:
  int columns_ = 0;
  int event_id_ = -1, event_date_ = -1, source_country_ = -1, target_country_ = -1,
      cameo_code_ = -1, intensity_ = -1, source_actor_ = -1, target_actor_ = -1,
      source_sectors_ = -1, target_sectors_ = -1;
  const CameoCodebook* codebook_;
  const CountryTable* countries_;
};

}  // namespace triad
