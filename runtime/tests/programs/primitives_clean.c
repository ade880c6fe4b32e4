/* Clean use of the other primitives: rwlock, pthread_once, POSIX semaphore, pthread barrier,
 * spinlock, recursive mutex, timed wait on a condition variable. Expect: no finding, exit 0. */
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t bar;
static pthread_spinlock_t spin;
static pthread_mutex_t rec;
static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static sem_t sem;
static int table, inited, spun, recursed, produced, sem_data;
static void init(void) { inited = 1; }
static void *run(void *arg) {
  long id = (long)arg;
  pthread_once(&once, init);
  pthread_rwlock_rdlock(&rw);
  int v = table + inited;
  (void)v;
  pthread_rwlock_unlock(&rw);
  pthread_rwlock_wrlock(&rw);
  table++;
  pthread_rwlock_unlock(&rw);
  pthread_spin_lock(&spin);
  spun++;
  pthread_spin_unlock(&spin);
  pthread_mutex_lock(&rec);
  pthread_mutex_lock(&rec);
  recursed++;
  pthread_mutex_unlock(&rec);
  pthread_mutex_unlock(&rec);
  if (id == 0) {
    sem_data = 7;
    sem_post(&sem);
  } else if (id == 1) {
    sem_wait(&sem);
    if (sem_data != 7) return (void *)1;
  }
  pthread_barrier_wait(&bar);
  if (id == 2) {
    pthread_mutex_lock(&cm);
    produced = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&cm);
  } else if (id == 0) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 100;
    pthread_mutex_lock(&cm);
    while (!produced) pthread_cond_timedwait(&cv, &cm, &ts);
    pthread_mutex_unlock(&cm);
  }
  return 0;
}
int main(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&rec, &a);
  pthread_barrier_init(&bar, 0, 3);
  pthread_spin_init(&spin, 0);
  sem_init(&sem, 0, 0);
  pthread_t t[3];
  for (long i = 0; i < 3; ++i) pthread_create(&t[i], 0, run, (void *)i);
  long bad = 0;
  for (int i = 0; i < 3; ++i) {
    void *r;
    pthread_join(t[i], &r);
    bad += (long)r;
  }
  return (bad == 0 && table == 3 && spun == 3 && recursed == 3) ? 0 : 1;
}
