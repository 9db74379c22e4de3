// Binds every registered experiment parameter to a --flag on a CLI11 command,
// and turns the flags that were given into Params.
#pragma once
#include <map>
#include <string>

#include "lab/params.h"

namespace CLI {
class App;
}

namespace cachelab::cli {

class ParamFlags {
 public:
  // Adds one option per ParamDef to `cmd`, grouped by the parameter's group.
  void Attach(CLI::App* cmd);
  // Params at their defaults, overridden by the flags given. Throws UsageError
  // naming the flag for an invalid value.
  Params ToParams() const;

 private:
  CLI::App* cmd_ = nullptr;
  std::map<std::string, std::string> values_;
};

}  // namespace cachelab::cli
