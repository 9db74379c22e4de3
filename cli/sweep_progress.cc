#include "cli/sweep_progress.h"

#include <cmath>
#include <cstdio>

namespace cachelab::cli {

std::string FormatEta(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

SweepProgress::SweepProgress(uint64_t total, bool tty)
    : total_(total), tty_(tty), start_(std::chrono::steady_clock::now()), next_line_(start_) {}

void SweepProgress::Done(const std::string& label) {
  ++done_;
  auto now = std::chrono::steady_clock::now();
  if (now < next_line_ && done_ < total_) return;
  next_line_ = now + (tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000));
  double elapsed = std::chrono::duration<double>(now - start_).count();
  // Runs of one sweep take similar times, so the mean so far predicts the rest.
  double eta = elapsed / done_ * (total_ - done_);
  double frac = total_ ? static_cast<double>(done_) / total_ : 1;
  if (tty_) {
    const int width = 30;
    int filled = static_cast<int>(frac * width);
    std::string bar(filled, '=');
    if (filled < width) bar += '>' + std::string(width - filled - 1, ' ');
    std::fprintf(stderr, "\r  [%s] %llu/%llu runs  %3.0f%%  ETA %-8s", bar.c_str(),
                 static_cast<unsigned long long>(done_), static_cast<unsigned long long>(total_), 100 * frac,
                 FormatEta(eta).c_str());
  } else {
    std::fprintf(stderr, "sweep: %llu/%llu runs done (%.0f%%), ETA %s: %s\n", static_cast<unsigned long long>(done_),
                 static_cast<unsigned long long>(total_), 100 * frac, FormatEta(eta).c_str(), label.c_str());
  }
  std::fflush(stderr);
}

void SweepProgress::Finish() {
  if (tty_ && done_ > 0) std::fprintf(stderr, "\r%78s\r", "");
}

}  // namespace cachelab::cli
