/* Two threads each wait for the other's flag, which nobody ever sets: they poll forever. Expect: a
 * livelock finding at the step bound (WEFT_MAX_STEPS), exit 66, not a hang. */
#include <pthread.h>
#include <stdatomic.h>
static atomic_int a, b;
static void *run(void *arg) {
  atomic_int *mine = arg == 0 ? &a : &b;
  while (!atomic_load(mine)) {
  }
  return 0;
}
int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, run, (void *)0);
  pthread_create(&t2, 0, run, (void *)1);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  return 0;
}
