#include "outputs/output_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdio_ext.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/error.hpp"

namespace triad {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "triad-output-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  // Runs `write` and returns the triad::Error it throws (failing the test if it throws none).
  template <typename F>
  static Error Failure(F write) {
    try {
      write();
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "no error thrown";
    return Error(ErrorKind::kUsage, "");
  }

  fs::path dir_;
};

TEST_F(OutputFileTest, NewFileHasTheBytesTheUmaskModeAndNoTemporaryBeside) {
  const mode_t mask = ::umask(022);
  WriteOutputFile((dir_ / "report.html").string(), "<html>\n");
  ::umask(mask);
  EXPECT_EQ(Read(dir_ / "report.html"), "<html>\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"report.html"});
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "report.html").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(OutputFileTest, ReplacedFileKeepsItsPermissions) {
  Write(dir_ / "fit.json", "old");
  ::chmod((dir_ / "fit.json").c_str(), 0640);
  WriteOutputFile((dir_ / "fit.json").string(), "new contents");
  EXPECT_EQ(Read(dir_ / "fit.json"), "new contents");
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "fit.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(Names(), std::vector<std::string>{"fit.json"});
}

TEST_F(OutputFileTest, MissingDirectoryIsAnInputErrorNamingThePathAndTheReason) {
  const std::string path = (dir_ / "missing" / "report.html").string();
  const Error e = Failure([&] { WriteOutputFile(path, "x"); });
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos) << e.what();
  EXPECT_TRUE(Names().empty());
}

TEST_F(OutputFileTest, FailedWriteLeavesTheOldFileAndNoTemporary) {
  // A file-size limit makes write(2) fail half-way (EFBIG), like a disk that fills up.
  Write(dir_ / "report.html", "the old report");
  struct rlimit old_limit {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = 1000;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const std::string path = (dir_ / "report.html").string();
  const Error e = Failure([&] { WriteOutputFile(path, std::string(5000, 'x')); });
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("File too large"), std::string::npos) << e.what();
  EXPECT_EQ(Read(dir_ / "report.html"), "the old report");
  EXPECT_EQ(Names(), std::vector<std::string>{"report.html"});
}

TEST_F(OutputFileTest, DevFullFailsAndStaysACharacterDevice) {
  const Error e = Failure([] { WriteOutputFile("/dev/full", "bytes"); });
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find("/dev/full"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
  struct stat st {};
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, DevNullIsWrittenInPlace) {
  WriteOutputFile("/dev/null", "discarded");
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, FifoIsWrittenInPlace) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = Read(fifo); });
  WriteOutputFile(fifo.string(), "through the pipe");
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(Names(), std::vector<std::string>{"pipe"});
}

TEST_F(OutputFileTest, SymbolicLinkStaysALinkAndItsTargetIsReplaced) {
  Write(dir_ / "2025.html", "old");
  fs::create_symlink("2025.html", dir_ / "latest.html");
  WriteOutputFile((dir_ / "latest.html").string(), "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "latest.html"));
  EXPECT_EQ(Read(dir_ / "2025.html"), "new");
  EXPECT_EQ(Names(), (std::vector<std::string>{"2025.html", "latest.html"}));
}

TEST_F(OutputFileTest, DirectoryIsAnError) {
  const Error e = Failure([&] { WriteOutputFile(dir_.string(), "x"); });
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find("Is a directory"), std::string::npos) << e.what();
}

// Points standard output at `fd` for one test and puts it back, dropping whatever stdio still
// holds for the replaced descriptor.
class RedirectedStandardOutput {
 public:
  explicit RedirectedStandardOutput(int fd) : saved_(::dup(STDOUT_FILENO)) {
    std::fflush(stdout);
    ::dup2(fd, STDOUT_FILENO);
  }
  ~RedirectedStandardOutput() {
    __fpurge(stdout);
    std::clearerr(stdout);
    std::cout.clear();
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
  }

 private:
  int saved_;
};

TEST_F(OutputFileTest, StandardOutputOnAFullDeviceIsAnInputError) {
  const int full = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(full, 0);
  Error e(ErrorKind::kUsage, "");
  {
    RedirectedStandardOutput redirect(full);
    e = Failure([] { WriteStandardOutput("cells\n"); });
  }
  ::close(full);
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find("standard output"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
}

TEST_F(OutputFileTest, PrintedTextThatCannotBeWrittenIsCaughtAtTheEnd) {
  const int full = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(full, 0);
  Error e(ErrorKind::kUsage, "");
  {
    RedirectedStandardOutput redirect(full);
    std::printf("a table\n");
    std::cout << "and more\n";
    e = Failure([] { FinishStandardOutput(); });
  }
  ::close(full);
  EXPECT_EQ(e.kind(), ErrorKind::kInput);
  EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
}

TEST_F(OutputFileTest, ClosedPipeStopsQuietly) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  ::close(ends[0]);  // the reader is gone, like `| head` after its lines
  auto old_handler = std::signal(SIGPIPE, SIG_IGN);
  bool closed = false;
  {
    RedirectedStandardOutput redirect(ends[1]);
    try {
      WriteStandardOutput("more cells\n");
    } catch (const StandardOutputClosed&) {
      closed = true;
    }
  }
  std::signal(SIGPIPE, old_handler);
  ::close(ends[1]);
  EXPECT_TRUE(closed);
}

}  // namespace
}  // namespace triad
