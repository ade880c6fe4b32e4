/* A thread dereferences a null pointer. Expect: a crash finding before the process dies of SIGSEGV. */
#include <pthread.h>
static int *volatile ptr = 0;
static void *run(void *arg) {
  (void)arg;
  *ptr = 42;
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, run, 0);
  pthread_join(t, 0);
  return 0;
}
