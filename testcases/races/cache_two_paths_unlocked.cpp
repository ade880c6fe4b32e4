// weft-expect: data-race Entry::refs|refs
//
// The look-alike of clean/cache_two_paths that is a bug: the compactor counts its hits through
// a shortcut that skips the shard's mutex (`Ref()` without `Hit()`), while the reader takes it.
#include <mutex>
#include <thread>

struct Entry {
  long refs = 0;
};

struct Shard {
  std::mutex mu;
  Entry *slots[2] = {new Entry, new Entry};
  Entry *Find(unsigned key) { return slots[key % 2]; }
  void Ref(unsigned key) { // the caller holds mu
    Entry *e = Find(key);
    ++e->refs;
  }
  void Hit(unsigned key) {
    std::lock_guard<std::mutex> l(mu);
    Ref(key);
  }
};

struct Cache {
  Shard shard[4];
  void Hit(unsigned key) { shard[key % 4].Hit(key); }
  void HitUnlocked(unsigned key) { shard[key % 4].Ref(key); }
};

struct TableCache {
  Cache *cache = new Cache;
};

struct Versions {
  TableCache *table_cache = nullptr;
};

struct DB {
  TableCache *table_cache = new TableCache;
  Versions *versions = new Versions;
  DB() { versions->table_cache = table_cache; }
};

static void Reader(DB *db) {
  for (unsigned k = 0; k < 8; ++k)
    db->table_cache->cache->Hit(k);
}

static void Compactor(DB *db) {
  for (unsigned k = 0; k < 8; ++k)
    db->versions->table_cache->cache->HitUnlocked(k);
}

int main() {
  DB *db = new DB;
  std::thread a(Reader, db), b(Compactor, db);
  a.join();
  b.join();
  long hits = 0;
  for (Shard &s : db->table_cache->cache->shard)
    hits += s.slots[0]->refs + s.slots[1]->refs;
  return hits > 0 ? 0 : 1;
}
