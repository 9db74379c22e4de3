// `cachelab plot`: renders a chart of a stored run to PNG/SVG. The chart code is
// Qt (gui/charts), and the CLI must build without Qt, so this command only
// finds the `cachelab-plot` helper built with the GUI and hands it the
// arguments (exec, so its exit code and messages are the command's own).
#include <limits.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"

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

}  // namespace

void AddPlotCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "plot", "Render a chart of a stored run to PNG/SVG (needs cachelab-plot, built with the GUI): "
              "cachelab plot --db FILE --run ID[,ID...] --chart NAME --out FILE.png; --list-charts");
  cmd->prefix_command();  // every argument goes to the helper untouched
  cmd->set_help_flag();
  cmd->callback([cmd] {
    std::vector<std::string> args = cmd->remaining();
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
