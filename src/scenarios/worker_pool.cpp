#include "scenarios/worker_pool.hpp"

namespace triad {

WorkerPool::WorkerPool(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int w = 1; w < threads; ++w) workers_.emplace_back([this, w] { WorkerLoop(w); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void WorkerPool::RunTasks(int worker) {
  for (;;) {
    int i;
    const std::function<void(int, int)>* task;
    {
      std::lock_guard lock(mutex_);
      if (next_task_ >= task_count_) return;
      i = next_task_++;
      task = task_;
    }
    try {
      (*task)(i, worker);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      next_task_ = task_count_;  // stop handing out work
    }
  }
}

void WorkerPool::WorkerLoop(int worker) {
  unsigned long seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      ++running_;
    }
    RunTasks(worker);
    {
      std::lock_guard lock(mutex_);
      --running_;
    }
    finished_.notify_all();
  }
}

void WorkerPool::ParallelFor(int n, const std::function<void(int, int)>& task) {
  if (n <= 0) return;
  if (workers_.empty() || n == 1) {
    for (int i = 0; i < n; ++i) task(i, 0);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    task_ = &task;
    task_count_ = n;
    next_task_ = 0;
    error_ = nullptr;
    ++generation_;
  }
  wake_.notify_all();
  RunTasks(0);
  std::exception_ptr error;
  {
    std::unique_lock lock(mutex_);
    // All tasks handed out; wait for workers still running one. A worker that wakes late finds
    // no task left and leaves at once.
    finished_.wait(lock, [&] { return running_ == 0 && next_task_ >= task_count_; });
    task_ = nullptr;
    error = error_;
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace triad
