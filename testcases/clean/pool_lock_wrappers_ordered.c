// weft-expect: clean
//
// The look-alike of deadlocks/pool_lock_wrappers with pigz's fix (1e847e6): get_buf() and
// drop_buf() each let go of one lock before they take the other, so the pool's lock and a
// buffer's use count are never held together. The free list (`p->head`, `b->next`) is only
// touched under the pool's lock, reached as `p->have` of a known pool in one function and of any
// buffer's pool in the other: one lock class, a common lock.
#include <pthread.h>
#include <stdlib.h>

typedef struct lock_s {
  pthread_mutex_t mutex;
  long value;
} lock;

static lock *new_lock(long value) {
  lock *l = malloc(sizeof(lock));
  pthread_mutex_init(&l->mutex, NULL);
  l->value = value;
  return l;
}
static void possess(lock *l) { pthread_mutex_lock(&l->mutex); }
static void release(lock *l) { pthread_mutex_unlock(&l->mutex); }
static void twist(lock *l, long by) {
  l->value += by;
  pthread_mutex_unlock(&l->mutex);
}

struct buf {
  lock *use; // the use count
  struct pool *pool;
  struct buf *next;
};

struct pool {
  lock *have; // the free list
  struct buf *head;
};

static struct pool pool;

static struct buf *get_buf(struct pool *p) {
  possess(p->have);
  struct buf *b = p->head;
  if (b != NULL) {
    p->head = b->next;
    release(p->have);
    possess(b->use);
    twist(b->use, 1);
    return b;
  }
  release(p->have);
  b = malloc(sizeof(struct buf));
  b->use = new_lock(1);
  b->pool = p;
  return b;
}

static void drop_buf(struct buf *b) {
  possess(b->use);
  long use = b->use->value;
  twist(b->use, -1);
  if (use == 1) {
    struct pool *p = b->pool;
    possess(p->have);
    b->next = p->head;
    p->head = b;
    release(p->have);
  }
}

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 3; ++i)
    drop_buf(get_buf(&pool));
  return NULL;
}

int main(void) {
  pool.have = new_lock(0);
  pool.head = NULL;
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
