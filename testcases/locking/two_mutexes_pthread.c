// weft-expect: data-race shared_total
//
// C and pthreads: two threads each lock a mutex before updating one global, but different ones.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

static long shared_total = 0;
static pthread_mutex_t lock_a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t lock_b = PTHREAD_MUTEX_INITIALIZER;

static void *work_a(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&lock_a);
    shared_total += 1; // weft-line: data-race
    pthread_mutex_unlock(&lock_a);
  }
  return NULL;
}

static void *work_b(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&lock_b);
    shared_total += 1; // weft-line: data-race
    pthread_mutex_unlock(&lock_b);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work_a, NULL);
  pthread_create(&b, NULL, work_b, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  assert(shared_total == 200);
  return 0;
}
