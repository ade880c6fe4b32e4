// weft-expect: clean
//
// One worker function started on two threads, each with its own scratch state: a local struct
// whose arrays are allocated for the call, and a malloc'd cost table handed down to helpers.
// Every thread running the function has its own (zopfli's hash and cost arrays, run by each of
// pigz's compress threads). Only the result, under a lock, is shared.
#include <pthread.h>
#include <stdlib.h>

struct hash {
  int *head;
  int *prev;
};

static void hash_init(struct hash *h, int n) {
  h->head = malloc(sizeof(int) * n);
  h->prev = malloc(sizeof(int) * n);
  for (int i = 0; i < n; ++i)
    h->head[i] = h->prev[i] = -1;
}

static void hash_free(struct hash *h) {
  free(h->head);
  free(h->prev);
}

static float fill_costs(float *costs, struct hash *h, int n) {
  float sum = 0;
  for (int i = 0; i < n; ++i) {
    costs[i] = (float)(h->head[i] + h->prev[i] + i);
    sum += costs[i];
  }
  return sum;
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static float best = 0;

static void *work(void *arg) {
  int n = *(int *)arg;
  struct hash h;
  hash_init(&h, n);
  float *costs = malloc(sizeof(float) * n);
  if (!costs)
    return NULL;
  float sum = fill_costs(costs, &h, n);
  free(costs);
  hash_free(&h);
  pthread_mutex_lock(&mu);
  if (sum > best)
    best = sum;
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  static const int n = 64;
  pthread_t a, b;
  pthread_create(&a, NULL, work, (void *)&n);
  pthread_create(&b, NULL, work, (void *)&n);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return best > 0 ? 0 : 1;
}
