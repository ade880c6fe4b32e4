// TSan's annotations that describe synchronisation and intent rather than a mutex (the mutex
// family: tsan_mutex_annotations.cpp): __tsan_acquire/__tsan_release and the dynamic annotations
// (AnnotateHappensBefore/After, AnnotateRWLock*, AnnotateBenignRace*, AnnotateIgnore*) that TSan
// defines in tsan_interface_ann.cpp. The __tsan_* signatures are those of
// sanitizer/tsan_interface.h; the Annotate* ones those of dynamic_annotations.h (the same ABI as
// TSan's char * / uptr definitions). Annotations that TSan itself accepts and ignores are
// accepted and ignored here too, so code written for TSan links.
#include "core/sync.h"
#include "detectors/detectors.h"
#include "interceptors/mutex_model.h"
#include "interface/annotations.h"

using namespace weft;

#define WEFT_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

namespace {

/// Happens-before through a sync object keyed by the address: the clock transfer of a release
/// store and an acquire load, without the access (the address is only a name).
void release(void *addr, uintptr_t pc) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, pc);
    sync_release(t, sync_get((uintptr_t)addr));
  }
}
void acquire(void *addr, uintptr_t pc) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, pc);
    if (SyncVar *s = sync_find((uintptr_t)addr))
      sync_acquire(t, s);
  }
}

void benign(const volatile void *mem, long size, uintptr_t pc) {
  if (ThreadState *t = active_thread(); t && size > 0) {
    RtScope scope(t, pc);
    benign_add((uintptr_t)mem, (size_t)size);
  }
}

void ignore(bool begin, bool reads, bool writes) {
  if (ThreadState *t = t_thr)
    begin ? ignore_begin(t, reads, writes) : ignore_end(t, reads, writes);
}

} // namespace

WEFT_EXPORT void __tsan_release(void *addr) { release(addr, WEFT_PC()); }
WEFT_EXPORT void __tsan_acquire(void *addr) { acquire(addr, WEFT_PC()); }

WEFT_EXPORT void AnnotateHappensBefore(const char *, int, const volatile void *addr) {
  release(const_cast<void *>(addr), WEFT_PC());
}
WEFT_EXPORT void AnnotateHappensAfter(const char *, int, const volatile void *addr) {
  acquire(const_cast<void *>(addr), WEFT_PC());
}

// Reader-writer locks announced after the fact (the lock code itself is not annotated): an
// acquisition is recorded when it has happened (it never blocks in the model; the program's lock
// did the waiting), a release when it is announced. TSan makes them write-reentrant.
WEFT_EXPORT void AnnotateRWLockCreate(const char *, int, const volatile void *lock) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_create((uintptr_t)lock, kAnnotatedReentrant);
  }
}
WEFT_EXPORT void AnnotateRWLockCreateStatic(const char *, int, const volatile void *lock) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_create((uintptr_t)lock, kAnnotatedReentrant | kAnnotatedStatic);
  }
}
WEFT_EXPORT void AnnotateRWLockDestroy(const char *, int, const volatile void *lock) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_destroy(t, (uintptr_t)lock, 0);
  }
}
WEFT_EXPORT void AnnotateRWLockAcquired(const char *, int, const volatile void *lock, long is_w) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_acquired(t, (uintptr_t)lock, !is_w, false, 1, t->op_pc);
  }
}
WEFT_EXPORT void AnnotateRWLockReleased(const char *, int, const volatile void *lock, long is_w) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_unlocking(t, (uintptr_t)lock, !is_w, false);
    model_annotated_unlocked(t, (uintptr_t)lock, !is_w);
  }
}

WEFT_EXPORT void AnnotateBenignRaceSized(const char *, int, const volatile void *mem, long size,
                                         const char *) {
  benign(mem, size, WEFT_PC());
}
WEFT_EXPORT void AnnotateBenignRace(const char *, int, const volatile void *mem, const char *) {
  benign(mem, 1, WEFT_PC());
}
WEFT_EXPORT void WTFAnnotateBenignRaceSized(const char *, int, const volatile void *mem, long size,
                                            const char *) {
  benign(mem, size, WEFT_PC());
}

// Ignores: reads (or writes) of the calling thread are not race-checked while the counter is
// non-zero. Unlike TSan, which ignores both for either annotation, reads and writes are separate.
WEFT_EXPORT void AnnotateIgnoreReadsBegin(const char *, int) { ignore(true, true, false); }
WEFT_EXPORT void AnnotateIgnoreReadsEnd(const char *, int) { ignore(false, true, false); }
WEFT_EXPORT void AnnotateIgnoreWritesBegin(const char *, int) { ignore(true, false, true); }
WEFT_EXPORT void AnnotateIgnoreWritesEnd(const char *, int) { ignore(false, false, true); }
WEFT_EXPORT void __tsan_ignore_thread_begin() { ignore(true, true, true); }
WEFT_EXPORT void __tsan_ignore_thread_end() { ignore(false, true, true); }

// Accepted and ignored, as TSan does (the synchronisation they describe is seen directly, or they
// only name things). Weak, so a program's own definitions of these (valgrind's
// dynamic_annotations.c) link too.
#define WEFT_EXPORT_WEAK extern "C" __attribute__((visibility("default"), weak))
WEFT_EXPORT_WEAK void AnnotateCondVarSignal(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateCondVarSignalAll(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateCondVarWait(const char *, int, const volatile void *,
                                          const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateMutexIsNotPHB(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateThreadName(const char *, int, const char *) {}
WEFT_EXPORT_WEAK void AnnotateNewMemory(const char *, int, const volatile void *, long) {}
WEFT_EXPORT_WEAK void AnnotateFlushState(const char *, int) {}
WEFT_EXPORT_WEAK void AnnotateNoOp(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateEnableRaceDetection(const char *, int, int) {}
WEFT_EXPORT_WEAK void AnnotateMemoryIsInitialized(const char *, int, const volatile void *, long) {}
WEFT_EXPORT_WEAK void AnnotateMemoryIsUninitialized(const char *, int, const volatile void *,
                                                    long) {}
WEFT_EXPORT_WEAK void AnnotateMutexIsUsedAsCondVar(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateTraceMemory(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotateExpectRace(const char *, int, const volatile void *, const char *) {}
WEFT_EXPORT_WEAK void AnnotateFlushExpectedRaces(const char *, int) {}
WEFT_EXPORT_WEAK void AnnotatePublishMemoryRange(const char *, int, const volatile void *, long) {}
WEFT_EXPORT_WEAK void AnnotateUnpublishMemoryRange(const char *, int, const volatile void *, long) {
}
WEFT_EXPORT_WEAK void AnnotatePCQCreate(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotatePCQDestroy(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotatePCQPut(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK void AnnotatePCQGet(const char *, int, const volatile void *) {}
WEFT_EXPORT_WEAK int RunningOnValgrind() { return 0; }
