// weft-expect: data-race config_version
//
// One writer, one reader, no lock: not a lost update, but still a data race (the reader may see
// a torn or stale value, and the compiler may cache it).
#include <cstdio>
#include <thread>

int config_version = 1;

void reload() {
  for (int v = 2; v < 50; ++v)
    config_version = v;
}

int main() {
  long seen = 0;
  std::thread writer(reload);
  std::thread reader([&seen] {
    for (int i = 0; i < 50; ++i)
      seen += config_version;
  });
  writer.join();
  reader.join();
  std::printf("%d\n", seen > 0 ? 1 : 0);
  return 0;
}
