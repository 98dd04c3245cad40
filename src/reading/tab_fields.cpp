#include "reading/tab_fields.hpp"

// TRIAD_X86_SIMD (set by the build on x86) enables the AVX2/SSE2 scans; without it the scalar
// loops below do all the work, on any processor.
#if defined(TRIAD_X86_SIMD)
#include <immintrin.h>
#endif

#include <bit>
#include <cstdint>

namespace triad {
namespace {

#if defined(TRIAD_X86_SIMD)
// Records tab positions from a bit mask of tabs at offset `base` (32 or 64 bytes a mask);
// returns the new count.
template <class Mask>
inline int Record(Mask mask, std::size_t base, int count, int keep, TabFields* out) {
  while (mask && count < keep + 1) {
    out->start[count++] = base + static_cast<std::size_t>(std::countr_zero(mask)) + 1;
    mask &= mask - 1;
  }
  return count + std::popcount(mask);
}

// Scans 64-byte blocks from `i`; returns where it stopped.
__attribute__((target("avx512f,avx512bw"))) std::size_t ScanAvx512(const char* data, std::size_t n,
                                                                   std::size_t i, int* count,
                                                                   int keep, TabFields* out) {
  const __m512i tab = _mm512_set1_epi8('\t');
  for (; i + 64 <= n; i += 64) {
    const __m512i chunk = _mm512_loadu_si512(data + i);
    *count = Record(_mm512_cmpeq_epi8_mask(chunk, tab), i, *count, keep, out);
  }
  return i;
}

// Scans 32-byte blocks from `i`; returns where it stopped.
__attribute__((target("avx2"))) std::size_t ScanAvx2(const char* data, std::size_t n, std::size_t i,
                                                     int* count, int keep, TabFields* out) {
  const __m256i tab = _mm256_set1_epi8('\t');
  for (; i + 32 <= n; i += 32) {
    __m256i chunk = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i));
    auto mask = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, tab)));
    *count = Record(mask, i, *count, keep, out);
  }
  return i;
}

std::size_t ScanSse2(const char* data, std::size_t n, std::size_t i, int* count, int keep,
                     TabFields* out) {
  const __m128i tab = _mm_set1_epi8('\t');
  for (; i + 16 <= n; i += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, tab)));
    *count = Record(mask, i, *count, keep, out);
  }
  return i;
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2");
const bool kHasAvx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");

// LineAvx2 64 bytes at a time (a GDELT row is about 400 bytes: half the iterations).
__attribute__((target("avx512f,avx512bw"))) const char* LineAvx512(const char* p, const char* end,
                                                                   int* count, int keep,
                                                                   TabFields* out, const char* line,
                                                                   bool* found) {
  const __m512i tab = _mm512_set1_epi8('\t');
  const __m512i nl = _mm512_set1_epi8('\n');
  for (; end - p >= 64; p += 64) {
    const __m512i chunk = _mm512_loadu_si512(p);
    std::uint64_t tabs = _mm512_cmpeq_epi8_mask(chunk, tab);
    const std::uint64_t nls = _mm512_cmpeq_epi8_mask(chunk, nl);
    if (nls) {
      tabs &= (nls & (0 - nls)) - 1;  // tabs before the first newline
      *count = Record(tabs, static_cast<std::size_t>(p - line), *count, keep, out);
      *found = true;
      return p + __builtin_ctzll(nls);
    }
    *count = Record(tabs, static_cast<std::size_t>(p - line), *count, keep, out);
  }
  *found = false;
  return p;
}

// Scans 32-byte blocks for tabs until a newline shows up; records tabs before it. Returns the
// newline's address, or where it stopped (fewer than 32 bytes left) with *found = false.
__attribute__((target("avx2"))) const char* LineAvx2(const char* p, const char* end, int* count,
                                                     int keep, TabFields* out, const char* line,
                                                     bool* found) {
  const __m256i tab = _mm256_set1_epi8('\t');
  const __m256i nl = _mm256_set1_epi8('\n');
  for (; end - p >= 32; p += 32) {
    __m256i chunk = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    auto tabs = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, tab)));
    auto nls = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, nl)));
    if (nls) {
      unsigned before = nls & (0u - nls);  // lowest newline bit
      tabs &= before - 1;
      *count = Record(tabs, static_cast<std::size_t>(p - line), *count, keep, out);
      *found = true;
      return p + __builtin_ctz(nls);
    }
    *count = Record(tabs, static_cast<std::size_t>(p - line), *count, keep, out);
  }
  *found = false;
  return p;
}

#endif

}  // namespace

const char* SplitLine(const char* begin, const char* end, TabFields* out, int keep) {
  int count = 1;
  out->start[0] = 0;
  const char* p = begin;
  bool found = false;
#if defined(TRIAD_X86_SIMD)
  if (kHasAvx512) p = LineAvx512(p, end, &count, keep, out, begin, &found);
  if (kHasAvx2 && !found) p = LineAvx2(p, end, &count, keep, out, begin, &found);
#endif
  if (!found) {
    for (; p < end && *p != '\n'; ++p) {
      if (*p == '\t') {
        if (count < keep + 1) out->start[count] = static_cast<std::size_t>(p - begin) + 1;
        ++count;
      }
    }
  }
  if (count <= keep) out->start[count] = static_cast<std::size_t>(p - begin) + 1;
  out->count = count;
  return p;
}

void SplitTabs(std::string_view line, TabFields* out, int keep) {
  const char* data = line.data();
  const std::size_t n = line.size();
  int count = 1;
  out->start[0] = 0;
  std::size_t i = 0;
#if defined(TRIAD_X86_SIMD)
  if (kHasAvx512) i = ScanAvx512(data, n, i, &count, keep, out);
  if (kHasAvx2) i = ScanAvx2(data, n, i, &count, keep, out);
  i = ScanSse2(data, n, i, &count, keep, out);
#endif
  for (; i < n; ++i) {
    if (data[i] == '\t') {
      if (count < keep + 1) out->start[count] = i + 1;
      ++count;
    }
  }
  if (count <= keep) out->start[count] = n + 1;
  out->count = count;
}

}  // namespace triad
