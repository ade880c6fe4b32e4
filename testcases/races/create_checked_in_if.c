// weft-expect: data-race counter
//
// Two threads created with their results checked, and a branch between the creations: the
// branches must not hide the first thread from the second (they once did: the second
// creation's context was registered after the accesses that see the first one running).
#include <pthread.h>
#include <stdio.h>
long counter;
static void *work(void *arg) {
  counter++;
  return arg;
}
int main(int argc, char **argv) {
  (void)argv;
  pthread_t a, b;
  if (pthread_create(&a, NULL, work, NULL) != 0) {
    fprintf(stderr, "no thread\n");
    return 1;
  }
  if (argc > 5)
    puts("many");
  else
    puts("few");
  if (pthread_create(&b, NULL, work, NULL) != 0)
    return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
