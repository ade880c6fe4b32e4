/* A thread aborts through a failed assertion. Expect: an assertion-failure finding with the
 * message, written before the process dies of SIGABRT. */
#include <assert.h>
#include <pthread.h>
static int value = 1;
static void *run(void *arg) {
  (void)arg;
  assert(value == 2 && "value must be two");
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, run, 0);
  pthread_join(t, 0);
  return 0;
}
