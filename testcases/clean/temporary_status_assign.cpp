// weft-expect: clean
//
// A temporary is a new object of the frame that makes it, like a local: main's `s =
// Status::Error(...)` moves from a temporary (`rhs`, which the move assignment writes) while the
// background thread sets the shared error under the lock. Neither touches the other's object
// (leveldb's Status::operator=(Status&&) against DBImpl::bg_error_).
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
  Status s;
  s = Status::Error("cannot open");
  bool failed = !s.ok();
  background.join();
  std::lock_guard<std::mutex> hold(mu);
  return failed && !bg_error.ok() ? 0 : 1;
}
