// The thread pool runs every task exactly once per loop, over many short loops (the simulator
// runs one per step), and passes a task's exception to the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "scenarios/worker_pool.hpp"

namespace triad {
namespace {

TEST(WorkerPool, EveryTaskOnceOverManyLoops) {
  WorkerPool pool(3);
  EXPECT_EQ(pool.size(), 3);
  for (int loop = 0; loop < 2000; ++loop) {
    const int n = 1 + loop % 37;
    std::vector<std::atomic<int>> runs(n);
    std::atomic<int> bad_worker{0};
    pool.ParallelFor(n, [&](int task, int worker) {
      runs[task].fetch_add(1);
      if (worker < 0 || worker >= pool.size()) bad_worker = 1;
    });
    for (int i = 0; i < n; ++i) ASSERT_EQ(runs[i].load(), 1) << "loop " << loop << " task " << i;
    ASSERT_EQ(bad_worker.load(), 0);
  }
}

TEST(WorkerPool, ExceptionReachesTheCaller) {
  WorkerPool pool(2);
  EXPECT_THROW(pool.ParallelFor(100,
                                [](int task, int) {
                                  if (task == 42) throw std::runtime_error("task 42");
                                }),
               std::runtime_error);
  int sum = 0;
  WorkerPool single(1);
  single.ParallelFor(10, [&](int task, int) { sum += task; });  // the pool still works
  EXPECT_EQ(sum, 45);
  std::atomic<int> after{0};
  pool.ParallelFor(10, [&](int, int) { after.fetch_add(1); });
  EXPECT_EQ(after.load(), 10);
}

}  // namespace
}  // namespace triad
