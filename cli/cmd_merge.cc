// `cachelab merge OUT.db IN.db...`: gathers the results files of a sweep run
// elsewhere (one per command of `cachelab sweep --list`) into one, skipping
// runs already there (same run key). All or nothing: a bad input is named and
// OUT.db is left as it was; runs keep their original created_at.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "results/store_merge.h"

namespace cachelab::cli {

void AddMergeCommand(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge results files into OUT.db without duplicates: cachelab merge OUT.db IN.db...");
  cmd->add_option("files", *files, "OUT.db then one or more IN.db")->required()->expected(2, -1);
  cmd->callback([files] {
    std::string out_path = files->front();
    std::vector<std::string> inputs(files->begin() + 1, files->end());
    if (std::filesystem::is_directory(out_path)) throw UsageError("'" + out_path + "' is a directory, not a results file");
    for (const auto& in : inputs) {
      if (!std::filesystem::exists(in)) throw UsageError("no such results file '" + in + "'");
      if (std::filesystem::is_directory(in)) throw UsageError("'" + in + "' is a directory, not a results file");
      std::error_code ec;
      if (std::filesystem::equivalent(in, out_path, ec)) throw UsageError("'" + in + "' is the output file");
    }
    ResultStore out(out_path);
    MergeStats s = MergeInto(out, inputs);
    std::printf("merged %zu file%s into %s: %lld runs copied, %lld duplicates skipped (%lld runs in total)\n",
                inputs.size(), inputs.size() == 1 ? "" : "s", out_path.c_str(), static_cast<long long>(s.copied),
                static_cast<long long>(s.skipped), static_cast<long long>(out.RunCount()));
  });
}

}  // namespace cachelab::cli
