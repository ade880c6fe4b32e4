// A file that does not compile: weft lint must report it as a tool error and still write the
// findings of the other files.
#include <thread>

int broken(  {
  return undeclared_name;
}
