// Clean use of the C++ standard library's threading: std::async/std::future/std::promise,
// condition_variable::wait_for, std::shared_mutex, std::timed_mutex, std::recursive_mutex,
// std::call_once, thread_local, std::jthread with stop_token. Expect: no finding, exit 0.
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <thread>
#include <vector>
std::shared_mutex sm;
std::timed_mutex tm;
std::recursive_mutex rm;
std::once_flag once;
int config = 0, shared_value = 0, timed = 0, rec = 0;
thread_local int tls_counter = 0;
int main() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  auto a = std::async(std::launch::async, [&] {
    std::call_once(once, [] { config = 1; });
    ++tls_counter;
    p.set_value(config + tls_counter);
    return 5;
  });
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  std::vector<std::jthread> ts;
  for (int i = 0; i < 2; ++i)
    ts.emplace_back([&](std::stop_token st) {
      std::call_once(once, [] { config = 1; });
      {
        std::unique_lock<std::shared_mutex> w(sm);
        shared_value += config;
      }
      {
        std::shared_lock<std::shared_mutex> r(sm);
        (void)shared_value;
      }
      if (tm.try_lock_for(std::chrono::milliseconds(10))) {
        ++timed;
        tm.unlock();
      }
      {
        std::lock_guard<std::recursive_mutex> g1(rm);
        std::lock_guard<std::recursive_mutex> g2(rm);
        ++rec;
      }
      std::unique_lock<std::mutex> l(m);
      while (!ready && !st.stop_requested()) cv.wait_for(l, std::chrono::milliseconds(50));
    });
  int v = f.get() + a.get();
  {
    std::lock_guard<std::mutex> g(m);
    ready = true;
  }
  cv.notify_all();
  ts.clear();
  return v == 7 && shared_value == 2 && rec == 2 ? 0 : 1;
}
