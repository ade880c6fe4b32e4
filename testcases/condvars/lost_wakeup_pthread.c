// weft-expect-lint: cv-wait-without-predicate
// weft-expect-run: deadlock
//
// C and pthreads: pthread_cond_wait with no predicate loop; a signal sent before the wait is lost.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int data_ready = 0;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  pthread_cond_wait(&cond, &lock); // weft-line: cv-wait-without-predicate
  data_ready = 0;
  pthread_mutex_unlock(&lock);
  return NULL;
}

static void *producer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  data_ready = 1;
  pthread_cond_signal(&cond);
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, consumer, NULL);
  pthread_create(&b, NULL, producer, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
