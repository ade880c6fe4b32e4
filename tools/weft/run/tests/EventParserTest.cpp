// The event-line parser: every record kind of weft/protocol.h, partial lines across reads, and
// malformed input that must be kept aside rather than crash or corrupt the record.
#include "EventParser.h"

#include "weft/protocol.h"

#include <gtest/gtest.h>

using namespace weft::run;

TEST(EventParser, HelloModulesStepsThreads) {
  RunRecord r;
  parseEventLine("hello version=1 pid=42 strategy=pct seed=7", r);
  parseEventLine("module base=0x5555 path=/bin/prog", r);
  parseEventLine("steps 0 1 !1 2", r);
  parseEventLine("steps 3", r);
  parseEventLine("thread tid=2 parent=0 stack=0x10,0x20", r);
  parseEventLine("racy pc=0xabc", r);
  parseEventLine("exit status=0", r);
  EXPECT_TRUE(r.hello);
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.strategy, "pct");
  EXPECT_EQ(r.seed, 7u);
  ASSERT_EQ(r.modules.size(), 1u);
  EXPECT_EQ(r.modules[0].base, 0x5555u);
  EXPECT_EQ(r.modules[0].path, "/bin/prog");
  EXPECT_EQ(r.choices, (std::vector<std::uint32_t>{0, 1, WEFT_VALUE_CHOICE | 1, 2, 3}));
  EXPECT_TRUE(r.enabled.empty());
  ASSERT_EQ(r.threads.count(2), 1u);
  EXPECT_EQ(r.threads[2].parent, 0);
  EXPECT_EQ(r.threads[2].stack, (std::vector<std::uint64_t>{0x10, 0x20}));
  EXPECT_EQ(r.racyPcs, (std::vector<std::uint64_t>{0xabc}));
  EXPECT_EQ(r.exitStatus, 0);
  EXPECT_TRUE(r.malformed.empty());
}

TEST(EventParser, DfsEnabledSets) {
  RunRecord r;
  parseEventLine("steps 1:1.2 2:1.2 !0:0.1 1:1", r);
  EXPECT_EQ(r.choices, (std::vector<std::uint32_t>{1, 2, WEFT_VALUE_CHOICE, 1}));
  ASSERT_EQ(r.enabled.size(), 4u);
  EXPECT_EQ(r.enabled[0], (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(r.enabled[2], (std::vector<std::uint32_t>{WEFT_VALUE_CHOICE, WEFT_VALUE_CHOICE | 1}));
  EXPECT_EQ(r.enabled[3], (std::vector<std::uint32_t>{1}));
}

TEST(EventParser, FindingWithAccessesAndText) {
  RunRecord r;
  parseEventLine("finding rule=data-race tid=2 addr=0x1000 size=4 text=a race on x = y", r);
  parseEventLine("access tid=2 write=1 atomic=0 addr=0x1000 size=4 stack=0x1,0x2", r);
  parseEventLine("access tid=1 write=0 atomic=1 addr=0x1000 size=4 stack=0x3", r);
  parseEventLine("blocked tid=1 addr=0x2000 op=pthread_mutex_lock stack=0x4", r);
  parseEventLine("threadstate tid=3 state=finished stack=", r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].complete); // a run killed here still keeps what it said
  parseEventLine("end-finding", r);
  const RawFinding &f = r.findings[0];
  EXPECT_TRUE(f.complete);
  EXPECT_EQ(f.rule, "data-race");
  EXPECT_EQ(f.text, "a race on x = y");
  EXPECT_EQ(f.addr, 0x1000u);
  ASSERT_EQ(f.accesses.size(), 2u);
  EXPECT_TRUE(f.accesses[0].write);
  EXPECT_FALSE(f.accesses[1].write);
  EXPECT_TRUE(f.accesses[1].atomic);
  EXPECT_EQ(f.accesses[0].stack, (std::vector<std::uint64_t>{1, 2}));
  ASSERT_EQ(f.blocked.size(), 1u);
  EXPECT_EQ(f.blocked[0].op, "pthread_mutex_lock");
  ASSERT_EQ(f.threadStates.size(), 1u);
  EXPECT_EQ(f.threadStates[0].state, "finished");
  EXPECT_TRUE(f.threadStates[0].stack.empty());
  // Records after end-finding belong to no finding.
  parseEventLine("access tid=9 write=1 atomic=0 addr=0x1 size=1 stack=0x9", r);
  EXPECT_EQ(r.findings[0].accesses.size(), 2u);
}

TEST(EventParser, DivergedAndUnknownKinds) {
  RunRecord r;
  parseEventLine("diverged step=12 text=thread 3 is not enabled", r);
  parseEventLine("future-kind a=b", r);
  EXPECT_EQ(r.divergedStep, 12u);
  EXPECT_EQ(r.divergedText, "thread 3 is not enabled");
  EXPECT_TRUE(r.malformed.empty());
}

TEST(EventParser, MalformedLinesAreKeptAside) {
  RunRecord r;
  parseEventLine("steps 0 x 1", r);
  parseEventLine("thread tid=zz parent=0 stack=", r);
  parseEventLine("racy pc=0x", r);
  parseEventLine("finding tid=1", r); // no rule
  EXPECT_EQ(r.malformed.size(), 4u);
  EXPECT_EQ(r.choices, (std::vector<std::uint32_t>{0}));
}

TEST(EventParser, PartialLinesAcrossReads) {
  RunRecord r;
  std::string pending;
  feedEventBytes("hello version=1 pid=1 strategy=random seed=3\nste", pending, r);
  EXPECT_TRUE(r.hello);
  EXPECT_EQ(pending, "ste");
  feedEventBytes("ps 0 1", pending, r);
  EXPECT_TRUE(r.choices.empty());
  feedEventBytes(" 2\nexit status=3\n", pending, r);
  EXPECT_TRUE(pending.empty());
  EXPECT_EQ(r.choices, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(r.exitStatus, 3);
}

TEST(EventParser, StepTokens) {
  StepChoice s;
  EXPECT_TRUE(parseStepToken("17", s));
  EXPECT_EQ(s.choice, 17u);
  EXPECT_TRUE(parseStepToken("!1", s));
  EXPECT_EQ(s.choice, WEFT_VALUE_CHOICE | 1);
  EXPECT_FALSE(parseStepToken("", s));
  EXPECT_FALSE(parseStepToken("!", s));
  EXPECT_FALSE(parseStepToken("1:", s) && !s.enabled.empty());
  EXPECT_FALSE(parseStepToken("4294967295", s));
  EXPECT_FALSE(parseStepToken("1:a.b", s));
}

TEST(EventParser, DfsTokensNameTheThreadThatReachedThePoint) {
  StepChoice s;
  EXPECT_TRUE(parseStepToken("2:0.1.2@1", s));
  EXPECT_EQ(s.choice, 2u);
  EXPECT_EQ(s.enabled, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(s.running, 1u);
  EXPECT_TRUE(parseStepToken("2:0.2", s));
  EXPECT_FALSE(s.running);
  EXPECT_FALSE(parseStepToken("2:0.2@", s));
  EXPECT_FALSE(parseStepToken("2:0.2@x", s));
  EXPECT_FALSE(parseStepToken("!0:0.1@1", s)); // a value choice names no thread

  RunRecord r;
  parseEventLine("steps 1:0.1@0 !0:0.1 0:0.1@1", r);
  EXPECT_EQ(r.choices, (std::vector<std::uint32_t>{1, WEFT_VALUE_CHOICE, 0}));
  EXPECT_EQ(r.running, (std::vector<std::uint32_t>{0, kNoThread, 1}));
  EXPECT_TRUE(r.malformed.empty());
}
