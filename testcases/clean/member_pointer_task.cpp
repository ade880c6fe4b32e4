// weft-expect: clean
//
// Each benchmark thread runs the method it is given through a pointer to member, on the state
// made for it, as leveldb's db_bench does (`(arg->bm->*(arg->method))(thread)`). No method of
// the class keeps the state it is given, so the state is still the thread's own after the call.
#include <pthread.h>
#include <stdio.h>

struct State {
  long ops = 0;
};

struct Bench;

struct Arg {
  Bench *bm;
  void (Bench::*method)(State *);
  State *state;
};

struct Bench {
  long total = 0;

  void Fill(State *s) { s->ops += 10; }
  void Read(State *s) { s->ops += 1; }

  static void *Body(void *v) {
    Arg *arg = static_cast<Arg *>(v);
    State *state = arg->state;
    state->ops = 0;
    (arg->bm->*(arg->method))(state);
    state->ops *= 2;
    return nullptr;
  }

  void Run(void (Bench::*method)(State *)) {
    Arg args[2];
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
      args[i] = {this, method, new State};
      pthread_create(&threads[i], nullptr, Body, &args[i]);
    }
    for (int i = 0; i < 2; i++) {
      pthread_join(threads[i], nullptr);
      total += args[i].state->ops;
      delete args[i].state;
    }
  }
};

int main() {
  Bench b;
  b.Run(&Bench::Fill);
  b.Run(&Bench::Read);
  printf("%ld\n", b.total);
  return b.total == 44 ? 0 : 1;
}
