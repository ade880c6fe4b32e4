// weft-expect-lint: clean
// weft-expect-run: crash
//
// A worker locks the mutex its slot points to, and the slot was never filled in: the crash is
// inside pthread_mutex_lock, on the program's behalf. It is reported at the program's call (the
// line marked), not inside weft's model of the mutex.
#include <pthread.h>
#include <stddef.h>

struct slot {
  pthread_mutex_t *lock;
  int value;
};

static struct slot slots[2];

static void *work(void *arg) {
  struct slot *s = arg;
  pthread_mutex_lock(s->lock); // weft-line: crash
  s->value++;
  pthread_mutex_unlock(s->lock);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, &slots[1]);
  pthread_join(t, NULL);
  return slots[1].value == 1 ? 0 : 1;
}
