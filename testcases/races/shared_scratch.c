// weft-expect: data-race *scratch|scratch
//
// The look-alike of clean/per_thread_scratch that is a bug: the worker keeps its cost table in
// a global pointer, so the table one thread allocated is the one the other fills in.
#include <pthread.h>
#include <stdlib.h>

static float *scratch;

static void *work(void *arg) {
  int n = *(int *)arg;
  float *costs = malloc(sizeof(float) * n);
  scratch = costs;
  for (int i = 0; i < n; ++i)
    scratch[i] = (float)i;
  return NULL;
}

int main(void) {
  static const int n = 64;
  pthread_t a, b;
  pthread_create(&a, NULL, work, (void *)&n);
  pthread_create(&b, NULL, work, (void *)&n);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  free(scratch);
  return 0;
}
