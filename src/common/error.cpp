#include "common/error.hpp"

#include <fmt/format.h>

namespace triad {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}", line);
  if (!field.empty()) out += fmt::format(" (field {})", field);
  return out;
}

void ThrowUsage(const std::string& message) {
  throw Error(ErrorKind::kUsage, message);
}
void ThrowInput(const Location& where, const std::string& message) {
  throw Error(ErrorKind::kInput, fmt::format("{}: {}", where.ToString(), message));
}
void ThrowStore(const std::string& message) {
  throw Error(ErrorKind::kStore, message);
}
void ThrowCompute(const std::string& message) {
  throw Error(ErrorKind::kCompute, message);
}

}  // namespace triad
