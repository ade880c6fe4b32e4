// weft-expect: data-race g_total
//
// The look-alike of clean/member_pointer_task where each thread, after the method it ran
// through the pointer to member, also adds its count into one global total without a lock.
#include <pthread.h>
#include <stdio.h>

static long g_total = 0;

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
  void Fill(State *s) { s->ops += 10; }
  void Read(State *s) { s->ops += 1; }

  static void *Body(void *v) {
    Arg *arg = static_cast<Arg *>(v);
    State *state = arg->state;
    state->ops = 0;
    (arg->bm->*(arg->method))(state);
    state->ops *= 2;
    g_total += state->ops;
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
      delete args[i].state;
    }
  }
};

int main() {
  Bench b;
  b.Run(&Bench::Fill);
  b.Run(&Bench::Read);
  printf("%ld\n", g_total);
  return g_total == 44 ? 0 : 1;
}
