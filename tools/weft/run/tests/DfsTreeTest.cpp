// The DFS tree: a complete enumeration on a small space, the preemption bound, exhaustion, and a
// run that does not follow its prefix.
#include "DfsTree.h"

#include "weft/protocol.h"

#include <gtest/gtest.h>

#include <set>

using namespace weft::run;

namespace {

// A program model: two threads of `n` steps each, run non-preemptively after the prefix (stay on
// the last thread while it can run), as the runtime does.
struct TwoThreads {
  int n;
  void run(const std::vector<std::uint32_t> &prefix, std::vector<std::uint32_t> &choices,
           std::vector<std::vector<std::uint32_t>> &enabled) const {
    int left[3] = {0, n, n};
    std::uint32_t last = 1;
    for (std::size_t step = 0; left[1] + left[2] > 0; ++step) {
      std::vector<std::uint32_t> en;
      for (std::uint32_t t = 1; t <= 2; ++t)
        if (left[t] > 0)
          en.push_back(t);
      std::uint32_t pick = step < prefix.size() ? prefix[step] : left[last] > 0 ? last : en[0];
      --left[pick];
      last = pick;
      choices.push_back(pick);
      enabled.push_back(en);
    }
  }
};

std::set<std::vector<std::uint32_t>> exploreAll(const TwoThreads &model, int bound,
                                                std::uint64_t *schedules) {
  DfsTree tree(bound);
  std::set<std::vector<std::uint32_t>> seen;
  while (auto prefix = tree.nextPrefix()) {
    std::vector<std::uint32_t> choices;
    std::vector<std::vector<std::uint32_t>> enabled;
    model.run(*prefix, choices, enabled);
    EXPECT_TRUE(seen.insert(choices).second) << "a schedule was explored twice";
    EXPECT_TRUE(tree.record(choices, enabled));
    if (seen.size() > 1000)
      break;
  }
  EXPECT_TRUE(tree.exhausted());
  *schedules = tree.schedules();
  return seen;
}

int preemptions(const std::vector<std::uint32_t> &choices, int n) {
  int left[3] = {0, n, n}, count = 0;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0 && choices[i] != choices[i - 1] && left[choices[i - 1]] > 0)
      ++count;
    --left[choices[i]];
  }
  return count;
}

} // namespace

TEST(DfsTree, UnboundedEnumeratesEveryInterleaving) {
  std::uint64_t schedules = 0;
  auto seen = exploreAll(TwoThreads{2}, -1, &schedules);
  EXPECT_EQ(seen.size(), 6u); // C(4, 2)
  EXPECT_EQ(schedules, 6u);
  seen = exploreAll(TwoThreads{3}, -1, &schedules);
  EXPECT_EQ(seen.size(), 20u); // C(6, 3)
}

TEST(DfsTree, PreemptionBoundLimitsTheSpace) {
  for (int bound = 0; bound <= 3; ++bound) {
    std::uint64_t schedules = 0;
    auto seen = exploreAll(TwoThreads{3}, bound, &schedules);
    std::size_t expected = 0;
    std::vector<std::uint32_t> all{1, 1, 1, 2, 2, 2};
    std::sort(all.begin(), all.end());
    do
      expected += preemptions(all, 3) <= bound;
    while (std::next_permutation(all.begin(), all.end()));
    EXPECT_EQ(seen.size(), expected) << "bound " << bound;
    for (const auto &s : seen)
      EXPECT_LE(preemptions(s, 3), bound);
  }
}

TEST(DfsTree, PreemptionDefinition) {
  EXPECT_FALSE(DfsTree::isPreemption(std::nullopt, 2, {1, 2}));
  EXPECT_FALSE(DfsTree::isPreemption(1, 1, {1, 2}));
  EXPECT_TRUE(DfsTree::isPreemption(1, 2, {1, 2}));
  EXPECT_FALSE(DfsTree::isPreemption(1, 2, {2})); // 1 blocked or finished: a switch
  EXPECT_FALSE(DfsTree::isPreemption(1, WEFT_VALUE_CHOICE | 1, {1})); // value choices are free
}

TEST(DfsTree, ValueChoicesAreExplored) {
  DfsTree tree(0);
  auto first = tree.nextPrefix();
  ASSERT_TRUE(first && first->empty());
  EXPECT_TRUE(
      tree.record({1, WEFT_VALUE_CHOICE}, {{1}, {WEFT_VALUE_CHOICE, WEFT_VALUE_CHOICE | 1}}));
  auto second = tree.nextPrefix();
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, (std::vector<std::uint32_t>{1, WEFT_VALUE_CHOICE | 1}));
  EXPECT_TRUE(tree.record(*second, {{1}, {WEFT_VALUE_CHOICE, WEFT_VALUE_CHOICE | 1}}));
  EXPECT_FALSE(tree.nextPrefix());
  EXPECT_TRUE(tree.exhausted());
}

TEST(DfsTree, NotFollowingThePrefixIsReported) {
  DfsTree tree(-1);
  tree.nextPrefix();
  EXPECT_TRUE(tree.record({1, 1, 2, 2}, {{1, 2}, {1, 2}, {2}, {2}}));
  auto prefix = tree.nextPrefix();
  ASSERT_TRUE(prefix);
  std::vector<std::uint32_t> other = *prefix;
  other.back() = other.back() == 1 ? 2 : 1; // the program went elsewhere
  EXPECT_FALSE(tree.record(other, {}));
}

TEST(DfsTree, NoEnabledSetsMeansOneSchedule) {
  DfsTree tree(2);
  tree.nextPrefix();
  EXPECT_TRUE(tree.record({0, 0, 0}, {}));
  EXPECT_FALSE(tree.nextPrefix());
  EXPECT_TRUE(tree.exhausted());
}

// Thread 1 is chosen, blocks, and thread 2 runs without a choice (nothing recorded); thread 1 wakes
// and at the next point thread 2, which reached it, may go on (free) or be preempted by 1 (one
// preemption). Counting against the last recorded choice (1) instead would make going on cost
// one and the preemption none, so a bound-0 search would run the preemption and a bound-1 search
// would give every branch below "2 goes on" one preemption less than its due.
TEST(DfsTree, PreemptionsCountAgainstTheThreadThatReachedThePoint) {
  const std::vector<std::vector<std::uint32_t>> enabled{{1, 2}, {1, 2}, {1, 2}};
  const std::vector<std::uint32_t> running{1, 2, 2};
  DfsTree none(0);
  ASSERT_TRUE(none.nextPrefix());
  EXPECT_TRUE(none.record({1, 2, 2}, enabled, running));
  EXPECT_FALSE(none.nextPrefix()) << "bound 0 ran a preemption of the thread that went on";

  DfsTree one(1);
  ASSERT_TRUE(one.nextPrefix());
  EXPECT_TRUE(one.record({1, 2, 2}, enabled, running));
  auto next = one.nextPrefix();
  ASSERT_TRUE(next);
  // The deepest branch first: thread 1 preempts 2 at the last point, within the bound of one.
  EXPECT_EQ(*next, (std::vector<std::uint32_t>{1, 2, 1}));
}
