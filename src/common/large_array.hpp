#pragma once
// A fixed-size, zero-initialised array of trivially copyable T, backed by an anonymous mapping
// that asks for transparent huge pages. Big hash tables filled once per ingest would otherwise
// pay one page fault per 4 KiB (costly in virtual machines) plus a memset. Arrays under
// kMappedBytes come from the heap instead (calloc): an ingest of many small files makes a few
// small tables per file, and a mapping each would cost two system calls, fresh page faults and,
// once threads run, a TLB flush on every core at each unmap.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace triad {

template <class T>
class LargeArray {
  static_assert(std::is_trivially_copyable_v<T>, "LargeArray holds plain data");

 public:
  LargeArray() = default;
  static constexpr std::size_t kMappedBytes = std::size_t{1} << 20;
  explicit LargeArray(std::size_t size) : size_(size) {
    if (size == 0) return;
    bytes_ = size * sizeof(T);
    if (bytes_ < kMappedBytes) {
      data_ = static_cast<T*>(std::calloc(size, sizeof(T)));
      if (!data_) throw std::bad_alloc();
      return;
    }
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    if (bytes_ >= (2u << 20)) ::madvise(p, bytes_, MADV_HUGEPAGE);
    data_ = static_cast<T*>(p);
  }
  ~LargeArray() { Release(); }
  LargeArray(LargeArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        bytes_(std::exchange(o.bytes_, 0)) {}
  LargeArray& operator=(LargeArray&& o) noexcept {
    if (this != &o) {
      Release();
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
      bytes_ = std::exchange(o.bytes_, 0);
    }
    return *this;
  }
  LargeArray(const LargeArray&) = delete;
  LargeArray& operator=(const LargeArray&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::size_t size() const { return size_; }
  T* data() { return data_; }
  const T* data() const { return data_; }

 private:
  void Release() {
    if (data_ && bytes_ < kMappedBytes)
      std::free(data_);
    else if (data_)
      ::munmap(data_, bytes_);
    data_ = nullptr;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace triad
