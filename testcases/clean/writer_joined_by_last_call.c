// weft-expect: clean
//
// A writer thread started on demand and joined by the last call, as pigz's outb() runs its
// write thread: output() starts the writer the first time (`if (more == NULL) { more = calloc(..);
// pthread_create(..); }`), hands it each buffer through a condition variable, and a call with
// len == 0 joins it and sets `more` back to NULL. main reads `written`, which only the writer
// updates, after output(0) has joined it, then starts a second writer the same way. A call
// passing the constant 0 runs the joining branch; where `more` is NULL no writer is running.
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int *more = NULL; /* the writer's state: 1 when it has a buffer to write */
static unsigned out_len;
static long written;
static pthread_t writer_thread;

static void *writer(void *arg) {
  unsigned len;
  (void)arg;
  do {
    pthread_mutex_lock(&lock);
    while (*more != 1)
      pthread_cond_wait(&cond, &lock);
    len = out_len;
    *more = 0;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
    written += len;
  } while (len);
  return NULL;
}

int output(unsigned len) {
  if (more == NULL) {
    more = calloc(1, sizeof *more);
    pthread_create(&writer_thread, NULL, writer, NULL);
  }
  pthread_mutex_lock(&lock);
  while (*more != 0)
    pthread_cond_wait(&cond, &lock);
  out_len = len;
  *more = 1;
  pthread_cond_broadcast(&cond);
  pthread_mutex_unlock(&lock);
  if (len == 0 && more != NULL) {
    pthread_join(writer_thread, NULL);
    free(more);
    more = NULL;
  }
  return 0;
}

int main(void) {
  output(5);
  output(3);
  output(0);
  long total = written;
  output(2);
  output(0);
  return total == 8 ? 0 : 1;
}
