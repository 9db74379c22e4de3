#include "cli/progress_sink.h"

#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/sweep_progress.h"
#include "sim/grouped.h"
#include "sim/progress_meter.h"

namespace cachelab::cli {
namespace {

std::string Describe(const ProgressUpdate& u) {
  if (u.finished) return u.what + ": done, " + Grouped(static_cast<int64_t>(u.done)) + " " + u.unit + " in " + FormatEta(u.elapsed_s);
  std::string line = u.what + ": ";
  if (u.fraction >= 0) {
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%, ", 100 * u.fraction);
    line += pct;
  }
  line += Grouped(static_cast<int64_t>(u.done)) + " " + u.unit + ", " + FormatEta(u.elapsed_s);
  if (u.fraction > 0.01) line += ", ETA " + FormatEta(u.elapsed_s / u.fraction * (1 - u.fraction));
  return line;
}

}  // namespace

void ShowProgress(bool forced) {
  const bool tty = isatty(STDERR_FILENO);
  if (!tty && !forced) return;
  SetProgressSink([tty](const ProgressUpdate& u) {
    if (tty) {
      // Redrawn in place; cleared when the work is over, whatever its end.
      if (u.finished) std::fputs("\r\033[K", stderr);
      else std::fprintf(stderr, "\r%s\033[K", Describe(u).c_str());
    } else if (!u.finished || u.complete) {
      std::fprintf(stderr, "%s\n", Describe(u).c_str());
    }
    std::fflush(stderr);
  }, tty ? 0.25 : 5.0);
}

void ShowProgressJson() {
  SetProgressSink([](const ProgressUpdate& u) {
    nlohmann::json j{{"type", "phase"},          {"what", u.what}, {"unit", u.unit},        {"done", u.done},
                     {"fraction", u.fraction}, {"elapsed_s", u.elapsed_s}, {"finished", u.finished}};
    std::fprintf(stderr, "%s\n", j.dump().c_str());
    std::fflush(stderr);
  });
}

}  // namespace cachelab::cli
