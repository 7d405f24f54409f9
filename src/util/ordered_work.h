// Work done on several threads over items handed in one order and given back
// in that order: the ingest's analysis, run on many documents at once, whose
// results are merged and written one at a time as they were read. (After
// DuckDB's parallel/task.hpp, cut down to what an ordered pipeline needs.)
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace mosaic {

template <class T>
class OrderedWork {
 public:
  // `threads` threads run `work` on the items that need it, and pop()'s
  // caller when it would wait; with none, push runs it itself, so that one
  // thread does everything in order.
  OrderedWork(unsigned threads, std::function<void(T&)> work) : work_(std::move(work)) {
    threads_.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { serve(); });
  }
  // Stops the threads once each has finished the item in its hands; items
  // still held are dropped.
  ~OrderedWork() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    threads_.clear();  // joins
  }
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  // Hands over the next item, with or without work to do on it. Never waits:
  // how many items are held is the caller's to bound (size()).
  void push(T item, bool needs_work) {
    auto slot = std::make_unique<Slot>(std::move(item));
    if (needs_work && threads_.empty()) {
      run(*slot);
      needs_work = false;
    }
    slot->done = !needs_work;
    Slot* const s = slot.get();
    {
      std::lock_guard lock(mutex_);
      slots_.push_back(std::move(slot));
      if (needs_work) waiting_.push_back(s);
    }
    if (needs_work) work_ready_.notify_one();
  }

  // The oldest item held if its work is done, without waiting.
  std::optional<T> try_pop() {
    std::unique_lock lock(mutex_);
    if (slots_.empty() || !slots_.front()->done) return std::nullopt;
    return take(lock);
  }

  // The oldest item held, once its work is done; nullopt when none is held.
  // While it is not, the caller does the work of the oldest item no thread
  // has begun (the oldest itself, unless a thread has it): the calling
  // thread is one of those working whenever it would otherwise wait. An
  // exception the work threw on the item is thrown here.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    if (slots_.empty()) return std::nullopt;
    while (!slots_.front()->done) {
      if (waiting_.empty()) {
        done_.wait(lock);
        continue;
      }
      Slot* const s = waiting_.front();
      waiting_.pop_front();
      lock.unlock();
      run(*s);
      lock.lock();
      s->done = true;
    }
    return take(lock);
  }

  // Items handed over and not yet taken back.
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return slots_.size();
  }

 private:
  struct Slot {
    explicit Slot(T&& i) : item(std::move(i)) {}
    T item;
    std::exception_ptr error;
    bool done = false;  // under mutex_
  };

  void run(Slot& s) {
    try {
      work_(s.item);
    } catch (...) {
      s.error = std::current_exception();
    }
  }

  std::optional<T> take(std::unique_lock<std::mutex>& lock) {
    std::unique_ptr<Slot> s = std::move(slots_.front());
    slots_.pop_front();
    lock.unlock();
    if (s->error) std::rethrow_exception(s->error);
    return std::move(s->item);
  }

  void serve() {
    for (;;) {
      Slot* s = nullptr;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (stopping_) return;
        s = waiting_.front();
        waiting_.pop_front();
      }
      // The slot stays where it is until it is done: only its owner's
      // take() removes it, and only once done.
      run(*s);
      {
        std::lock_guard lock(mutex_);
        s->done = true;
      }
      done_.notify_one();
    }
  }

  std::function<void(T&)> work_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_, done_;
  std::deque<std::unique_ptr<Slot>> slots_;  // in the order handed over
  std::deque<Slot*> waiting_;                // slots whose work no thread has begun
  bool stopping_ = false;
  std::vector<std::jthread> threads_;        // last: stopped before the rest goes
};

}  // namespace mosaic
