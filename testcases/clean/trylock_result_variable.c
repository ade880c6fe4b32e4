// weft-expect: clean
//
// The result of pthread_mutex_trylock kept in a variable and tested later: the counter is only
// touched on the edge where the try-lock succeeded, and unlocked there.
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter = 0;
static long missed = 0;

static void *work(void *arg) {
  long mine = 0;
  for (int i = 0; i < 100; ++i) {
    int rc = pthread_mutex_trylock(&mu);
    if (rc == 0) {
      counter += 1;
      pthread_mutex_unlock(&mu);
    } else {
      mine += 1;
    }
  }
  pthread_mutex_lock(&mu);
  missed += mine;
  pthread_mutex_unlock(&mu);
  return arg;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return counter + missed == 200 ? 0 : 1;
}
