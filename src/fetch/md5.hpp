#pragma once
// MD5 of a file's bytes, as GDELT lists it for every file it serves (OpenSSL's EVP digest).
#include <string>

namespace triad {

// 32 lowercase hex digits. Input error naming the file when it cannot be read.
std::string Md5OfFile(const std::string& path);
// Of a byte string (tests and small texts).
std::string Md5OfBytes(const std::string& bytes);

}  // namespace triad
