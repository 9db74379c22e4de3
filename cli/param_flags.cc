#include "cli/param_flags.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace cachelab::cli {

void ParamFlags::Attach(CLI::App* cmd) {
  cmd_ = cmd;
  for (const auto& d : ParamDefs()) {
    values_[d.name] = d.default_value;
    CLI::Option* opt = cmd->add_option("--" + d.name, values_[d.name], d.help)->default_str(d.default_value)->group(d.group);
    // A switch (default false): "--skip-bad" alone means true (CLI11 gives default_str to a bare option,
    // and would show that as the default in --help).
    if (d.default_value == "false") opt->expected(0, 1)->default_str("true")->option_text("[BOOL]=false");
  }
}

Params ParamFlags::ToParams() const {
  Params p;
  for (const auto& d : ParamDefs())
    if (cmd_->count("--" + d.name)) p.Set(d.name, values_.at(d.name));
  return p;
}

}  // namespace cachelab::cli
