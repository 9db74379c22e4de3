// Each subcommand lives in its own cmd_<name>.cc and registers itself on the
// root CLI11 app through one of these functions (called from main.cc).
#pragma once
#include <string>

#include "lab/usage_error.h"

namespace CLI {
class App;
}

namespace cachelab::cli {

// Thrown for bad input: main prints "cachelab: error: <message>" and exits 2.
using cachelab::UsageError;

void AddRunCommand(CLI::App& app);
void AddParamsCommand(CLI::App& app);
void AddRingCommand(CLI::App& app);
void AddPlotCommand(CLI::App& app);
void AddReplayCommand(CLI::App& app);
void AddSweepCommand(CLI::App& app);
void AddMergeCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddTraceCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddRecordCommand(CLI::App& app);

}  // namespace cachelab::cli
