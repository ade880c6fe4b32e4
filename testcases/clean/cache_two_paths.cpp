// weft-expect: clean
//
// One cache reached along two paths (leveldb's table cache: `db->table_cache_` and
// `db->versions_->table_cache_` point to the same object). Each shard's entries are only touched
// under that shard's own mutex. The analysis cannot name the database object the threads share,
// so the two paths give two names to one shard; locks of one class (the same member, inside what
// the same pointer field points to) are one lock.
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
    db->versions->table_cache->cache->Hit(k);
}

int main() {
  DB *db = new DB;
  std::thread a(Reader, db), b(Compactor, db);
  a.join();
  b.join();
  long hits = 0;
  for (Shard &s : db->table_cache->cache->shard)
    hits += s.slots[0]->refs + s.slots[1]->refs;
  return hits == 16 ? 0 : 1;
}
