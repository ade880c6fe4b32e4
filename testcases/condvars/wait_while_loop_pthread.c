// weft-expect: clean
//
// C and pthreads: the predicate loop around pthread_cond_wait, with the state under the mutex.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int data_ready = 0;
static int value = 0;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  while (!data_ready)
    pthread_cond_wait(&cond, &lock);
  assert(value == 7);
  pthread_mutex_unlock(&lock);
  return NULL;
}

static void *producer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  value = 7;
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
