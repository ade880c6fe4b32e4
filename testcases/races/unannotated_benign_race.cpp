// weft-expect-run: data-race lookups
// weft-expect-lint: data-race lookups
//
// clean/annotated_benign_race.cpp without its annotations:
// the unlocked statistics counter `lookups` is reported as the race it is.
//
// weft lint does not read TSan's annotations, so it reports this race in the annotated
// program too.
#include <mutex>
#include <thread>

std::mutex queue_mu;
int queue_length = 0;
long lookups = 0; // statistics only

void worker() {
  for (int i = 0; i < 50; ++i) {
    ++lookups;
    std::lock_guard<std::mutex> guard(queue_mu);
    ++queue_length;
  }
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  return queue_length == 100 ? 0 : 1;
}
