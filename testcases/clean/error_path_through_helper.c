// weft-expect: clean
//
// A worker's failure path calls a helper that records the failure in a shared status and
// returns, and then ends the process: pigz's THREADABORT (complain(), then cut_short() and
// _exit()). main calls the same helper on its normal paths. The worker's write happens only on
// the way out of the process, so it is not worth a finding; the normal paths lock.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int status = 0;
static long done = 0;

static void complain(const char *why) {
  status = 1;
  fprintf(stderr, "%s\n", why);
}

static void *work(void *arg) {
  (void)arg;
  if (pthread_mutex_lock(&mu) != 0) {
    complain("abort: lock failed");
    _exit(2);
  }
  done += 1;
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  if (argc > 5)
    complain("skipping: too many arguments");
  return done == 2 ? status : 1;
}
