#pragma once
// A fixed set of threads that run the tasks 0..n-1 of a parallel loop. Which thread runs which
// task is not fixed, so callers keep results deterministic by writing each task's output to its
// own place and combining them in task order.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace triad {

class WorkerPool {
 public:
  // threads <= 0 means std::thread::hardware_concurrency(). The calling thread is one of them.
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs task(i, worker) for every i in [0, n) and returns when all are done; worker is in
  // [0, size()), unique among concurrently running tasks (for per-thread scratch space). The
  // first exception thrown by a task is rethrown here after the loop finishes.
  void ParallelFor(int n, const std::function<void(int task, int worker)>& task);

 private:
  void WorkerLoop(int worker);
  void RunTasks(int worker, const std::function<void(int, int)>* task, int count);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  // Set under the mutex before a loop's generation starts; read by workers after they have seen
  // the new generation under the mutex. Task indices are handed out without the mutex.
  const std::function<void(int, int)>* task_ = nullptr;
  int task_count_ = 0;
  std::atomic<int> next_task_{0};
  int running_ = 0;  // workers inside RunTasks for the current generation
  unsigned long generation_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace triad
