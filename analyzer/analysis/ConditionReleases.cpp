// Releases after writes to what condition waits read (see ConditionReleases.h).
#include "ConditionReleases.h"

#include <set>
#include <string>

namespace weft::analyzer {

void addConditionReleases(ProgramFacts &program) {
  std::set<std::string> waitedOn; // by name: which object is for the check (syncOrdered)
  for (const FunctionBody &b : program.bodies)
    for (const SyncPoint &p : b.syncs)
      if (p.condition)
        waitedOn.insert(p.obj.name);
  if (waitedOn.empty())
    return;
  for (FunctionBody &b : program.bodies)
    for (Block &blk : b.blocks) {
      std::vector<Event> events;
      events.reserve(blk.events.size());
      for (const Event &e : blk.events) {
        events.push_back(e);
        if (e.kind != Event::Access)
          continue;
        const AccessOp &a = b.accesses[e.index];
        if (!a.write || !waitedOn.count(a.obj.name))
          continue;
        b.syncs.push_back(SyncPoint{a.obj, a.loc, false});
        events.push_back({Event::SyncRelease, static_cast<int>(b.syncs.size()) - 1});
      }
      blk.events = std::move(events);
    }
}

} // namespace weft::analyzer
