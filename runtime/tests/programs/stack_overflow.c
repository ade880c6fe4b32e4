/* Unbounded recursion in a thread: the crash handler runs on an alternate signal stack, so a stack
 * overflow still produces a crash finding before the process dies of SIGSEGV. */
#include <pthread.h>
static int depth(int n) { volatile char buf[4096]; buf[0] = (char)n; return depth(n + 1) + buf[0]; }
static void *run(void *a) { (void)a; return (void *)(long)depth(0); }
int main(void) { pthread_t t; pthread_create(&t, 0, run, 0); pthread_join(t, 0); return 0; }
