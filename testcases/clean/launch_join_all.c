// weft-expect: clean
//
// Threads started through a launch(fn, arg) wrapper that keeps each thread in a list, and
// joined by a join_all() that walks the list (pigz's yarn.c): after join_all() returns, main
// reads what the workers wrote.
#include <pthread.h>
#include <stdlib.h>

struct thread {
  pthread_t id;
  struct thread *next;
};

static pthread_mutex_t list_mu = PTHREAD_MUTEX_INITIALIZER;
static struct thread *threads = NULL;

static void launch(void *(*probe)(void *), void *payload) {
  struct thread *th = malloc(sizeof(struct thread));
  pthread_mutex_lock(&list_mu);
  pthread_create(&th->id, NULL, probe, payload);
  th->next = threads;
  threads = th;
  pthread_mutex_unlock(&list_mu);
}

static void join_all(void) {
  pthread_mutex_lock(&list_mu);
  while (threads != NULL) {
    struct thread *th = threads;
    threads = th->next;
    pthread_join(th->id, NULL);
    free(th);
  }
  pthread_mutex_unlock(&list_mu);
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long blocks = 0;

static void *work(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  blocks += 1;
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  launch(work, NULL);
  launch(work, NULL);
  join_all();
  blocks = 0; // the workers are gone
  return 0;
}
