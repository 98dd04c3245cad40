#include "scenarios/target_tracker.hpp"

#include <algorithm>

namespace triad {

TargetTracker::TargetTracker(const std::vector<Target>& targets, const ScenarioPlan& plan,
                             int systems, int paths)
    : targets_(targets),
      variable_(plan.target_variable),
      start_step_(plan.start_step),
      last_step_(plan.steps),
      paths_(paths),
      kept_(static_cast<std::size_t>(systems) * targets.size(),
            std::vector<std::uint8_t>(paths, 1)) {}

void TargetTracker::Update(const StepValues& v, WorkerPool& pool) {
  if (v.step < start_step_ || targets_.empty()) return;
  const int tasks = v.systems * targets();
  pool.ParallelFor(tasks, [&](int task, int) {
    const int s = task / targets(), t = task % targets();
    const Target& target = targets_[t];
    if (target.mode == TargetMode::kAtEnd && v.step != last_step_) return;
    const double* y = v.Row(s, variable_[t]);
    std::uint8_t* kept = kept_[task].data();
    const double floor = target.floor;
    for (int i = 0; i < paths_; ++i) kept[i] &= static_cast<std::uint8_t>(y[i] >= floor);
  });
}

std::vector<std::uint8_t> TargetTracker::AllKept(int system) const {
  std::vector<std::uint8_t> all(paths_, 1);
  for (int t = 0; t < targets(); ++t) {
    const auto& kept = Kept(system, t);
    for (int i = 0; i < paths_; ++i) all[i] &= kept[i];
  }
  return all;
}

}  // namespace triad
