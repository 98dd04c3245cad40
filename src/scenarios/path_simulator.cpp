#include "scenarios/path_simulator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "common/error.hpp"
#include "scenarios/normal_stream.hpp"
#include "scenarios/parameter_draws.hpp"

namespace triad {
namespace {

// Row-major copies of the plan's matrices for the inner loops.
struct Coefficients {
  int k = 0, p = 0;
  std::vector<double> lag;   // [j][row][col], j = 0..p-1 for A_1..A_p
  std::vector<double> chol;  // [row][col], lower triangle
};

Coefficients CoefficientsOf(int k, const std::vector<Eigen::MatrixXd>& lag_matrices,
                            const Eigen::MatrixXd& chol) {
  Coefficients c;
  c.k = k;
  c.p = static_cast<int>(lag_matrices.size());
  for (const auto& a : lag_matrices)
    for (int r = 0; r < c.k; ++r)
      for (int col = 0; col < c.k; ++col) c.lag.push_back(a(r, col));
  for (int r = 0; r < c.k; ++r)
    for (int col = 0; col < c.k; ++col) c.chol.push_back(chol(r, col));
  return c;
}

// One batch's parameters: its coefficients, and the change of its deterministic coefficients
// from the plan's (K x k_det, row-major), which moves the offsets by (D_draw - D) r_h.
struct BatchParameters {
  Coefficients c;
  std::vector<double> deterministic_change;
};

// The kernels below are compiled three times, for AVX-512F (twice the registers), AVX2 and any
// x86-64, and the loader picks one for the CPU (GCC function multi-versioning). All do the same
// IEEE operations per path, mul then add, so results do not depend on which (the module is built
// with -ffp-contract=off: no fused multiply-add where the target has one).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TRIAD_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define TRIAD_VECTOR_CLONES
#endif

// Four paths at a time in one register (GCC/Clang vector extension: AVX2 in the AVX2 clone, two
// SSE2 registers otherwise). Loads and stores go through memcpy, which compiles to unaligned
// vector moves. LoadLanes is always inlined into the clones (a by-value vector crossing a call
// would depend on the clone's ABI).
typedef double Lanes __attribute__((vector_size(4 * sizeof(double))));
constexpr int kLanes = 4;
static_assert(kPathBlock % (4 * kLanes) == 0);

// GCC notes that returning a 32-byte vector has a different ABI with and without AVX; this helper
// is always inlined into the kernels below, so no call ever crosses that boundary.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
__attribute__((always_inline)) inline Lanes LoadLanes(const double* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// One system's step for the kPathBlock paths of a block:
//   out_r = ((offset_r + sum_{j, col} A_j[r][col] prev_j[col]) + scale_r e_r),
// summed in that order for every path. `prev[j]` points at the block's values of step h-1-j;
// rows (variables) are `stride` apart; e is variable-major with rows of kPathBlock.
//
// For K up to kFixedK, four paths at a time: the K sums stay in registers while each lagged
// value is read once (K is a template argument and the loops over it are unrolled, so the
// compiler keeps the accumulator array in registers). Larger K: per variable, sixteen paths in four
// independent accumulators, so that the additions overlap instead of waiting on each other. The
// additions per path are the same in both, in the same order.
constexpr int kFixedK = 8;
constexpr int kPrefetchAhead = 64;  // doubles: eight cache lines ahead along a row

template <int K>
__attribute__((always_inline)) inline void AdvanceBlockFixed(
    int p, const double* lag, const double* offset, const double* scale, const double* const* prev,
    const double* e, std::size_t stride, double* out) {
  for (int i = 0; i < kPathBlock; i += kLanes) {
    Lanes acc[K];
#pragma GCC unroll 8
    for (int r = 0; r < K; ++r) acc[r] = Lanes{} + offset[r];
    for (int j = 0; j < p; ++j) {
      const double* a = lag + j * K * K;  // A_{j+1}, row-major
      const double* x = prev[j] + i;
      for (int col = 0; col < K; ++col, x += stride) {
        // 2 p K rows are read at once, more streams than the hardware prefetcher follows.
        __builtin_prefetch(x + kPrefetchAhead);
        const Lanes v = LoadLanes(x);
#pragma GCC unroll 8
        for (int r = 0; r < K; ++r) acc[r] += a[r * K + col] * v;
      }
    }
#pragma GCC unroll 8
    for (int r = 0; r < K; ++r) {
      acc[r] += scale[r] * LoadLanes(e + r * kPathBlock + i);
      std::memcpy(out + r * stride + i, &acc[r], sizeof acc[r]);
    }
  }
}

TRIAD_VECTOR_CLONES void AdvanceBlock(int k, int p, const double* lag, const double* offset,
                                      const double* scale, const double* const* prev,
                                      const double* e, std::size_t stride, double* out) {
  static_assert(kFixedK == 8);
  switch (k) {
    case 1:
      return AdvanceBlockFixed<1>(p, lag, offset, scale, prev, e, stride, out);
    case 2:
      return AdvanceBlockFixed<2>(p, lag, offset, scale, prev, e, stride, out);
    case 3:
      return AdvanceBlockFixed<3>(p, lag, offset, scale, prev, e, stride, out);
    case 4:
      return AdvanceBlockFixed<4>(p, lag, offset, scale, prev, e, stride, out);
    case 5:
      return AdvanceBlockFixed<5>(p, lag, offset, scale, prev, e, stride, out);
    case 6:
      return AdvanceBlockFixed<6>(p, lag, offset, scale, prev, e, stride, out);
    case 7:
      return AdvanceBlockFixed<7>(p, lag, offset, scale, prev, e, stride, out);
    case 8:
      return AdvanceBlockFixed<8>(p, lag, offset, scale, prev, e, stride, out);
    default:
      break;
  }
  constexpr int kChunk = 4 * kLanes;
  for (int r = 0; r < k; ++r) {
    for (int i = 0; i < kPathBlock; i += kChunk) {
      Lanes a0 = Lanes{} + offset[r], a1 = a0, a2 = a0, a3 = a0;
      for (int j = 0; j < p; ++j) {
        const double* a = lag + (j * k + r) * k;  // row r of A_{j+1}
        const double* x = prev[j] + i;
        for (int col = 0; col < k; ++col, x += stride) {
          const double coef = a[col];
          a0 += coef * LoadLanes(x);
          a1 += coef * LoadLanes(x + kLanes);
          a2 += coef * LoadLanes(x + 2 * kLanes);
          a3 += coef * LoadLanes(x + 3 * kLanes);
        }
      }
      const double s = scale[r];
      const double* er = e + r * kPathBlock + i;
      a0 += s * LoadLanes(er);
      a1 += s * LoadLanes(er + kLanes);
      a2 += s * LoadLanes(er + 2 * kLanes);
      a3 += s * LoadLanes(er + 3 * kLanes);
      double* y = out + r * stride + i;
      std::memcpy(y, &a0, sizeof a0);
      std::memcpy(y + kLanes, &a1, sizeof a1);
      std::memcpy(y + 2 * kLanes, &a2, sizeof a2);
      std::memcpy(y + 3 * kLanes, &a3, sizeof a3);
    }
  }
}

// e = L z for one block (variable-major, kPathBlock per row), L lower triangular row-major:
// e_r = sum_{col <= r} L[r][col] z_col, summed in column order.
TRIAD_VECTOR_CLONES void CorrelateBlock(int k, const double* chol, const double* z, double* e) {
  constexpr int kChunk = 4 * kLanes;
  for (int r = 0; r < k; ++r) {
    for (int i = 0; i < kPathBlock; i += kChunk) {
      Lanes a0 = Lanes{}, a1 = a0, a2 = a0, a3 = a0;
      const double* x = z + i;
      for (int col = 0; col <= r; ++col, x += kPathBlock) {
        const double coef = chol[r * k + col];
        a0 += coef * LoadLanes(x);
        a1 += coef * LoadLanes(x + kLanes);
        a2 += coef * LoadLanes(x + 2 * kLanes);
        a3 += coef * LoadLanes(x + 3 * kLanes);
      }
      double* y = e + r * kPathBlock + i;
      std::memcpy(y, &a0, sizeof a0);
      std::memcpy(y + kLanes, &a1, sizeof a1);
      std::memcpy(y + 2 * kLanes, &a2, sizeof a2);
      std::memcpy(y + 3 * kLanes, &a3, sizeof a3);
    }
  }
}

#pragma GCC diagnostic pop

}  // namespace

void SimulatePaths(const ScenarioPlan& plan, const std::vector<SystemAdjustments>& systems,
                   int paths, std::uint64_t seed, WorkerPool& pool, StepObserver& observer,
                   std::uint64_t first_path) {
  if (paths < 1) ThrowUsage(fmt::format("the number of paths must be >= 1: {}", paths));
  if (systems.empty()) return;
  if (plan.lags() > 64) ThrowUsage("scenarios support VAR orders up to 64");
  const Coefficients point = CoefficientsOf(plan.K(), plan.lag_matrices, plan.chol);
  const int k = point.k, p = point.p, steps = plan.steps;
  // Paths are simulated in whole blocks; the padding paths at the end (numbered on from the
  // last real path) are simulated and never reported.
  const int blocks = (paths + kPathBlock - 1) / kPathBlock;
  const auto n = static_cast<std::size_t>(blocks) * kPathBlock;
  const int slots = p + 1;  // ring of the last p steps and the current one
  const auto slot_size = static_cast<std::size_t>(k) * n;
  const auto ns = systems.size();

  // Row-major per-step adjustments: [system][step][variable].
  std::vector<std::vector<double>> offset(ns), scale(ns);
  for (std::size_t s = 0; s < ns; ++s)
    for (int h = 0; h < steps; ++h)
      for (int r = 0; r < k; ++r) {
        offset[s].push_back(systems[s].offset(h, r));
        scale[s].push_back(systems[s].scale(h, r));
      }

  // values[s][slot * K * n + r * n + i]; step h lives in slot (h mod slots), steps 1-p..0 hold
  // the observed origin.
  std::vector<std::vector<double>> values(ns);
  for (auto& v : values) v.resize(slots * slot_size);
  auto slot_of = [slots](int step) { return ((step % slots) + slots) % slots; };
  for (std::size_t s = 0; s < ns; ++s)
    for (int j = 0; j < p; ++j) {
      const int step = j - p + 1;  // origin row j is step j - p + 1
      double* base = values[s].data() + slot_of(step) * slot_size;
      for (int r = 0; r < k; ++r) std::fill_n(base + r * n, n, plan.origin(j, r));
    }

  // Parameter uncertainty: one draw per block of paths, keyed by the block's global number.
  const int k_det = static_cast<int>(plan.deterministic_regressors.cols());
  std::vector<BatchParameters> batch;
  if (plan.parameters) {
    batch.resize(static_cast<std::size_t>(blocks));
    pool.ParallelFor(blocks, [&](int b, int) {
      const std::uint64_t number = (first_path + static_cast<std::uint64_t>(b) * kPathBlock) /
                                   static_cast<std::uint64_t>(kPathBlock);
      const ParameterDraw d = plan.parameters->Draw(seed, number);
      BatchParameters& out = batch[static_cast<std::size_t>(b)];
      out.c = CoefficientsOf(k, d.lag_matrices, d.chol);
      for (int r = 0; r < k; ++r)
        for (int j = 0; j < k_det; ++j)
          out.deterministic_change.push_back(d.deterministic(r, j) - plan.deterministic(r, j));
    });
  }

  std::vector<std::uint64_t> rng(n);
  for (std::size_t i = 0; i < n; ++i) rng[i] = NormalStream(seed, first_path + i).state();

  // Per-worker scratch: z and e = L z for one block, variable-major; then the block's offsets.
  std::vector<std::vector<double>> scratch(pool.size(),
                                           std::vector<double>(2 * k * kPathBlock + k));

  auto view_of = [&](int h) {
    StepValues view;
    view.step = h;
    view.paths = paths;
    view.variables = k;
    view.systems = static_cast<int>(ns);
    for (std::size_t s = 0; s < ns; ++s)
      for (int r = 0; r < k; ++r)
        view.rows.push_back(values[s].data() + slot_of(h) * slot_size + r * n);
    return view;
  };

  auto advance_block = [&](int h, int block, int worker) {
    const std::size_t begin = static_cast<std::size_t>(block) * kPathBlock;
    double* z = scratch[worker].data();
    double* e = z + k * kPathBlock;
    // Path i's stream gives its K normals in variable order, as one stream at a time would;
    // the block's streams advance together (eight at once where the processor allows).
    for (int r = 0; r < k; ++r)
      NormalStream::NextNormals(rng.data() + begin, kPathBlock, z + r * kPathBlock);
    const Coefficients& c = batch.empty() ? point : batch[static_cast<std::size_t>(block)].c;
    CorrelateBlock(k, c.chol.data(), z, e);
    double* block_offset = e + k * kPathBlock;
    for (std::size_t s = 0; s < ns; ++s) {
      const double* prev[64];
      for (int j = 0; j < p; ++j)
        prev[j] = values[s].data() + slot_of(h - 1 - j) * slot_size + begin;
      const double* step_offset = offset[s].data() + (h - 1) * k;
      if (!batch.empty()) {
        const std::vector<double>& change =
            batch[static_cast<std::size_t>(block)].deterministic_change;
        for (int r = 0; r < k; ++r) {
          double shift = 0;
          for (int j = 0; j < k_det; ++j)
            shift += change[r * k_det + j] * plan.deterministic_regressors(h - 1, j);
          block_offset[r] = step_offset[r] + shift;
        }
        step_offset = block_offset;
      }
      AdvanceBlock(k, p, c.lag.data(), step_offset, scale[s].data() + (h - 1) * k, prev, e, n,
                   values[s].data() + slot_of(h) * slot_size + begin);
    }
  };

  // Step h is simulated together with the observer's tasks on step h - 1: they read slot h - 1,
  // the blocks write slot h, a different slot since there are p + 1 >= 2. The observer's tasks
  // come first: they are long, the blocks short, so the threads finish together.
  // A task advances kBlocksPerTask consecutive blocks, so that each thread reads every row in
  // runs of several kilobytes (which the processor's prefetcher follows) rather than 2 KB.
  constexpr int kBlocksPerTask = 4;
  const int block_tasks = (blocks + kBlocksPerTask - 1) / kBlocksPerTask;
  std::optional<StepValues> finished;
  for (int h = 1; h <= steps + 1; ++h) {
    const int tasks = finished ? observer.StepTasks(*finished) : 0;
    const int blocks_now = h <= steps ? block_tasks : 0;
    pool.ParallelFor(tasks + blocks_now, [&](int t, int worker) {
      if (t < tasks) {
        observer.RunStepTask(*finished, t, worker);
      } else {
        const int first = (t - tasks) * kBlocksPerTask;
        for (int b = first; b < std::min(blocks, first + kBlocksPerTask); ++b)
          advance_block(h, b, worker);
      }
    });
    if (finished) observer.OnStep(*finished, pool);
    if (h <= steps) finished = view_of(h);
  }
}

}  // namespace triad
