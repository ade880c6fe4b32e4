// A race inside a header that two translation units include: weft lint must report it once.
#pragma once

inline int shared = 0;

inline void bump() {
  for (int i = 0; i < 100; ++i)
    ++shared;
}
