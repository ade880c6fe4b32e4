// The HTML view: a self-contained page whose stacks fold runs of system-library frames like the
// text view (the JSON keeps every frame) and whose text is escaped.
#include "weft/report/HtmlWriter.h"

#include "SampleReports.h"

#include <gtest/gtest.h>

using namespace weft::report;

TEST(HtmlWriter, FoldsSystemFramesAndKeepsFrameNumbers) {
  std::string html = toHtml(weft::report::testing::runSample(), TextOptions{});
  EXPECT_NE(html.find("<li class=\"fold\">&hellip; 1 frame in system libraries</li>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("start_thread"), std::string::npos) << "the folded frame is still listed";
  EXPECT_NE(html.find("<li value=\"0\">work()"), std::string::npos) << html;
}

TEST(HtmlWriter, EscapesWhatTheProgramNamed) {
  Report report = weft::report::testing::runSample();
  report.findings.at(0).message = "race on 'a<b>&c'";
  std::string html = toHtml(report, TextOptions{});
  EXPECT_NE(html.find("a&lt;b&gt;&amp;c"), std::string::npos);
  EXPECT_EQ(html.find("a<b>&c"), std::string::npos);
}
