// The gcc-only options are dropped and everything else (including values of other options) kept.
#include "CompilerFlags.h"
#include "FileSelection.h"

#include <gtest/gtest.h>

namespace weft::lint {
namespace {

TEST(CompilerFlags, StripsGccOnlyOptions) {
  std::vector<std::string> in = {"/usr/bin/g++",
                                 "-fno-gnu-unique",
                                 "-fconcepts",
                                 "-O2",
                                 "-fanalyzer",
                                 "-fipa-pta",
                                 "-fno-allow-store-data-races",
                                 "-mabi=lp64",
                                 "-fconcepts-diagnostics-depth=3",
                                 "-Iinc",
                                 "-fstack-clash-protection",
                                 "-c",
                                 "a.cpp"};
  std::vector<std::string> out = {"/usr/bin/g++", "-O2",  "-Iinc", "-fstack-clash-protection",
                                  "-c",           "a.cpp"};
  EXPECT_EQ(stripGccOnlyFlags(in), out);
}

TEST(CompilerFlags, KeepsTheCompilerAndClangOptions) {
  EXPECT_FALSE(isGccOnlyFlag("-fno-exceptions"));
  EXPECT_FALSE(isGccOnlyFlag("-std=c++20"));
  EXPECT_FALSE(isGccOnlyFlag("-Wno-maybe-uninitialized")); // a warning only, silenced by -w
  EXPECT_TRUE(isGccOnlyFlag("-fno-ipa-cp-clone"));
}

TEST(CompilerFlags, GccIsToldFromClang) {
  EXPECT_TRUE(isGccCompiler("/usr/bin/gcc"));
  EXPECT_TRUE(isGccCompiler("x86_64-linux-gnu-g++-12"));
  EXPECT_TRUE(isGccCompiler("cc"));
  EXPECT_FALSE(isGccCompiler("/usr/bin/clang-19"));
  EXPECT_FALSE(isGccCompiler("clang++"));
  EXPECT_EQ(gccLeniencyFlags().size(), 4u);
}

TEST(FileSelection, NamedFilesMatchRelativeAndAbsoluteSpellings) {
  std::vector<CompileJob> jobs = {{"/p/src/a.cpp", "/p/build", {"c++"}},
                                  {"/p/src/b.cpp", "/p/build", {"c++"}}};
  std::string error;
  auto all = selectJobs(jobs, {}, "/p", error);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  auto some = selectJobs(jobs, {"src/b.cpp", "/p/src/./a.cpp", "src/b.cpp"}, "/p", error);
  ASSERT_TRUE(some);
  ASSERT_EQ(some->size(), 2u);
  EXPECT_EQ((*some)[0].file, "/p/src/b.cpp");
  EXPECT_FALSE(selectJobs(jobs, {"src/c.cpp"}, "/p", error));
  EXPECT_EQ(error, "'src/c.cpp' does not exist (and is not in the compilation database)");
}

TEST(FileSelection, FirstCommandPerFile) {
  std::vector<CompileJob> jobs = {{"/a.cpp", "/d1", {"c++", "-DONE"}},
                                  {"/b.cpp", "/d1", {"c++"}},
                                  {"/a.cpp", "/d2", {"c++", "-DTWO"}}};
  auto unique = firstCommandPerFile(jobs);
  ASSERT_EQ(unique.size(), 2u);
  EXPECT_EQ(unique[0].arguments[1], "-DONE");
}

TEST(FileSelection, AssemblySourcesAreSkipped) {
  std::vector<CompileJob> jobs = {
      {"/p/huf_amd64.S", "/p", {"cc", "-c", "huf_amd64.S"}},
      {"/p/a.c", "/p", {"cc", "-c", "a.c"}},
      {"/p/boot.s", "/p", {"cc", "-c", "boot.s"}},
      {"/p/gen.inc", "/p", {"cc", "-x", "assembler-with-cpp", "gen.inc"}},
      {"/p/b.cpp", "/p", {"c++", "-xc++", "b.cpp"}}};
  std::vector<std::string> skipped;
  dropAssemblySources(jobs, skipped);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].file, "/p/a.c");
  EXPECT_EQ(jobs[1].file, "/p/b.cpp");
  EXPECT_EQ(skipped, (std::vector<std::string>{"/p/huf_amd64.S", "/p/boot.s", "/p/gen.inc"}));
}

} // namespace
} // namespace weft::lint
