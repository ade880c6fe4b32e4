// weft-expect: clean
//
// Two threads take `ledger_mu` and `audit_mu` in opposite orders, but each does it while holding
// `gate_mu`: only one of them can be between the two acquisitions at a time, so the cycle can
// never close into a deadlock (a gate lock; Goodlock's refinement). Reporting it would be a false
// alarm in every run.
#include <mutex>
#include <thread>

std::mutex gate_mu;
std::mutex ledger_mu;
std::mutex audit_mu;
int ledger = 0;
int audits = 0;

void post_entry() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> first(ledger_mu);
  std::lock_guard<std::mutex> second(audit_mu);
  ++ledger;
}

void run_audit() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> first(audit_mu);
  std::lock_guard<std::mutex> second(ledger_mu);
  ++audits;
}

int main() {
  std::thread poster(post_entry);
  std::thread auditor(run_audit);
  poster.join();
  auditor.join();
  return ledger + audits == 2 ? 0 : 1;
}
