// weft-expect: data-race status
//
// The look-alike of clean/error_path_exit where the error path does not end the process:
// report() records the status and returns, so both threads may write it at once.
#include <pthread.h>

static int status = 0;

static void report(int why) { status = why; }

static void *work(void *arg) {
  (void)arg;
  report(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return status == 2 ? 0 : 1;
}
