// weft-expect: data-race Rep::filter
//
// The look-alike of clean/factory_out_param_method.cpp gone wrong: every table the factory makes
// shares one representation, so the two threads opening tables both write its filter with no
// lock.
#include <thread>

struct Rep {
  int blocks = 0;
  int filter = 0;
};

Rep shared_rep; // not static: the optimiser keeps its stores

class Table {
public:
  explicit Table(Rep *rep) : rep_(rep) {}
  static void Open(int blocks, Table **table) {
    *table = new Table(&shared_rep);
    (*table)->ReadMeta(blocks);
  }
  int Filter() const { return rep_->filter; }

private:
  void ReadMeta(int blocks) { rep_->filter = blocks * 2; }
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
  return a + b > 0 ? 0 : 1;
}
