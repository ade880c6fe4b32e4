// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// Two threads take the same two std::mutexes in opposite orders. Whether a run deadlocks depends
// on the interleaving; the lock-order cycle is there in every run.
#include <mutex>
#include <thread>

std::mutex accounts_mutex;
std::mutex audit_mutex;
int accounts = 0;
int audits = 0;

void transfer() {
  std::lock_guard<std::mutex> first(accounts_mutex);
  std::lock_guard<std::mutex> second(audit_mutex);
  ++accounts;
}

void audit() {
  std::lock_guard<std::mutex> first(audit_mutex);
  std::lock_guard<std::mutex> second(accounts_mutex);
  ++audits;
}

int main() {
  std::thread a(transfer);
  std::thread b(audit);
  a.join();
  b.join();
  return accounts + audits == 2 ? 0 : 1;
}
