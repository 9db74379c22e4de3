// `cachelab params`: every experiment parameter with its default and help, as
// a table or JSON (the GUI builds its run form from the JSON).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/summary_table.h"
#include "lab/experiment_file.h"
#include "lab/params.h"

namespace cachelab::cli {

void AddParamsCommand(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto toml = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("params", "List every experiment parameter with its default");
  cmd->add_flag("--json", *json, "print as JSON");
  cmd->add_flag("--toml", *toml, "print the reference experiment file (experiments/reference.toml)");
  cmd->callback([json, toml] {
    if (*toml) {
      std::cout << ReferenceToml();
      return;
    }
    if (*json) {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const auto& d : ParamDefs())
        arr.push_back({{"name", d.name}, {"default", d.default_value}, {"group", d.group}, {"help", d.help}});
      std::cout << arr.dump(2) << "\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : ParamDefs()) rows.push_back({"--" + d.name, d.default_value, d.group, d.help});
    std::cout << FormatTable({"flag", "default", "group", "meaning"}, rows);
  });
}

}  // namespace cachelab::cli
