// weft-expect: data-race status
//
// The look-alike of clean/error_path_through_helper where the failure path goes on after the
// helper (no _exit()): both workers may record their failure at once.
#include <pthread.h>
#include <stdio.h>

static int status = 0;
static long done = 0;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void complain(const char *why) {
  status = 1;
  fprintf(stderr, "%s\n", why);
}

static void *work(void *arg) {
  (void)arg;
  complain("warning: working without a lock file");
  pthread_mutex_lock(&mu);
  done += 1;
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return done == 2 ? status - 1 : 1;
}
