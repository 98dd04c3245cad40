#include "reading/tab_fields.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace triad {

void SplitTabs(std::string_view line, TabFields* out) {
  const char* data = line.data();
  const std::size_t n = line.size();
  int count = 1;
  out->start[0] = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i tab = _mm_set1_epi8('\t');
  for (; i + 16 <= n; i += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, tab)));
    while (mask) {
      int bit = __builtin_ctz(mask);
      if (count <= kMaxFields) out->start[count] = i + static_cast<std::size_t>(bit) + 1;
      ++count;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if (data[i] == '\t') {
      if (count <= kMaxFields) out->start[count] = i + 1;
      ++count;
    }
  }
  if (count <= kMaxFields) out->start[count] = n + 1;
  out->count = count;
}

}  // namespace triad
