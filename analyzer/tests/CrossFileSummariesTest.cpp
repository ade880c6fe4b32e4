// Whole-program summaries: a lock wrapper, a release wrapper, a REQUIRES helper and callees that
// lock, defined in another file of the program, behave exactly as when they are in the caller's
// file (the C project shape: lock_db()/unlock_db() in db.c, used from main.c and worker.c).
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <set>

using namespace weft::analyzer::test;

namespace {

const std::string kDb = "#include <pthread.h>\n"
                        "static pthread_mutex_t db_mu = PTHREAD_MUTEX_INITIALIZER;\n"
                        "void lock_db(void) { pthread_mutex_lock(&db_mu); }\n"
                        "void unlock_db(void) { pthread_mutex_unlock(&db_mu); }\n";
const std::string kDecls = "#include <pthread.h>\nvoid lock_db(void);\nvoid unlock_db(void);\n"
                           "extern long rows;\nvoid *worker(void *);\n";
const std::string kMain = kDecls + "int main(void) {\n  pthread_t t;\n"
                                   "  pthread_create(&t, 0, worker, 0);\n"
                                   "  lock_db();\n  rows++;\n  unlock_db();\n"
                                   "  pthread_join(t, 0);\n  return 0;\n}\n";

std::string worker(const std::string &body) {
  return kDecls + "long rows;\nvoid *worker(void *arg) {\n" + body + "  return arg;\n}\n";
}

TEST(CrossFileSummaries, LockWrappersInAnotherFileProtect) {
  LintRun r = analyzeProgramOf({{"main.c", kMain},
                                {"worker.c", worker("  lock_db();\n  rows++;\n  unlock_db();\n")},
                                {"db.c", kDb}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
  EXPECT_EQ(r.locksAt("rows", 10), "db_mu") << "main's rows++ is under the wrapper's lock";
}

TEST(CrossFileSummaries, OneAccessOutsideTheWrapperIsExactlyThatRace) {
  LintRun r = analyzeProgramOf(
      {{"main.c", kMain},
       {"worker.c", worker("  lock_db();\n  rows++;\n  unlock_db();\n  rows++;\n")},
       {"db.c", kDb}});
  ASSERT_EQ(r.findings.size(), 1u) << r.messages();
  const auto &f = r.findings.front();
  EXPECT_EQ(f.rule, "data-race");
  EXPECT_EQ(f.variable, "rows");
  // The pair: main's locked rows++ and worker's unprotected one (never worker's locked one).
  std::set<std::string> places = {f.location.file + ":" + std::to_string(f.location.line)};
  for (const auto &rel : f.related)
    places.insert(rel.location.file + ":" + std::to_string(rel.location.line));
  EXPECT_TRUE(places.count("/tmp/weft-test/worker.c:11")) << r.messages();
  EXPECT_FALSE(places.count("/tmp/weft-test/worker.c:9")) << r.messages();
}

TEST(CrossFileSummaries, WrapperThatIsNeverReleasedLeaksInItsCaller) {
  // The wrapper hands its lock to the caller; the caller that never unlocks is the leak.
  LintRun r = analyzeProgramOf({{"main.c", kDecls + "long rows;\nvoid *worker(void *a) {\n"
                                                    "  return a;\n}\nint main(void) {\n"
                                                    "  lock_db();\n  rows++;\n  return 0;\n}\n"},
                                {"db.c", kDb}});
  ASSERT_EQ(r.of("lock-leak").size(), 1u) << r.messages();
  EXPECT_EQ(r.of("lock-leak").front().location.file, "/tmp/weft-test/main.c");
}

TEST(CrossFileSummaries, DoubleLockThroughWrappersInAnotherFile) {
  LintRun r = analyzeProgramOf({{"main.c", kDecls + "long rows;\nvoid *worker(void *a) {\n"
                                                    "  return a;\n}\nint main(void) {\n"
                                                    "  lock_db();\n  lock_db();\n  rows++;\n"
                                                    "  unlock_db();\n  return 0;\n}\n"},
                                {"db.c", kDb}});
  ASSERT_EQ(r.of("double-lock").size(), 1u) << r.messages();
  // Reported where the caller took the wrapper's lock the second time, not inside the wrapper.
  EXPECT_EQ(r.of("double-lock").front().location.file, "/tmp/weft-test/main.c") << r.messages();
  EXPECT_EQ(r.of("double-lock").front().location.line, 12) << r.messages(); // the second call
}

TEST(CrossFileSummaries, LockOrderInversionThroughCalleesInAnotherFile) {
  const std::string locks = "#include <pthread.h>\npthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;\n"
                            "pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;\n"
                            "void take_a(void) { pthread_mutex_lock(&a); }\n"
                            "void take_b(void) { pthread_mutex_lock(&b); }\n"
                            "void drop_a(void) { pthread_mutex_unlock(&a); }\n"
                            "void drop_b(void) { pthread_mutex_unlock(&b); }\n";
  const std::string decls = "#include <pthread.h>\nvoid take_a(void);\nvoid take_b(void);\n"
                            "void drop_a(void);\nvoid drop_b(void);\n";
  LintRun r = analyzeProgramOf(
      {{"main.c", decls + "void *other(void *p) {\n  take_b();\n  take_a();\n  drop_a();\n"
                          "  drop_b();\n  return p;\n}\nint main(void) {\n  pthread_t t;\n"
                          "  pthread_create(&t, 0, other, 0);\n  take_a();\n  take_b();\n"
                          "  drop_b();\n  drop_a();\n  pthread_join(t, 0);\n  return 0;\n}\n"},
       {"locks.c", locks}});
  EXPECT_EQ(r.of("lock-order-inversion").size(), 1u) << r.messages();
  EXPECT_TRUE(r.of("lock-leak").empty()) << r.messages();
}

TEST(CrossFileSummaries, RequiresHelperInAnotherFile) {
  const std::string decls =
      "#include <mutex>\n#include <thread>\n"
      "struct __attribute__((capability(\"mutex\"))) Mu {\n"
      "  void lock() __attribute__((acquire_capability()));\n"
      "  void unlock() __attribute__((release_capability()));\n  std::mutex m;\n};\n"
      "extern Mu mu;\nextern long total;\n"
      "void add_locked(long v) __attribute__((requires_capability(mu)));\n";
  LintRun r = analyzeProgramOf(
      {{"main.cpp", decls + "void work() {\n  mu.lock();\n  add_locked(1);\n  mu.unlock();\n}\n"
                            "int main() {\n  std::thread t(work);\n  work();\n  t.join();\n}\n"},
       {"total.cpp", decls +
                         "Mu mu;\nlong total;\nvoid add_locked(long v) { total += v; }\n"
                         "void Mu::lock() { m.lock(); }\nvoid Mu::unlock() { m.unlock(); }\n"}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
}

TEST(CrossFileSummaries, MutualRecursionAcrossFilesConverges) {
  // ping and pong call each other; the lock taken before the cycle protects every access in it.
  const std::string decls = "#include <mutex>\n#include <thread>\nextern std::mutex m;\n"
                            "extern long n;\nvoid ping(int);\nvoid pong(int);\n";
  LintRun r = analyzeProgramOf(
      {{"main.cpp", decls + "void work() {\n  std::lock_guard<std::mutex> g(m);\n  ping(3);\n}\n"
                            "int main() {\n  std::thread t(work);\n  work();\n  t.join();\n}\n"},
       {"ping.cpp", decls + "std::mutex m;\nlong n;\n"
                            "void ping(int k) { ++n; if (k) pong(k - 1); }\n"
                            "void pong(int k) { --n; if (k) ping(k - 1); }\n"}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
  EXPECT_TRUE(r.result.cutCycles.empty());
}

} // namespace
