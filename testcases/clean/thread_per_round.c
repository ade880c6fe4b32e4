// weft-expect: clean
//
// One writer thread per round, started and joined inside the function main calls for each
// file, as pigz's parallel_compress() starts and joins its write_thread once per input file.
// The writers of different rounds never run at once, so their unlocked updates of `written`
// do not race with each other, and main reads it after the join.
#include <pthread.h>
#include <stdio.h>

static long written = 0;
static long chunk = 0;

static void *writer(void *arg) {
  (void)arg;
  written += chunk;
  return NULL;
}

static void compress_one(long len) {
  pthread_t w;
  chunk = len;
  pthread_create(&w, NULL, writer, NULL);
  pthread_join(w, NULL);
}

int main(void) {
  for (long file = 1; file <= 3; ++file)
    compress_one(file * 10);
  printf("%ld\n", written);
  return written == 60 ? 0 : 1;
}
