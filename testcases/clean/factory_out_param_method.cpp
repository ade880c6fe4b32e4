// weft-expect: clean
//
// A factory that returns its object through a `T **` parameter and finishes it there, as
// leveldb's Table::Open does (`*table = new Table(rep); (*table)->ReadMeta();`). Every call makes
// a new object, with a new representation handed to its constructor, so the two threads opening
// tables each fill in their own, without a lock.
#include <thread>

struct Rep {
  int blocks = 0;
  int filter = 0;
};

class Table {
public:
  explicit Table(Rep *rep) : rep_(rep) {}
  ~Table() { delete rep_; }
  static void Open(int blocks, Table **table) {
    Rep *rep = new Rep;
    rep->blocks = blocks;
    *table = new Table(rep);
    (*table)->ReadMeta();
  }
  int Filter() const { return rep_->filter; }

private:
  void ReadMeta() { rep_->filter = rep_->blocks * 2; }
  Rep *rep_;
};

static int open_and_read(int blocks) {
  Table *t = nullptr;
  Table::Open(blocks, &t);
  int f = t->Filter();
  delete t;
  return f;
}

int main() {
  int a = 0, b = 0;
  std::thread one([&a] { a = open_and_read(1); });
  std::thread two([&b] { b = open_and_read(2); });
  one.join();
  two.join();
  return a == 2 && b == 4 ? 0 : 1;
}
