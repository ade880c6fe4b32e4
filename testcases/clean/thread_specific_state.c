// weft-expect: clean
//
// Per-thread error state kept with pthread_getspecific, as pigz's try.h keeps its stack of
// handlers: each thread reads and writes only the block its own key value points to.
#include <pthread.h>
#include <stdlib.h>

struct ball {
  int code;
  const char *why;
};

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_key(void) { pthread_key_create(&key, NULL); } // blocks live to the end

static struct ball *mine(void) {
  pthread_once(&once, make_key);
  struct ball *b = pthread_getspecific(key);
  if (b == NULL) {
    b = calloc(1, sizeof(struct ball));
    pthread_setspecific(key, b);
  }
  return b;
}

static void fail(int code, const char *why) {
  ((struct ball *)pthread_getspecific(key))->code = code;
  ((struct ball *)pthread_getspecific(key))->why = why;
}

static void *work(void *arg) {
  (void)arg;
  mine();
  fail(1, "worker");
  return ((struct ball *)pthread_getspecific(key))->code == 1 ? NULL : arg;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
