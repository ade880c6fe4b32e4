// Starting a controlled run: read the WEFT_* environment (protocol.h), pin the process to one CPU,
// register the main thread, build the strategy, announce the run and the module map, install the
// crash handlers and the exit record.
#include "core/events.h"
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include "internal/syscall.h"
#include "strategies/strategy.h"
#include "weft/protocol.h"
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

namespace weft {

Runtime g_rt;
WEFT_TLS ThreadState *t_thr;

namespace {

alignas(16) char g_strategy_storage[kStrategyStorage];

uint64_t env_u64(const char *name, uint64_t dflt) {
  const char *v = getenv(name);
  if (!v || !*v)
    return dflt;
  uint64_t x = 0;
  bool neg = *v == '-';
  if (neg)
    ++v;
  while (*v >= '0' && *v <= '9')
    x = x * 10 + (uint64_t)(*v++ - '0');
  return neg ? (uint64_t) - (int64_t)x : x;
}

/// Whole file into the arena (raw syscalls); nullptr if unreadable.
char *read_file(const char *path, uint64_t *len) {
  int fd = sys::open_ro(path);
  if (fd < 0)
    return nullptr;
  uint64_t cap = 4096, n = 0;
  char *buf = arena_new_array<char>(cap);
  for (;;) {
    if (n == cap) {
      char *nb = arena_new_array<char>(cap * 2);
      for (uint64_t i = 0; i < n; ++i)
        nb[i] = buf[i];
      arena_free(buf, cap);
      buf = nb;
      cap *= 2;
    }
    long r = sys::read(fd, buf + n, cap - n);
    if (r == -4)
      continue;
    if (r <= 0)
      break;
    n += (uint64_t)r;
  }
  sys::close(fd);
  *len = n;
  return buf;
}

struct ModuleCtx {
  const char *want; // racy-pc resolution: module path to find, or nullptr to emit all
  uintptr_t base;
  bool found;
};

bool same_str(const char *a, const char *b, uint64_t blen) {
  uint64_t i = 0;
  for (; i < blen; ++i)
    if (a[i] != b[i])
      return false;
  return a[i] == 0;
}

char g_exe_path[1024];

const char *module_path(const dl_phdr_info *info) {
  if (info->dlpi_name && info->dlpi_name[0])
    return info->dlpi_name;
  return g_exe_path;
}

/// The main executable's code range (program_call_site looks for return addresses into it).
void note_program_text(const dl_phdr_info *info) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
      continue;
    g_rt.program_text_lo = info->dlpi_addr + ph.p_vaddr;
    g_rt.program_text_hi = g_rt.program_text_lo + ph.p_memsz;
    return;
  }
}

int emit_module(dl_phdr_info *info, size_t, void *) {
  if (!(info->dlpi_name && info->dlpi_name[0]) && !g_rt.program_text_hi)
    note_program_text(info);
  const char *p = module_path(info);
  if (p[0] != '/')
    return 0; // vdso
  Line l;
  l.len = 0;
  l.str("module").key("base").hex(info->dlpi_addr).key("path").str(p);
  emit(l);
  return 0;
}

struct Lookup {
  const char *path;
  uint64_t len;
  uintptr_t base;
  bool found;
};

int find_module(dl_phdr_info *info, size_t, void *arg) {
  Lookup *lk = static_cast<Lookup *>(arg);
  if (same_str(module_path(info), lk->path, lk->len)) {
    lk->base = info->dlpi_addr;
    lk->found = true;
    return 1;
  }
  return 0;
}

void parse_racy_pcs(const char *text, uint64_t len) {
  uint64_t i = 0;
  while (i < len) {
    uint64_t e = i;
    while (e < len && text[e] != '\n')
      ++e;
    // "path+0xoff" or "0xaddr"
    uint64_t plus = e;
    for (uint64_t k = i; k < e; ++k)
      if (text[k] == '+')
        plus = k;
    uint64_t hs = plus < e ? plus + 1 : i;
    uint64_t x = 0;
    bool ok = false;
    if (hs + 1 < e && text[hs] == '0' && (text[hs + 1] == 'x' || text[hs + 1] == 'X')) {
      for (uint64_t k = hs + 2; k < e; ++k) {
        char c = text[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
          break;
        x = x * 16 + (uint64_t)d;
        ok = true;
      }
    }
    if (ok && plus < e) {
      Lookup lk{text + i, plus - i, 0, false};
      dl_iterate_phdr(find_module, &lk);
      x = lk.found ? lk.base + x : 0;
    }
    if (ok && x)
      add_racy_pc(x);
    i = e + 1;
  }
}

void on_process_exit(int status, void *) {
  ThreadState *t = t_thr;
  if (t)
    t->managed = false; // destructors of other modules may still run; stop scheduling
  g_rt.controlled = false;
  steps_flush();
  Line l;
  l.len = 0;
  l.str("exit").key("status").sdec(status);
  emit(l);
}

/// A forked child has only the forking thread: it runs uncontrolled and says nothing on the
/// parent's event stream.
void after_fork_in_child() {
  g_rt.controlled = false;
  g_rt.event_fd = -1;
  g_rt.quiet = true;
  if (ThreadState *t = t_thr)
    t->managed = false;
}

/// One CPU for the whole run (FACTS.md: a hand-off costs 2 us pinned, 10-23 us floating): the CPU
/// the process runs on now if the affinity allows it (parallel runs of the driver then spread over
/// the CPUs), else the first allowed one. The choice does not affect the schedule.
void pin_to_one_cpu() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) != 0)
    return;
  int cpu = sched_getcpu();
  if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &set)) {
    cpu = -1;
    for (int c = 0; c < CPU_SETSIZE && cpu < 0; ++c)
      if (CPU_ISSET(c, &set))
        cpu = c;
  }
  if (cpu < 0)
    return;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  sched_setaffinity(0, sizeof(one), &one);
}

} // namespace

void rt_init() {
  if (g_rt.initialized)
    return;
  g_rt.initialized = true;
  __atomic_store_n(&g_rt.current, 0, __ATOMIC_SEQ_CST);
  g_rt.event_fd = (int)env_u64("WEFT_EVENT_FD", (uint64_t)-1);
  if (g_rt.event_fd >= 0) {
    // Programs this program starts must not write into the driver's pipe.
    fcntl(g_rt.event_fd, F_SETFD, FD_CLOEXEC);
    unsetenv("WEFT_EVENT_FD");
  }
  g_rt.quiet = env_u64("WEFT_QUIET", 0) != 0;
  g_rt.spurious_wakeups = env_u64("WEFT_SPURIOUS_WAKEUPS", 0) != 0;
  const char *name = getenv("WEFT_STRATEGY");
  if (!name || !*name)
    name = "random";
  g_rt.strategy_name = name;
  g_rt.seed = env_u64("WEFT_SEED", 0);
  g_rt.max_steps = env_u64("WEFT_MAX_STEPS", 20000000ull);
  g_rt.strategy = strategy_create(name, g_strategy_storage);
  if (!g_rt.strategy) {
    g_rt.strategy_name = "random";
    g_rt.strategy = strategy_create("random", g_strategy_storage);
  }
  g_rt.dfs_tokens = g_rt.strategy->records_enabled_sets();
  StrategyConfig cfg{};
  cfg.seed = g_rt.seed;
  cfg.pct_depth = (uint32_t)env_u64("WEFT_PCT_DEPTH", 3);
  cfg.pct_steps = env_u64("WEFT_PCT_STEPS", 1000);
  if (const char *sf = getenv("WEFT_SCHEDULE_FILE"); sf && *sf) {
    uint64_t len = 0;
    if (char *text = read_file(sf, &len))
      cfg.n_forced = parse_schedule(text, len, const_cast<uint32_t **>(&cfg.forced));
  }
  g_rt.strategy->new_execution(cfg);

  interceptors_init();
  pin_to_one_cpu();
  long n =
      sys::call6(sys::kReadlink, (long)"/proc/self/exe", (long)g_exe_path, sizeof(g_exe_path) - 1);
  if (n > 0)
    g_exe_path[n] = 0;

  Line l;
  l.len = 0;
  l.str("hello").key("version").dec(WEFT_PROTOCOL_VERSION).key("pid").dec((uint64_t)sys::getpid());
  l.key("strategy").str(g_rt.strategy_name).key("seed").dec(g_rt.seed);
  emit(l);
  dl_iterate_phdr(emit_module, nullptr);
  if (const char *rp = getenv("WEFT_RACY_PCS_FILE"); rp && *rp) {
    uint64_t len = 0;
    if (char *text = read_file(rp, &len))
      parse_racy_pcs(text, len);
  }

  ThreadState *main = thread_create(nullptr);
  main->managed = true;
  t_thr = main;
  install_alt_stack();
  install_crash_handlers();
  on_exit(on_process_exit, nullptr);
  pthread_atfork(nullptr, nullptr, after_fork_in_child);
  g_rt.controlled = true;
}

} // namespace weft
