// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// The twin of clean/lock_order_under_gate.cpp: the auditor takes the two locks in the other order
// *without* the gate, so the poster can hold `ledger_mu` (under the gate) while the auditor holds
// `audit_mu`: a real deadlock. A gate counts only when both orders are taken under it.
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
