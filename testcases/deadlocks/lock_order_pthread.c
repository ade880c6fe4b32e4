// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// C and pthreads: two threads take two mutexes in opposite orders.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static int rows = 0;

static void *insert_row(void *arg) {
  (void)arg;
  pthread_mutex_lock(&table_lock);
  pthread_mutex_lock(&index_lock);
  ++rows;
  pthread_mutex_unlock(&index_lock);
  pthread_mutex_unlock(&table_lock);
  return NULL;
}

static void *rebuild_index(void *arg) {
  (void)arg;
  pthread_mutex_lock(&index_lock);
  pthread_mutex_lock(&table_lock);
  ++rows;
  pthread_mutex_unlock(&table_lock);
  pthread_mutex_unlock(&index_lock);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, insert_row, NULL);
  pthread_create(&b, NULL, rebuild_index, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return rows == 2 ? 0 : 1;
}
