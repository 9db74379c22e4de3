// cachelab: the headless face of the lab. Subcommands register themselves from
// their own files (commands.h); this file only wires them and maps errors to
// exit codes: 0 ok, 1 a run failed, 2 bad input.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <new>
#include <string>

#include "cli/commands.h"
#include "lab/params.h"
#include "sim/printable.h"
#include "workloads/mapped_file_faults.h"

namespace {

// Prints an error. Messages quote what the user gave (flag values, experiment
// files, traces); the readers escape what they quote, and this escapes any
// control byte that reached a message another way, so none reaches the
// terminal raw. Newlines stay (multi-line hints); UTF-8 stays (file names).
void PrintError(const std::string& what, const char* tail = "") {
  std::fprintf(stderr, "cachelab: error: %s\n%s", cachelab::EscapeControlBytes(what).c_str(), tail);
}

}  // namespace

int main(int argc, char** argv) {
  cachelab::InstallMappedFileFaultReport();  // a trace truncated under us: an error naming it
  CLI::App app{"cachelab: simulation and benchmark lab for cache strategies"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "cachelab 0.1.0");
  cachelab::cli::AddRunCommand(app);
  cachelab::cli::AddParamsCommand(app);
  cachelab::cli::AddRingCommand(app);
  cachelab::cli::AddPlotCommand(app);
  cachelab::cli::AddReplayCommand(app);
  cachelab::cli::AddSweepCommand(app);
  cachelab::cli::AddMergeCommand(app);
  cachelab::cli::AddExportCommand(app);
  cachelab::cli::AddDemoCommand(app);
  cachelab::cli::AddTraceCommand(app);
  cachelab::cli::AddServeCommand(app);
  cachelab::cli::AddRecordCommand(app);
  try {
    // `cachelab` alone runs the default experiment, like `cachelab run`.
    if (argc == 1) {
      const char* default_argv[] = {argv[0], "run"};
      app.parse(2, const_cast<char**>(default_argv));
    } else {
      app.parse(argc, argv);
    }
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Unknown flags, missing values: the same prefix as every other error.
    std::string what = e.what();
    // CLI11 says "--churn: At Most 1 required but received 2" for a repeated flag.
    const std::string repeated = ": At Most 1 required but received ";
    if (auto at = what.find(repeated); at != std::string::npos)
      what = what.substr(0, at) + " given " + what.substr(at + repeated.size()) +
             " times; give it once (where it takes several values, as one comma-separated list)";
    PrintError(what, "Run with --help for more information.\n");
    return 2;
  } catch (const cachelab::cli::UsageError& e) {
    PrintError(e.what());
    return 2;
  } catch (const cachelab::ParamError& e) {
    PrintError(e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "cachelab: error: out of memory (a parameter asks for more than this machine has)\n");
    return 1;
  } catch (const std::exception& e) {
    PrintError(e.what());
    return 1;
  }
  return 0;
}
