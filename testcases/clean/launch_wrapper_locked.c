// weft-expect: clean
//
// The launch(fn, arg) wrapper of races/launch_wrapper_race with workers that count under a
// mutex they are handed through the argument, and a main that reads the count only after
// joining both. The start record is filled in before the thread that reads it is created.
#include <pthread.h>
#include <stdlib.h>

struct capsule {
  void (*probe)(void *);
  void *payload;
};

static void *ignition(void *arg) {
  struct capsule *capsule = arg;
  capsule->probe(capsule->payload);
  free(capsule);
  return NULL;
}

static pthread_t launch(void (*probe)(void *), void *payload) {
  struct capsule *capsule = malloc(sizeof(struct capsule));
  capsule->probe = probe;
  capsule->payload = payload;
  pthread_t id;
  pthread_create(&id, NULL, ignition, capsule);
  return id;
}

struct tally {
  pthread_mutex_t mu;
  long blocks;
};

static void compress(void *arg) {
  struct tally *t = arg;
  pthread_mutex_lock(&t->mu);
  t->blocks += 1;
  pthread_mutex_unlock(&t->mu);
}

int main(void) {
  static struct tally t = {PTHREAD_MUTEX_INITIALIZER, 0};
  pthread_t a = launch(compress, &t);
  pthread_t b = launch(compress, &t);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return t.blocks == 2 ? 0 : 1;
}
