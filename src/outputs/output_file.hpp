#pragma once
// The one way triad writes its results: files that a reader never sees half-written, devices and
// pipes written where they are, and standard output checked, so that a full disk, a missing
// directory or /dev/full is an error (exit 1 with the path and the system's reason), never a
// silent success with a cut file.
#include <stdexcept>
#include <string>
#include <string_view>

namespace triad {

// Writes `bytes` to `path`, whole or not at all:
// - "-" (and /dev/stdout) is standard output (see WriteStandardOutput);
// - a path that exists and is not a regular file (a character device such as /dev/null or
//   /dev/full, a FIFO), and any path under /dev or /proc, is opened and written in place: a
//   device node is never replaced by a regular file;
// - otherwise the bytes go to a new temporary file in the target's directory
//   ("NAME.XXXXXX.tmp"), which is flushed to disk (fsync) and renamed over the target, and the
//   directory is synced: a reader sees the old file or the new one, never a mix. A symbolic
//   link is kept and the file it points to is replaced. A replaced file keeps its permissions;
//   a new one gets 0666 minus the umask.
// On any failure the temporary file is removed, an existing target is left as it was, and a
// triad::Error of kind kInput (exit 1) names the path and the system's reason.
void WriteOutputFile(const std::string& path, std::string_view bytes);

// Writes `bytes` to standard output (through stdio, so it stays in order with printf and
// std::cout) and flushes it. Throws a triad::Error of kind kInput when a byte cannot be written
// (a full disk, /dev/full, a closed descriptor), and StandardOutputClosed when the reader of a
// pipe has gone away (EPIPE, seen only when SIGPIPE is ignored).
void WriteStandardOutput(std::string_view bytes);

// Flushes std::cout and stdout and checks that everything printed so far was written: main
// calls it once after a command, so every command's printed results are checked. Throws like
// WriteStandardOutput.
void FinishStandardOutput();

// The reader of standard output has closed it (`triad export cells | head`): nobody wants the
// rest, so the command stops quietly (as it would when killed by SIGPIPE), and main exits 0.
class StandardOutputClosed : public std::runtime_error {
 public:
  StandardOutputClosed() : std::runtime_error("standard output closed by its reader") {}
};

}  // namespace triad
