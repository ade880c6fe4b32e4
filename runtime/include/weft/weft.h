/* The public weft_* hooks a program may call (all optional; plain C, includes nothing). */
#ifndef WEFT_WEFT_H
#define WEFT_WEFT_H
#ifdef __cplusplus
extern "C" {
#endif

/** 1 when the calling thread runs under weft's scheduler, else 0. */
int weft_controlled(void);
/** A scheduling point where the caller offers to give way (like sched_yield, never sleeps). */
void weft_yield(void);
/** Fails the run with an `assertion-failure` finding carrying `message`, then aborts. A message
 *  that starts with `path:line: ` places the finding there when the stack shows no line of the
 *  program (weft/gtest.h passes GoogleTest's failure this way). */
void weft_fail(const char *message);

#ifdef __cplusplus
}
#endif
#endif
