#include "cli/param_flags.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace cachelab::cli {

void ParamFlags::Attach(CLI::App* cmd) {
  cmd_ = cmd;
  for (const auto& d : ParamDefs()) {
    values_[d.name] = d.default_value;
    cmd->add_option("--" + d.name, values_[d.name], d.help)->default_str(d.default_value)->group(d.group);
  }
}

Params ParamFlags::ToParams() const {
  Params p;
  for (const auto& d : ParamDefs())
    if (cmd_->count("--" + d.name)) p.Set(d.name, values_.at(d.name));
  return p;
}

}  // namespace cachelab::cli
