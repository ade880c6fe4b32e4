// Format names and all-or-nothing writes.
#include "SampleReports.h"

#include "weft/report/Json.h"
#include "weft/report/Output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace weft::report {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class WriteFile : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           (std::string("weft-report-output-") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST(Format, Names) {
  EXPECT_EQ(parseFormat("text"), Format::Text);
  EXPECT_EQ(parseFormat("json"), Format::Json);
  EXPECT_EQ(parseFormat("sarif"), Format::Sarif);
  EXPECT_EQ(parseFormat("html"), Format::Html);
  EXPECT_EQ(parseFormat("JSON"), std::nullopt);
  EXPECT_EQ(parseFormat(""), std::nullopt);
}

TEST(Format, RenderEndsWithNewline) {
  for (Format f : {Format::Text, Format::Json, Format::Sarif, Format::Html}) {
    std::string out = render(testing::runSample(), f);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.back(), '\n');
  }
  EXPECT_EQ(render(testing::runSample(), Format::Json), toJsonText(testing::runSample()));
}

TEST(Format, HtmlIsSelfContained) {
  std::string html = render(testing::runSample(), Format::Html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(
      html.find("weft replay REPORT.json --finding 1 -- ./counter --name &#39;two words&#39;"),
      std::string::npos)
      << html;
  EXPECT_NE(html.find("data race on &#39;counter&#39;"), std::string::npos);
}

TEST_F(WriteFile, WritesAndReplaces) {
  fs::path p = dir_ / "out.json";
  writeFileAtomically(p.string(), "first\n");
  EXPECT_EQ(slurp(p), "first\n");
  writeFileAtomically(p.string(), "second\n");
  EXPECT_EQ(slurp(p), "second\n");
  EXPECT_EQ(entries(), 1u) << "no temporary left behind";
}

TEST_F(WriteFile, GetsAnOrdinaryMode) {
  fs::path p = dir_ / "out.json";
  mode_t mask = ::umask(022);
  writeFileAtomically(p.string(), "x");
  ::umask(mask);
  struct stat st;
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(WriteFile, RelativePathInCurrentDirectory) {
  fs::path old = fs::current_path();
  fs::current_path(dir_);
  writeFileAtomically("plain.txt", "x");
  fs::current_path(old);
  EXPECT_EQ(slurp(dir_ / "plain.txt"), "x");
}

TEST_F(WriteFile, MissingDirectoryFailsCleanly) {
  std::string p = (dir_ / "no" / "out.json").string();
  try {
    writeFileAtomically(p, "x");
    FAIL();
  } catch (const std::runtime_error &e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '" + p + "': No such file or directory");
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(WriteFile, DirectoryTargetFailsAndLeavesNothing) {
  fs::create_directory(dir_ / "sub");
  std::string p = (dir_ / "sub").string();
  EXPECT_THROW(writeFileAtomically(p, "x"), std::runtime_error);
  EXPECT_EQ(entries(), 1u);
  EXPECT_TRUE(fs::is_directory(dir_ / "sub"));
}

} // namespace
} // namespace weft::report
