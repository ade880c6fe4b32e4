// weft-expect-lint: lock-leak
// weft-expect-run: destroy-while-held
//
// C and pthreads: main destroys a mutex it still holds (and so leaves the function holding it).
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t buffer_lock;
static int filled = 0;

static void *fill(void *arg) {
  (void)arg;
  pthread_mutex_lock(&buffer_lock);
  ++filled;
  pthread_mutex_unlock(&buffer_lock);
  return NULL;
}

int main(void) {
  pthread_mutex_init(&buffer_lock, NULL);
  pthread_t t;
  pthread_create(&t, NULL, fill, NULL);
  pthread_join(t, NULL);
  pthread_mutex_lock(&buffer_lock);
  pthread_mutex_destroy(&buffer_lock);
  return filled == 1 ? 0 : 1;
}
