/* Built by the wrapper tests with weft-cc: a C program with a thread and a shared global. */
#include <pthread.h>
#include <stdio.h>

static int shared;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  ++shared;
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  work(NULL);
  pthread_join(t, NULL);
  printf("shared=%d\n", shared);
  return shared == 2 ? 0 : 1;
}
