#pragma once
// triad reports every failure as a triad::Error: a message that names where the problem is
// (file, line, field) and what to do next. Errors are thrown inside the engine and caught once,
// at the command-line edge, which prints them and maps their kind to an exit code.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace triad {

enum class ErrorKind {
  kUsage = 2,    // bad arguments or options
  kInput = 1,    // unreadable or malformed input file
  kStore = 4,    // the store could not be opened or written
  kCompute = 5,  // a model could not be computed (too little data, singular matrix)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// Where in an input a problem was found; line is 1-based, 0 when not known.
struct Location {
  std::string file;
  std::int64_t line = 0;
  std::string field;  // column name, empty when the whole row is at fault

  std::string ToString() const;
};

[[noreturn]] void ThrowUsage(const std::string& message);
[[noreturn]] void ThrowInput(const Location& where, const std::string& message);
[[noreturn]] void ThrowStore(const std::string& message);
[[noreturn]] void ThrowCompute(const std::string& message);

}  // namespace triad
