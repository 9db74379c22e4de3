// `cachelab plot`: renders a chart of a stored run to PNG/SVG. The chart code is
// Qt (gui/charts), and the CLI must build without Qt, so this command only
// finds the `cachelab-plot` helper built with the GUI and hands it the
// arguments (exec, so its exit code and messages are the command's own).
// `--sweep FILE.toml` is resolved here, where experiment files are understood:
// the file's runs found in the store (by run key) become `--run IDS --chart sweep`.
#include <limits.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "lab/experiment_file.h"
#include "lab/run_identity.h"
#include "results/result_store.h"
#include "results/run_key.h"

namespace cachelab::cli {
namespace {

std::string SelfDir() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string p(buf, static_cast<size_t>(n));
  return p.substr(0, p.find_last_of('/'));
}

// $CACHELAB_PLOT, next to this binary (installed), the build tree's gui/, then $PATH.
std::string FindHelper() {
  if (const char* env = std::getenv("CACHELAB_PLOT"); env && *env) return env;
  std::string dir = SelfDir();
  for (const std::string& c : {dir + "/cachelab-plot", dir + "/../gui/cachelab-plot"})
    if (access(c.c_str(), X_OK) == 0) return c;
  return "cachelab-plot";
}

// The value after `flag` (or in --flag=value), or empty; erases both when `erase`.
std::string TakeFlag(std::vector<std::string>& args, const std::string& flag, bool erase) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == flag && i + 1 < args.size()) {
      std::string v = args[i + 1];
      if (erase) args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      return v;
    }
    if (args[i].rfind(flag + "=", 0) == 0) {
      std::string v = args[i].substr(flag.size() + 1);
      if (erase) args.erase(args.begin() + static_cast<long>(i));
      return v;
    }
  }
  return {};
}

// --sweep FILE -> --run <the ids of its stored runs> --chart sweep.
void ResolveSweep(std::vector<std::string>& args) {
  std::string file = TakeFlag(args, "--sweep", true);
  if (file.empty()) return;
  ExperimentFile exp;
  try {
    exp = LoadExperimentFile(file);
  } catch (const std::exception& e) {
    throw UsageError(e.what());
  }
  std::string db = ResolveResultsPath(TakeFlag(args, "--db", false));
  if (!std::ifstream(db)) throw UsageError("no results file '" + db + "'; run `cachelab sweep " + file + "` first");
  std::map<std::string, int64_t> stored = ResultStore(db, /*read_only=*/true).RunKeys();
  std::string ids;
  size_t missing = 0, total = 0;
  for (const auto& run : exp.Expand()) {
    ++total;
    auto it = stored.find(RunKeyOf(RunIdentity(run.params)));
    if (it == stored.end()) ++missing;
    else ids += (ids.empty() ? "" : ",") + std::to_string(it->second);
  }
  if (ids.empty())
    throw UsageError("none of the " + std::to_string(total) + " runs of " + file + " is in '" + db +
                     "'; run `cachelab sweep " + file + " --db " + db + "` first");
  if (missing)
    std::fprintf(stderr, "cachelab plot: %zu of %zu runs of %s are not stored yet; drawing the %zu that are\n",
                 missing, total, file.c_str(), total - missing);
  args.push_back("--run");
  args.push_back(ids);
  if (TakeFlag(args, "--chart", false).empty()) {
    args.push_back("--chart");
    args.push_back("sweep");
  }
}

// The helper opens a missing file as an empty store ("no runs in 'x.db'"), so a
// missing one is named here; --list-charts and --help need none.
void CheckResultsFile(std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--list-charts" || a == "--help" || a == "-h") return;
  std::string db = ResolveResultsPath(TakeFlag(args, "--db", false));
  if (!std::ifstream(db)) throw UsageError("no results file '" + db + "'");
}

}  // namespace

void AddPlotCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "plot", "Render a chart of a stored run to PNG/SVG (needs cachelab-plot, built with the GUI): "
              "cachelab plot --db FILE --run ID[,ID...] --chart NAME --out FILE.png; --list-charts; "
              "cachelab plot --sweep FILE.toml --metric hit_ratio --x strategy --y invalidation --out heat.png");
  cmd->prefix_command();  // every argument goes to the helper untouched
  cmd->set_help_flag();
  cmd->callback([cmd] {
    std::vector<std::string> args = cmd->remaining();
    ResolveSweep(args);
    CheckResultsFile(args);
    std::string helper = FindHelper();
    std::vector<char*> argv{helper.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execvp(helper.c_str(), argv.data());
    throw UsageError("plot needs the cachelab-plot helper, which is built with the Qt dashboard "
                     "(cmake -DCACHELAB_BUILD_GUI=ON, Qt6 Charts installed); not found next to cachelab, "
                     "in ../gui/, $CACHELAB_PLOT or $PATH");
  });
}

}  // namespace cachelab::cli
