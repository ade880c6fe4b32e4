// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// pigz's inversion before 1e847e6, reduced: the project's own lock type behind C wrappers
// (possess/release/twist), one lock per buffer pool and one use count per buffer. get_buf()
// holds the pool's lock while it takes the buffer's; drop_buf() holds the buffer's while it takes
// its pool's. The buffer in drop_buf() is any buffer and its pool any pool (reached through
// `b->pool`): the two are told to be the same locks by the fields they are held in, as lockdep
// groups locks into classes.
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
    possess(b->use); // the pool's lock is still held
    p->head = b->next;
    release(p->have);
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
  if (b->use->value == 1) {
    struct pool *p = b->pool;
    possess(p->have); // the buffer's lock is still held
    b->next = p->head;
    p->head = b;
    release(p->have);
  }
  twist(b->use, -1);
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
