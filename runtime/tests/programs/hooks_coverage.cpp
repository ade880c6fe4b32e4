// Compiled, not run (runtime.hooks.*): every construct a compiler instruments with a __tsan_* call,
// so that the hooks each compiler's object references can be checked against the runtime's.
// Struct copies, memcpy/memmove/memset (clang 19: __tsan_memcpy & co.), atomics of every width and
// order through std::atomic and the GNU builtins, fences, volatile and unaligned (packed) accesses,
// virtual calls and vptr updates, exceptions (cleanup paths end the function on the shadow stack).
#include <atomic>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace {
struct Big {
  char bytes[256];
  int tail;
};
struct __attribute__((packed)) Packed {
  char c;
  uint16_t s;
  uint32_t i;
  uint64_t l;
  __int128 q;
};
struct Base {
  virtual ~Base() {}
  virtual int f() { return 1; }
};
struct Derived : Base {
  int f() override { return 2; }
};

constexpr std::memory_order kOrders[] = {std::memory_order_relaxed, std::memory_order_consume,
                                         std::memory_order_acquire, std::memory_order_release,
                                         std::memory_order_acq_rel, std::memory_order_seq_cst};
bool loads(std::memory_order mo) {
  return mo != std::memory_order_release && mo != std::memory_order_acq_rel;
}
bool stores(std::memory_order mo) {
  return mo == std::memory_order_relaxed || mo == std::memory_order_release ||
         mo == std::memory_order_seq_cst;
}

template <class T> T every_order(std::atomic<T> &a, T v) {
  for (auto mo : kOrders) {
    a.store(v, stores(mo) ? mo : std::memory_order_seq_cst);
    v += a.load(loads(mo) ? mo : std::memory_order_seq_cst);
    v ^= a.exchange(v, mo);
    v += a.fetch_add(1, mo);
    v += a.fetch_sub(1, mo);
    v += a.fetch_and(3, mo);
    v += a.fetch_or(4, mo);
    v += a.fetch_xor(5, mo);
    T e = v;
    a.compare_exchange_strong(e, v, mo, std::memory_order_relaxed);
    a.compare_exchange_weak(e, v, mo, std::memory_order_relaxed);
    a.compare_exchange_strong(e, v, mo);
  }
  return v;
}

template <class T> T gnu_builtins(T *p, T v) {
  v += __atomic_fetch_nand(p, v, __ATOMIC_SEQ_CST);
  v += __atomic_nand_fetch(p, v, __ATOMIC_RELAXED);
  v += __atomic_add_fetch(p, v, __ATOMIC_ACQ_REL);
  __atomic_store_n(p, v, __ATOMIC_RELEASE);
  v += __atomic_load_n(p, __ATOMIC_ACQUIRE);
  v += __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
  T e = v;
  __atomic_compare_exchange_n(p, &e, v + 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  __atomic_compare_exchange_n(p, &e, v + 2, true, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
  v += __sync_fetch_and_add(p, v);
  v += __sync_val_compare_and_swap(p, v, v + 1);
  v += __sync_lock_test_and_set(p, v);
  __sync_lock_release(p);
  return v;
}

std::atomic<int8_t> a8;
std::atomic<int16_t> a16;
std::atomic<int32_t> a32;
std::atomic<int64_t> a64;
std::atomic<float> af;
std::atomic<double> ad;
std::atomic<void *> ap;
alignas(16) __int128 i128;
alignas(16) char words[64];
volatile char vc;
volatile short vs;
volatile int vi;
volatile long vl;
volatile __int128 v128;
Big big1, big2;

Base *make(int i) { return i ? new Derived : new Base; }
int thrower(int i) {
  if (i > 3)
    throw std::runtime_error("too big");
  return i;
}
int catcher(int i) {
  try {
    return thrower(i);
  } catch (const std::exception &) {
    return -1;
  }
}
} // namespace

extern "C" int hooks_coverage(int n, Big *dst, const Big *src, char *p, Packed *pk) {
  n += every_order(a8, (int8_t)n) + every_order(a16, (int16_t)n) + every_order(a32, n) +
       (int)every_order(a64, (int64_t)n);
  n += gnu_builtins(&words[0], (char)n) + gnu_builtins((short *)&words[2], (short)n) +
       gnu_builtins((int *)&words[4], n) + (int)gnu_builtins((long *)&words[8], (long)n) +
       (int)gnu_builtins(&i128, (__int128)n);
  af.store(1.0f);
  ad.store(2.0);
  ap.store(p);
  n += (int)af.load() + (int)ad.load() + (ap.load() != nullptr);
  std::atomic_thread_fence(std::memory_order_acquire);
  std::atomic_thread_fence(std::memory_order_release);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  vc = (char)n;
  vs = (short)n;
  vi = n;
  vl = n;
  v128 = n;
  n += vc + vs + vi + (int)vl + (int)v128;
  *dst = *src; // struct copies
  big1 = big2;
  std::memcpy(p, src, sizeof(Big));
  std::memmove(p + 1, p, 100);
  std::memset(p, n, 300);
  __builtin_memcpy(dst, src, 64);
  __builtin_memset(dst, 0, 128);
  __builtin_memmove(p, p + 3, 77);
  pk->s = (uint16_t)n, pk->i = n, pk->l = n, pk->q = n; // unaligned
  n += pk->s + pk->i + (int)pk->l + (int)pk->q;
  uint16_t h;
  uint32_t w;
  uint64_t u;
  __int128 q;
  std::memcpy(&h, p + 1, 2), std::memcpy(&w, p + 3, 4), std::memcpy(&u, p + 5, 8);
  std::memcpy(&q, p + 9, 16);
  n += h + w + (int)u + (int)q;
  std::memcpy(p + 5, &u, 8), std::memcpy(p + 11, &q, 16);
  Base *b = make(n & 1); // constructors update the vptr, the call reads it
  n += b->f();
  delete b;
  n += catcher(n);
  return n;
}
