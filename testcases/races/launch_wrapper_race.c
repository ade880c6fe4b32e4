// weft-expect: data-race blocks
//
// C threads started through a launch(fn, arg) wrapper, as pigz's yarn.c does it: launch() puts
// the function and its argument in a freshly allocated start record and creates a thread running
// ignition(), which calls the function through the record. The two launched workers both
// update `blocks` without a lock.
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

static long blocks = 0;

static void compress(void *arg) {
  (void)arg;
  blocks += 1;
}

int main(void) {
  pthread_t a = launch(compress, NULL);
  pthread_t b = launch(compress, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return blocks == 2 ? 0 : 1;
}
