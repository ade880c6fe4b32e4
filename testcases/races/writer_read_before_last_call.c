// weft-expect: data-race written
//
// The writer of clean/writer_joined_by_last_call.c, but main also reads `written` after
// output(3), while the writer it started may still be adding the last buffer's length: only a
// call with len == 0 joins the writer.
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
  long mid = written;
  output(0);
  long total = written;
  output(2);
  output(0);
  return total >= mid ? 0 : 1;
}
