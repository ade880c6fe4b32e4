#include "stats.h"

#include <mutex>

long visits;
long errors;
std::mutex errors_lock;

void record_visit() { ++visits; }

void record_error() {
  std::lock_guard<std::mutex> guard(errors_lock);
  ++errors;
}

void worker() {
  record_visit();
  record_error();
}
