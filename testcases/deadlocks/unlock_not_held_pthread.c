// weft-expect: unlock-not-held
//
// C and pthreads: a worker unlocks a mutex it never locked.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int samples = 0;

static void *sample(void *arg) {
  (void)arg;
  ++samples;
  pthread_mutex_unlock(&stats_lock); // weft-line: unlock-not-held
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, sample, NULL);
  pthread_join(t, NULL);
  return samples == 1 ? 0 : 1;
}
