#include "codebook/cameo.hpp"

#include <fmt/format.h>

#include <charconv>

#include "codebook/embedded_tables.hpp"
#include "codebook/table_text.hpp"
#include "common/error.hpp"

namespace triad {
namespace {

// CAMEO codes are 2 (root), 3 (base) or 4 (leaf) digits. A code string maps to a slot
// offset(length) + value: "01".."99" -> 0..99, "000".."999" -> 100..1099, "0000".."9999" ->
// 1100..11099. Different lengths never share a slot, so "010" and "10" stay distinct.
constexpr int kMinCodeLength = 2;
constexpr int kMaxCodeLength = 4;
constexpr std::int32_t kSlotOffset[kMaxCodeLength + 1] = {0, 0, 0, 100, 1100};
constexpr std::int32_t kSlotCount = 11100;

// The slot of a code string, or -1 if it is not 2-4 ASCII digits.
std::int32_t CodeSlot(std::string_view code) {
  if (code.size() < kMinCodeLength || code.size() > kMaxCodeLength) return -1;
  std::int32_t value = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return kSlotOffset[code.size()] + value;
}

constexpr std::string_view kColumns[] = {"code",    "root",        "quad_class", "goldstein",
                                         "channel", "description", "origin"};

}  // namespace

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kDiplomatic:
      return "diplomatic";
    case Channel::kEconomic:
      return "economic";
    case Channel::kSecurity:
      return "security";
  }
  return "diplomatic";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  for (Channel channel : {Channel::kDiplomatic, Channel::kEconomic, Channel::kSecurity}) {
    if (name == ChannelName(channel)) return channel;
  }
  return std::nullopt;
}

int QuadClassOfRoot(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}

// Builds a codebook from table text, checking every row.
class CameoCodebookBuilder {
 public:
  explicit CameoCodebookBuilder(std::string origin) : origin_(std::move(origin)) {
    book_.index_.assign(kSlotCount, -1);
  }

  void AddLine(std::int64_t line, std::string_view text) {
    std::vector<std::string_view> fields = codebook::SplitTabs(text);
    if (!header_seen_) {
      CheckHeader(line, fields);
      header_seen_ = true;
      return;
    }
    if (fields.size() != std::size(kColumns)) {
      ThrowInput({origin_, line, ""}, fmt::format("expected {} tab-separated fields, found {}",
                                                  std::size(kColumns), fields.size()));
    }
    CameoEvent event;
    event.code = std::string(fields[0]);
    std::int32_t slot = CodeSlot(event.code);
    if (slot < 0) Fail(line, "code", fmt::format("'{}' is not a 2-4 digit CAMEO code", fields[0]));
    if (book_.index_[slot] >= 0) Fail(line, "code", fmt::format("duplicate code '{}'", fields[0]));
    event.root = ParseIntField(line, "root", fields[1]);
    if (event.root != (event.code[0] - '0') * 10 + (event.code[1] - '0') || event.root < 1 ||
        event.root > 20) {
      Fail(line, "root", fmt::format("root {} does not match code '{}'", fields[1], event.code));
    }
    event.quad_class = ParseIntField(line, "quad_class", fields[2]);
    if (event.quad_class != QuadClassOfRoot(event.root)) {
      Fail(line, "quad_class",
           fmt::format("quad class {} but root {:02d} belongs to quad class {}", event.quad_class,
                       event.root, QuadClassOfRoot(event.root)));
    }
    event.goldstein = ParseGoldstein(line, fields[3]);
    std::optional<Channel> channel = ParseChannel(fields[4]);
    if (!channel) {
      Fail(line, "channel",
           fmt::format("'{}' is not a channel: use diplomatic, economic or security", fields[4]));
    }
    event.channel = *channel;
    event.description = std::string(fields[5]);
    book_.index_[slot] = static_cast<std::int32_t>(book_.events_.size());
    book_.events_.push_back(std::move(event));
  }

  CameoCodebook Finish() {
    if (book_.events_.empty()) ThrowInput({origin_, 0, ""}, "the CAMEO table has no codes");
    return std::move(book_);
  }

 private:
  [[noreturn]] void Fail(std::int64_t line, std::string_view field, const std::string& message) {
    ThrowInput({origin_, line, std::string(field)}, message);
  }

  void CheckHeader(std::int64_t line, const std::vector<std::string_view>& fields) {
    bool ok = fields.size() == std::size(kColumns);
    for (size_t i = 0; ok && i < fields.size(); ++i) ok = fields[i] == kColumns[i];
    if (!ok) {
      ThrowInput({origin_, line, ""},
                 "header must be code, root, quad_class, goldstein, channel, description, origin "
                 "(tab-separated)");
    }
  }

  int ParseIntField(std::int64_t line, std::string_view field, std::string_view text) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
      Fail(line, field, fmt::format("'{}' is not an integer", text));
    }
    return value;
  }

  double ParseGoldstein(std::int64_t line, std::string_view text) {
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < -10.0 ||
        value > 10.0) {
      Fail(line, "goldstein", fmt::format("'{}' is not a Goldstein value in -10..+10", text));
    }
    return value;
  }

  std::string origin_;
  bool header_seen_ = false;
  CameoCodebook book_;
};

CameoCodebook CameoCodebook::FromTsvText(std::string_view text, const std::string& origin) {
  CameoCodebookBuilder builder(origin);
  codebook::ForEachLine(
      text, [&](std::int64_t line, std::string_view row) { builder.AddLine(line, row); });
  return builder.Finish();
}

const CameoCodebook& CameoCodebook::Default() {
  static const CameoCodebook book =
      FromTsvText(embedded::CameoEventsTsv(), "data/codebook/cameo_events.tsv (built in)");
  return book;
}

const CameoEvent* CameoCodebook::Find(std::string_view code) const {
  std::int32_t slot = CodeSlot(code);
  if (slot < 0 || index_.empty()) return nullptr;
  std::int32_t position = index_[slot];
  return position < 0 ? nullptr : &events_[position];
}

}  // namespace triad
