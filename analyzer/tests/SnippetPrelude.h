// The standard headers the analyser's snippet tests include, precompiled once at build time
// (snippets.pch) so that each snippet parses in a fraction of the time: the snippets are small,
// the standard library is not. The corpus tests parse without it, as weft lint does.
#include <atomic>
#include <barrier>
#include <cassert>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>
