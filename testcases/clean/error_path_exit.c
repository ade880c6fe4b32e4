// weft-expect: clean
//
// A shared status written only on the way out of the process: die() records why and calls
// _exit(), as pigz's cut_short() does when a thread fails. Such an access is on an error path
// that ends the program, not worth a finding; the normal paths lock.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int status = 0;
static long done = 0;

static void die(int why) {
  status = why;
  _exit(why);
}

static void *work(void *arg) {
  (void)arg;
  if (pthread_mutex_lock(&mu) != 0)
    die(2);
  done += 1;
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, work, NULL) != 0)
    die(1);
  if (pthread_create(&b, NULL, work, NULL) != 0)
    die(1);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return done == 2 ? 0 : 1;
}
