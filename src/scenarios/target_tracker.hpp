#pragma once
// Whether each simulated path keeps each target: a dyad at or above its floor at every step from
// the scenario's start (mode every_step) or at the last step (mode at_end). Fed step by step by a
// StepObserver; holds one byte per path, target and system.
#include <cstdint>
#include <vector>

#include "scenarios/path_simulator.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_plan.hpp"

namespace triad {

class TargetTracker {
 public:
  TargetTracker(const std::vector<Target>& targets, const ScenarioPlan& plan, int systems,
                int paths);
  // Call for every step in order.
  void Update(const StepValues& values, WorkerPool& pool);

  int targets() const { return static_cast<int>(targets_.size()); }
  // 1 where path i keeps target t in system s (after the last step).
  const std::vector<std::uint8_t>& Kept(int system, int target) const {
    return kept_[system * targets_.size() + target];
  }
  // 1 where path i keeps every target in system s.
  std::vector<std::uint8_t> AllKept(int system) const;

 private:
  std::vector<Target> targets_;
  std::vector<int> variable_;
  int start_step_, last_step_, paths_;
  std::vector<std::vector<std::uint8_t>> kept_;  // [system * targets + target][path]
};

}  // namespace triad
