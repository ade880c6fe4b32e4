// weft-expect: data-race done
//
// A thread started inside a helper (start()), and main polling the state it sets through a
// getter called in the loop's condition. The getter's read is unprotected and races with the
// background write. (The lint once lost the running thread when the loop's blocks were
// recorded before the helper's call.)
#include <thread>

long done = 0;

long done_count() { return done; }

void background() { done += 1; }

void start() { std::thread(background).detach(); }

int main() {
  start();
  for (int polls = 0; polls < 1000; ++polls)
    if (done_count() != 0)
      return 0;
    else
      std::this_thread::yield();
  return 1;
}
