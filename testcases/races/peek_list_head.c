// weft-expect: data-race entry::hits|hits
//
// A node read off a shared list without taking it: both threads look at the head under the lock
// (`e = head`, head unchanged), let the lock go and count a hit on the same entry. Only a thread
// that takes a node out of the list (writes the head it read) has it to itself.
#include <pthread.h>
#include <stdlib.h>

struct entry {
  int key;
  int hits;
  struct entry *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct entry *head;

static void *lookup(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  struct entry *e = head;
  pthread_mutex_unlock(&mu);
  if (e != NULL)
    e->hits++;
  return NULL;
}

int main(void) {
  head = malloc(sizeof(struct entry));
  head->key = 7;
  head->hits = 0;
  head->next = NULL;
  pthread_t a, b;
  pthread_create(&a, NULL, lookup, NULL);
  pthread_create(&b, NULL, lookup, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  int hits = head->hits;
  free(head);
  return hits == 2 ? 0 : 1;
}
