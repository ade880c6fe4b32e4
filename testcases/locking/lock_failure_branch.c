// weft-expect-lint: data-race failures
// weft-expect-run: clean
//
// A lock call whose failure is handled: on the branch where pthread_mutex_lock returned an
// error the mutex is not held, so the bookkeeping done there is unprotected and two failing
// threads race on it. (The lock never fails when the program runs, so only the lint can see it.)
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter = 0;
static long failures = 0;

static void *work(void *arg) {
  if (pthread_mutex_lock(&mu) != 0) {
    failures += 1;
    fprintf(stderr, "lock failed\n");
    return arg;
  }
  counter += 1;
  pthread_mutex_unlock(&mu);
  return arg;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return counter == 2 ? 0 : 1;
}
