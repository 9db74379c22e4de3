// Bad input from the user (a flag's value, a trace, a file): the CLI prints
// "cachelab: error: <message>" and exits 2. Thrown by the libraries that
// take user input whole (the trace replay), and by the CLI's commands.
#pragma once
#include <stdexcept>

namespace cachelab {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace cachelab
