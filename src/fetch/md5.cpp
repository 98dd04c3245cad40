#include "fetch/md5.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "common/error.hpp"

namespace triad {
namespace {

struct DigestContext {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), EVP_MD_CTX_free};
  DigestContext() {
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) != 1)
      throw Error(ErrorKind::kCompute, "OpenSSL could not start an MD5 digest");
  }
  void Update(const void* data, std::size_t n) { EVP_DigestUpdate(ctx.get(), data, n); }
  std::string Hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 15];
    }
    return out;
  }
};

}  // namespace

std::string Md5OfFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    ThrowInput(Location{path, 0, ""}, std::string("cannot read: ") + std::strerror(errno));
  DigestContext digest;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      ThrowInput(Location{path, 0, ""}, std::string("cannot read: ") + std::strerror(e));
    }
    if (n == 0) break;
    digest.Update(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return digest.Hex();
}

std::string Md5OfBytes(const std::string& bytes) {
  DigestContext digest;
  digest.Update(bytes.data(), bytes.size());
  return digest.Hex();
}

}  // namespace triad
