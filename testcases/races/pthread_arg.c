// weft-expect: data-race total|*sum
//
// C and pthreads: the address of a local is passed as the thread argument to two threads, which
// both update it through the pointer with no lock. Canonically the local is `total`; the runtime
// may name the access by its expression `*sum`.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

static void *work(void *arg) {
  long *sum = arg;
  for (int i = 0; i < 100; ++i)
    *sum += 1;
  return NULL;
}

int main(void) {
  long total = 0;
  pthread_t a, b;
  pthread_create(&a, NULL, work, &total);
  pthread_create(&b, NULL, work, &total);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  assert(total == 200);
  return 0;
}
