// weft-expect: data-race written
//
// The look-alike of clean/thread_per_round where each round's writer is joined only after the
// last round: the writers of different rounds may run at once and update `written` together.
#include <pthread.h>
#include <stdio.h>

static long written = 0;

static void *writer(void *arg) {
  written += (long)arg;
  return NULL;
}

static pthread_t start_one(long len) {
  pthread_t w;
  pthread_create(&w, NULL, writer, (void *)len);
  return w;
}

int main(void) {
  pthread_t ws[3];
  for (long file = 1; file <= 3; ++file)
    ws[file - 1] = start_one(file * 10);
  for (int i = 0; i < 3; ++i)
    pthread_join(ws[i], NULL);
  printf("%ld\n", written);
  return written == 60 ? 0 : 1;
}
