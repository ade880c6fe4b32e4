// Issue 14 item 10: a crash inside an uninstrumented library (libc's strlen of a null pointer) is
// reported at the program's call, the innermost frame of the program, not only inside libc and
// at the callers the shadow stack knows (which lack the function that made the call).
#include <pthread.h>
#include <stddef.h>
#include <string.h>

struct message {
  const char *text;
  size_t length;
};

static struct message messages[2] = {{"hello", 0}, {NULL, 0}};

static void *measure(void *arg) {
  struct message *m = arg;
  m->length = strlen(m->text); // weft-test: strlen
  return NULL;
}

int main(void) {
  pthread_t t;
  measure(&messages[0]);
  pthread_create(&t, NULL, measure, &messages[1]);
  pthread_join(t, NULL);
  return 0;
}
