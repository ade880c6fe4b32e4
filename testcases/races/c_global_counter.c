// weft-expect: data-race counter
//
// The textbook lost update in C with pthreads.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

static int counter = 0;

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    counter += 1;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  assert(counter == 200);
  return 0;
}
