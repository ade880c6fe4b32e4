// weft-expect: data-race PosixFile::pos_
//
// The twin of clean/out_param_fresh_file: this Env hands every caller asking for the log the
// one log file it keeps open (`*result = log_`), so the background thread and main append to
// one object without a lock. An out-parameter counts as a new object for its caller only when
// every implementation fills it with one.
#include <cstddef>
#include <string>
#include <thread>

class File {
public:
  virtual ~File() = default;
  virtual void Append(const std::string &data) = 0;
};

class Env {
public:
  virtual ~Env() = default;
  virtual bool NewFile(const std::string &name, File **result) = 0;
};

namespace {

class PosixFile final : public File {
public:
  explicit PosixFile(int fd) : fd_(fd) {}
  void Append(const std::string &data) override {
    pos_ += data.size();
    last_fd_ = fd_;
  }

private:
  int fd_;
  std::size_t pos_ = 0;
  int last_fd_ = -1;
};

class LogEnv final : public Env {
public:
  LogEnv() : log_(new PosixFile(3)) {}
  ~LogEnv() override { delete log_; }
  bool NewFile(const std::string &name, File **result) override {
    if (name.empty()) {
      *result = nullptr;
      return false;
    }
    *result = log_;
    return true;
  }

private:
  File *log_;
};

} // namespace

bool AppendToLog(Env *env, const std::string &data) {
  File *file;
  if (!env->NewFile("LOG", &file))
    return false;
  file->Append(data);
  return true;
}

int main() {
  LogEnv env;
  std::thread background([&env] { AppendToLog(&env, "compacted"); });
  AppendToLog(&env, "opened");
  background.join();
  return 0;
}
