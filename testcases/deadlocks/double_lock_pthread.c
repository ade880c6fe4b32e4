// weft-expect-lint: double-lock
// weft-expect-run: double-lock|deadlock
//
// C and pthreads: an error path locks a default (non-recursive) mutex a second time.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued = 0;

static void *enqueue(void *arg) {
  (void)arg;
  pthread_mutex_lock(&queue_lock);
  ++queued;
  if (queued > 0) {
    pthread_mutex_lock(&queue_lock); // weft-line: double-lock
    queued = 0;
  }
  pthread_mutex_unlock(&queue_lock);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, enqueue, NULL);
  pthread_join(t, NULL);
  return 0;
}
