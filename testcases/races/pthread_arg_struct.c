// weft-expect: data-race tally::count
//
// C and pthreads: a struct local to main is passed by pointer to two threads, which both update
// its field with no lock.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

struct tally {
  int count;
};

static void *work(void *arg) {
  struct tally *t = arg;
  for (int i = 0; i < 100; ++i)
    t->count += 1;
  return NULL;
}

int main(void) {
  struct tally t = {0};
  pthread_t a, b;
  pthread_create(&a, NULL, work, &t);
  pthread_create(&b, NULL, work, &t);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  assert(t.count == 200);
  return 0;
}
