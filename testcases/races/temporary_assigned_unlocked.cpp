// weft-expect: data-race Status::state_|bg_error
//
// The twin of clean/temporary_status_assign: main moves the temporary into the shared error
// itself, without the lock the background thread sets it under. The temporary is main's own; the
// object assigned is not.
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

class Status {
public:
  Status() = default;
  ~Status() { delete[] state_; }
  Status(const Status &rhs) : state_(rhs.state_ ? Copy(rhs.state_) : nullptr) {}
  Status &operator=(const Status &rhs) {
    if (state_ != rhs.state_) {
      delete[] state_;
      state_ = rhs.state_ ? Copy(rhs.state_) : nullptr;
    }
    return *this;
  }
  Status &operator=(Status &&rhs) noexcept {
    std::swap(state_, rhs.state_);
    return *this;
  }
  static Status Error(const char *message) {
    Status s;
    s.state_ = Copy(message);
    return s;
  }
  bool ok() const { return state_ == nullptr; }

private:
  static char *Copy(const char *s) {
    char *out = new char[std::strlen(s) + 1];
    std::strcpy(out, s);
    return out;
  }
  char *state_ = nullptr;
};

std::mutex mu;
Status bg_error; // guarded by mu

void Background() {
  Status s = Status::Error("disk full");
  std::lock_guard<std::mutex> hold(mu);
  bg_error = s;
}

int main() {
  std::thread background(Background);
  bg_error = Status::Error("cannot open");
  bool failed = true;
  background.join();
  std::lock_guard<std::mutex> hold(mu);
  return failed && !bg_error.ok() ? 0 : 1;
}
