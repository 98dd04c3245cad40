#include "scenarios/worker_pool.hpp"

#include <system_error>

namespace triad {

WorkerPool::WorkerPool(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // The system may refuse a thread (a process limit, memory): the pool then runs with the
  // threads it has (size() says how many; results do not depend on it), rather than abort.
  for (int w = 1; w < threads; ++w) {
    try {
      workers_.emplace_back([this, w] { WorkerLoop(w); });
    } catch (const std::system_error&) {
      break;
    }
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void WorkerPool::RunTasks(int worker, const std::function<void(int, int)>* task, int count) {
  // `task` and `count` were read under the mutex together with the generation; a loop starts only
  // when no worker is inside RunTasks (running_ == 0), so next_task_ belongs to this loop.
  for (;;) {
    const int i = next_task_.fetch_add(1);
    if (i >= count) return;
    try {
      (*task)(i, worker);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      next_task_ = count;  // stop handing out work
    }
  }
}

void WorkerPool::WorkerLoop(int worker) {
  unsigned long seen = 0;
  for (;;) {
    const std::function<void(int, int)>* task;
    int count;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      task = task_;
      count = task_count_;
      ++running_;
    }
    RunTasks(worker, task, count);
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
    std::unique_lock lock(mutex_);
    // A worker that woke late for the previous loop may still be leaving RunTasks.
    finished_.wait(lock, [&] { return running_ == 0; });
    task_ = &task;
    task_count_ = n;
    next_task_ = 0;
    error_ = nullptr;
    ++generation_;
  }
  wake_.notify_all();
  RunTasks(0, &task, n);
  std::exception_ptr error;
  {
    std::unique_lock lock(mutex_);
    // All tasks handed out; wait for workers still running one. A worker that wakes after this
    // finds no task left (next_task_ >= n) and leaves at once.
    finished_.wait(lock, [&] { return running_ == 0; });
    task_ = nullptr;
    error = error_;
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace triad
