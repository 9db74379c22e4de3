// Progress of a many-run sweep on stderr: a redrawn bar with ETA on a
// terminal, otherwise (logs, CI, pipes) a plain line naming the run that just
// finished, at most one every 5 s, and always the last.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace cachelab::cli {

class SweepProgress {
 public:
  SweepProgress(uint64_t total, bool tty);
  // One more run finished; `label` says which.
  void Done(const std::string& label);
  // Clears the bar (call before printing anything else).
  void Finish();

 private:
  uint64_t total_, done_ = 0;
  bool tty_;
  std::chrono::steady_clock::time_point start_, next_line_;
};

// "1:02:03", "4:05", "7s".
std::string FormatEta(double seconds);

}  // namespace cachelab::cli
