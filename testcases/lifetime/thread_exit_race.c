// weft-expect-run: data-race status
// weft-expect-lint: clean
/* A worker that ends the whole process with exit() (issue 14 item 4). It hands `ready` to main
 * under `mu`, then writes `status` without the lock and calls exit. Main can take `mu` back only
 * after the worker's unlock, and from there the worker reaches exit with no scheduling point in
 * between: main's read of `status` happens only if exit itself lets other threads run first.
 * The lint does not report accesses on a path that can only end the process (see
 * clean/error_path_exit.c); the runtime shows this one does race. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
int status; /* not static: its stores must not be optimised away */

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  ready = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  status = 2; /* not under mu: races with main's read */
  exit(0);
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_mutex_lock(&mu);
  while (!ready)
    pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  printf("status %d\n", status);
  pthread_join(t, NULL);
  return 0;
}
