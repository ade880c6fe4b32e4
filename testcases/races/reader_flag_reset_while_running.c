// weft-expect: data-race got
//
// The look-alike of clean/reader_started_on_sentinel where in_init() sets the flag idle while
// the reader still runs: the next load() starts a second reader beside the first, and both
// update `got`.
#include <pthread.h>
#include <stdio.h>

static struct {
  int which; // -1: no reader thread; else the buffer it fills next
  int fd;    // the current file (main writes it between files)
  long got;  // what the readers read
  pthread_t reader;
} g;

static void *read_all(void *arg) {
  (void)arg;
  g.got += g.fd * 10;
  return NULL;
}

static void in_init(void) { g.which = -1; }

static void load(void) {
  if (g.which == -1) {
    g.which = 1;
    pthread_create(&g.reader, NULL, read_all, NULL);
  }
}

static void load_end(void) {
  if (g.which != -1) {
    pthread_join(g.reader, NULL);
    g.which = -1;
  }
}

int main(void) {
  in_init();
  g.fd = 1;
  load();
  in_init(); // too early: the reader may still run
  load();
  load_end();
  printf("%ld\n", g.got);
  return g.got > 0 ? 0 : 1;
}
