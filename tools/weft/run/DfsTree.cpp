// Stateless bounded DFS over the runtime's scheduling choices (Musuvathi & Qadeer, "Iterative
// context bounding", PLDI 2007): a schedule's cost is its number of preemptions, and every schedule
// with at most `bound` of them is run once. Invariant: path_[i].tried holds every alternative at
// step i whose subtree has been (or is being) explored, so popping a branch never revisits one.
#include "DfsTree.h"

#include "weft/protocol.h"

#include <algorithm>

namespace weft::run {

DfsTree::DfsTree(int preemptionBound) : bound_(preemptionBound) {}

bool DfsTree::isPreemption(std::optional<std::uint32_t> previous, std::uint32_t next,
                           const std::vector<std::uint32_t> &enabled) {
  if ((next & WEFT_VALUE_CHOICE) || !previous || next == *previous)
    return false;
  return std::find(enabled.begin(), enabled.end(), *previous) != enabled.end();
}

std::optional<std::vector<std::uint32_t>> DfsTree::nextPrefix() {
  if (exhausted_)
    return std::nullopt;
  if (!started_) {
    started_ = true;
    return std::vector<std::uint32_t>{};
  }
  while (!path_.empty()) {
    Branch &b = path_.back();
    std::optional<std::uint32_t> pick;
    for (std::uint32_t alt : b.enabled) { // sorted by the runtime; lowest first is deterministic
      if (std::find(b.tried.begin(), b.tried.end(), alt) != b.tried.end())
        continue;
      int cost = b.preemptionsBefore + (isPreemption(b.previous, alt, b.enabled) ? 1 : 0);
      if (bound_ >= 0 && cost > bound_)
        continue;
      pick = alt;
      break;
    }
    if (!pick) {
      path_.pop_back();
      continue;
    }
    b.tried.push_back(*pick);
    b.chosen = *pick;
    std::vector<std::uint32_t> prefix;
    prefix.reserve(path_.size());
    for (const Branch &step : path_)
      prefix.push_back(step.chosen);
    return prefix;
  }
  exhausted_ = true;
  return std::nullopt;
}

bool DfsTree::record(const std::vector<std::uint32_t> &choices,
                     const std::vector<std::vector<std::uint32_t>> &enabled,
                     const std::vector<std::uint32_t> &running) {
  ++schedules_;
  bool followed = choices.size() >= path_.size();
  std::size_t common = std::min(choices.size(), path_.size());
  for (std::size_t i = 0; i < common && followed; ++i)
    followed = choices[i] == path_[i].chosen;
  if (!followed) {
    // Keep the part that matched; the rest of the tree is unreliable for this program.
    std::size_t keep = 0;
    while (keep < common && choices[keep] == path_[keep].chosen)
      ++keep;
    path_.resize(keep);
    return false;
  }

  std::optional<std::uint32_t> previous;
  int preemptions = 0;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    static const std::vector<std::uint32_t> kNone;
    const std::vector<std::uint32_t> &en = i < enabled.size() ? enabled[i] : kNone;
    if (i < running.size() && !(running[i] & WEFT_VALUE_CHOICE))
      previous = running[i];
    if (i >= path_.size()) {
      Branch b;
      b.chosen = choices[i];
      b.enabled = en;
      b.tried = {choices[i]};
      b.previous = previous;
      b.preemptionsBefore = preemptions;
      path_.push_back(std::move(b));
    }
    if (isPreemption(previous, choices[i], path_[i].enabled))
      ++preemptions;
    if (!(choices[i] & WEFT_VALUE_CHOICE))
      previous = choices[i];
  }
  return true;
}

} // namespace weft::run
