#pragma once
// Monte Carlo paths of a scenario's VAR, simulated step by step across all paths ("step-major"):
// at each step every path advances one period, then an observer sees all paths' values at that
// step and reduces them (quantiles, counts). Memory is bounded by paths x K x (p + 1) doubles per
// system, never by the horizon, and quantiles are exact (over all paths at a step).
//
// Several systems (e.g. a lever set and the baseline) can be simulated together from the same
// innovations z (common random numbers), so that their differences have small Monte Carlo error.
// Path i always draws from NormalStream(seed, i), K normals per step in variable order, and the
// arithmetic for a path does not depend on which thread runs it: results are identical for any
// thread count.
#include <cstdint>
#include <functional>
#include <vector>

#include "scenarios/scenario_plan.hpp"
#include "scenarios/worker_pool.hpp"

namespace triad {

// All paths' values at one step. Row(s, k) points at `paths` doubles: variable k of system s for
// paths 0..paths-1. Valid during the observer's calls for that step.
struct StepValues {
  int step = 0;  // 1-based
  int paths = 0;
  int variables = 0;
  int systems = 0;
  std::vector<const double*> rows;  // systems * variables pointers

  const double* Row(int system, int variable) const { return rows[system * variables + variable]; }
};

// Sees every step's values, in step order. The simulator calls, for each step h:
//   StepTasks(h), then RunStepTask(h, t, worker) for t < StepTasks(h) in parallel, then OnStep(h)
// on the thread that called SimulatePaths. The tasks of step h run while step h + 1 is being
// simulated (which only reads step h), so long reductions such as quantiles overlap with the
// simulation; OnStep(h) follows once step h + 1 is done, and may use the pool itself.
class StepObserver {
 public:
  virtual ~StepObserver() = default;
  // Independent pieces of work on one step's values (default: none).
  virtual int StepTasks(const StepValues&) { return 0; }
  virtual void RunStepTask(const StepValues&, int /*task*/, int /*worker*/) {}
  virtual void OnStep(const StepValues& values, WorkerPool& pool) = 0;
};

// An observer from a function, for small reductions.
class StepFunctionObserver : public StepObserver {
 public:
  explicit StepFunctionObserver(std::function<void(const StepValues&, WorkerPool&)> f)
      : f_(std::move(f)) {}
  void OnStep(const StepValues& values, WorkerPool& pool) override { f_(values, pool); }

 private:
  std::function<void(const StepValues&, WorkerPool&)> f_;
};

// Paths per unit of parallel work. Fixed, so that the work split is the same for any thread count.
inline constexpr int kPathBlock = 256;

// Simulates `paths` paths of every system over plan.steps steps. Path numbers are
// first_path .. first_path + paths - 1 (so a run can be continued or split without changing any
// path's draws).
void SimulatePaths(const ScenarioPlan& plan, const std::vector<SystemAdjustments>& systems,
                   int paths, std::uint64_t seed, WorkerPool& pool, StepObserver& observer,
                   std::uint64_t first_path = 0);

}  // namespace triad
