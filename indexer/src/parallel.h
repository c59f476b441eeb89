// Runs independent pieces of work on a few threads while the calling thread reports progress.
// Used for reading and checking corpus files, each of which stands alone.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace fibrokb::parallel {

// Threads to use when the caller does not say: one per core, at most 8.
inline int defaultThreads(int requested)
{
    if (requested > 0)
        return std::min(requested, 64);
    const unsigned cores = std::thread::hardware_concurrency();
    return int(std::clamp(cores == 0 ? 2u : cores, 1u, 8u));
}

// Calls work(i) for every i in [0, count), each exactly once, on up to `threads` threads; items are taken in
// order from a shared counter, so a slow file holds up no one. While they run, the calling thread calls
// tick() about five times a second. Stops taking items once stop() returns true. The first exception thrown
// by work() is rethrown here after every thread has finished.
inline void forEach(size_t count, int threads, const std::function<void(size_t)>& work,
                    const std::function<void()>& tick = {}, const std::function<bool()>& stop = {})
{
    std::atomic<size_t> next{0};
    std::mutex mutex;
    std::condition_variable finished;
    std::exception_ptr failure;
    int running = std::max(1, std::min<int>(threads, int(std::max<size_t>(count, 1))));
    const int started = running;
    std::vector<std::thread> pool;
    for (int t = 0; t < started; ++t) {
        pool.emplace_back([&] {
            try {
                for (size_t i; (i = next++) < count;) {
                    if (stop && stop())
                        break;
                    work(i);
                }
            } catch (...) {
                std::lock_guard<std::mutex> hold(mutex);
                if (!failure)
                    failure = std::current_exception();
                next = count;  // the others stop at their next item
            }
            std::lock_guard<std::mutex> hold(mutex);
            --running;
            finished.notify_one();
        });
    }
    {
        std::unique_lock<std::mutex> hold(mutex);
        while (running > 0) {
            finished.wait_for(hold, std::chrono::milliseconds(200));
            if (tick) {
                hold.unlock();
                tick();
                hold.lock();
            }
        }
    }
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

}  // namespace fibrokb::parallel
