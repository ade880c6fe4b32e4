// weft-expect: clean
//
// A reader thread started on demand, with a flag whose idle value is -1, as pigz's load()
// starts load_read() when `g.in_which == -1`: load_end() joins the reader only when the flag
// says one runs, and in_init() sets the flag idle without joining, at a point where no reader
// can be running (after load_end()). So each file has one reader at a time: the reader's
// unlocked `got` and main's `fd` between files do not race.
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
  for (int file = 1; file <= 3; ++file) {
    g.fd = file;
    in_init();
    load();
    load(); // the reader runs: no second one
    load_end();
  }
  printf("%ld\n", g.got);
  return g.got == 60 ? 0 : 1;
}
