// A real-world-sized translation unit for the lint benchmark: most of the C++20 standard library
// (about 160k lines after preprocessing, like a typical service source file) plus threaded code
// with one unprotected counter, so the analyser has both bulk to parse and threads to follow.
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <barrier>
#include <bit>
#include <bitset>
#include <charconv>
#include <chrono>
#include <codecvt>
#include <compare>
#include <complex>
#include <concepts>
#include <condition_variable>
#include <deque>
#include <exception>
#include <execution>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <functional>
#include <future>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <latch>
#include <limits>
#include <list>
#include <locale>
#include <map>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <numbers>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <ranges>
#include <ratio>
#include <regex>
#include <scoped_allocator>
#include <semaphore>
#include <set>
#include <shared_mutex>
#include <source_location>
#include <span>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <syncstream>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>

namespace bench {

/// A work queue guarded by a mutex, drained by a pool of threads.
class WorkQueue {
public:
  void push(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
  }

  std::optional<std::function<void()>> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
    if (jobs_.empty())
      return std::nullopt;
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    return job;
  }

  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool closed_ = false;
};

std::map<std::string, int> wordCounts; // guarded by countsMutex
std::mutex countsMutex;
std::atomic<long> processed{0};
long unguardedTotal = 0; // the race: written by every worker with no lock

void countWords(const std::string &text) {
  std::istringstream in(text);
  std::string word;
  std::map<std::string, int> local;
  while (in >> word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    ++local[word];
  }
  std::scoped_lock lock(countsMutex);
  for (const auto &[w, n] : local)
    wordCounts[w] += n;
  processed.fetch_add(1, std::memory_order_relaxed);
  unguardedTotal += static_cast<long>(local.size());
}

int run(int threads) {
  WorkQueue queue;
  std::vector<std::jthread> pool;
  for (int i = 0; i < threads; ++i)
    pool.emplace_back([&queue] {
      while (auto job = queue.pop())
        (*job)();
    });
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> pick(0, 3);
  const std::array<std::string_view, 4> words = {"alpha", "beta", "gamma", "delta"};
  for (int i = 0; i < 100; ++i) {
    std::string text;
    for (int j = 0; j < 50; ++j)
      text += std::string(words[pick(rng)]) + " ";
    queue.push([text] { countWords(text); });
  }
  queue.close();
  pool.clear();
  auto top = std::ranges::max_element(wordCounts, {}, [](const auto &kv) { return kv.second; });
  std::cout << processed.load() << " jobs, top word " << top->first << "\n";
  return static_cast<int>(unguardedTotal % 7);
}

} // namespace bench

int main() { return bench::run(4); }
