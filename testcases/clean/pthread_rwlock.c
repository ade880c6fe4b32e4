// weft-expect: clean
//
// C and pthreads: a reader/writer lock around a shared configuration value.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

static pthread_rwlock_t config_lock = PTHREAD_RWLOCK_INITIALIZER;
static int config_level = 1;

static void *update(void *arg) {
  (void)arg;
  for (int i = 0; i < 20; ++i) {
    pthread_rwlock_wrlock(&config_lock);
    config_level += 1;
    pthread_rwlock_unlock(&config_lock);
  }
  return NULL;
}

static void *read_config(void *arg) {
  int *seen = arg;
  for (int i = 0; i < 20; ++i) {
    pthread_rwlock_rdlock(&config_lock);
    *seen = config_level;
    pthread_rwlock_unlock(&config_lock);
  }
  return NULL;
}

int main(void) {
  int seen_a = 0;
  int seen_b = 0;
  pthread_t w, a, b;
  pthread_create(&w, NULL, update, NULL);
  pthread_create(&a, NULL, read_config, &seen_a);
  pthread_create(&b, NULL, read_config, &seen_b);
  pthread_join(w, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  assert(config_level == 21);
  assert(seen_a >= 1 && seen_b >= 1);
  return 0;
}
