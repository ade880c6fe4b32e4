// weft-expect: clean
//
// A local pointer filled through an out-parameter (`env->NewFile(name, &file)`) that every
// implementation fills with a new object (`*result = new PosixFile(...)`, or by forwarding to
// another Env) points to the caller's own object, as if the caller had written `new` itself: the
// background thread and main each write a file of their own (leveldb's BuildTable and
// WriteStringToFile, run by main when the database opens and by the compaction thread).
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

class PosixEnv final : public Env {
public:
  bool NewFile(const std::string &name, File **result) override {
    if (name.empty()) {
      *result = nullptr;
      return false;
    }
    *result = new PosixFile(static_cast<int>(name.size()));
    return true;
  }
};

} // namespace

// Forwards to the Env it wraps: its files are that Env's.
class EnvWrapper : public Env {
public:
  explicit EnvWrapper(Env *target) : target_(target) {}
  bool NewFile(const std::string &name, File **result) override {
    return target_->NewFile(name, result);
  }

private:
  Env *target_;
};

bool WriteStringToFile(Env *env, const std::string &data, const std::string &name) {
  File *file;
  if (!env->NewFile(name, &file))
    return false;
  file->Append(data);
  file->Append("\n");
  delete file;
  return true;
}

int main() {
  PosixEnv posix;
  EnvWrapper env(&posix);
  std::thread background([&env] { WriteStringToFile(&env, "table", "000005.ldb"); });
  WriteStringToFile(&env, "manifest", "MANIFEST-000001");
  background.join();
  return 0;
}
