// weft-expect: clean
//
// C and pthreads: a heap buffer is handed to a thread at create and taken back at join.
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>

struct job {
  int values[16];
  int sum;
};

static void *run(void *arg) {
  struct job *j = arg;
  j->sum = 0;
  for (int i = 0; i < 16; ++i)
    j->sum += j->values[i];
  return NULL;
}

int main(void) {
  struct job *j = malloc(sizeof *j);
  if (j == NULL)
    return 1;
  for (int i = 0; i < 16; ++i)
    j->values[i] = i;
  pthread_t t;
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
  assert(j->sum == 120);
  free(j);
  return 0;
}
