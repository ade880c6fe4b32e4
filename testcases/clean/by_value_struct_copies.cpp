// weft-expect: clean
//
// A struct passed by value, and one captured by copy, are the frame's own copies: writing their
// nested fields on two threads touches two objects (leveldb's Repairer::RepairTable(src,
// TableInfo t) fills `t.meta.file_size` while another thread repairs another table).
#include <string>
#include <thread>

struct FileMeta {
  long number = 0;
  long file_size = 0;
};

struct TableInfo {
  FileMeta meta;
  long max_sequence = 0;
  long sizes[2] = {0, 0};
};

long repaired = 0; // written by main only, after the join

long RepairTable(const std::string &name, TableInfo t) {
  t.meta.file_size = static_cast<long>(name.size());
  t.sizes[1] = t.meta.file_size * 2;
  t.max_sequence += t.meta.number;
  return t.meta.file_size + t.sizes[1] + t.max_sequence;
}

int main() {
  TableInfo shared_template;
  shared_template.meta.number = 7;
  std::thread worker([shared_template]() mutable {
    shared_template.meta.file_size = 3; // the lambda's own copy
    RepairTable("worker.ldb", shared_template);
  });
  long mine = RepairTable("main.ldb", shared_template);
  worker.join();
  repaired = mine;
  return repaired > 0 ? 0 : 1;
}
