// weft-expect: clean
//
// Two pthread mutexes made recursive, one through its attributes (pthread_mutexattr_settype
// PTHREAD_MUTEX_RECURSIVE), one by glibc's static initialiser: re-locking them is no double-lock.
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t by_attr;
static pthread_mutex_t by_init = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int total;
static int items;

static void add_locked(int v) {
  pthread_mutex_lock(&by_attr); // the caller holds it already
  total += v;
  pthread_mutex_unlock(&by_attr);
}

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&by_attr);
    add_locked(1);
    pthread_mutex_unlock(&by_attr);
    pthread_mutex_lock(&by_init);
    pthread_mutex_lock(&by_init);
    ++items;
    pthread_mutex_unlock(&by_init);
    pthread_mutex_unlock(&by_init);
  }
  return 0;
}

int main(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&by_attr, &attr);
  pthread_mutexattr_destroy(&attr);
  pthread_t a, b;
  pthread_create(&a, 0, work, 0);
  pthread_create(&b, 0, work, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  assert(total == 200 && items == 200);
  pthread_mutex_destroy(&by_attr);
  return 0;
}
