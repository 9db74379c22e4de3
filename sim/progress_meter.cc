#include "sim/progress_meter.h"

#include <cstdlib>
#include <mutex>

namespace cachelab {
namespace {

std::mutex g_mu;  // guards the sink and serialises its calls
ProgressSink g_sink;
std::chrono::steady_clock::duration g_interval = std::chrono::seconds(1);

}  // namespace

void SetProgressSink(ProgressSink sink, double interval_s) {
  if (const char* env = std::getenv("CACHELAB_PROGRESS_INTERVAL_MS"))
    interval_s = std::strtod(env, nullptr) / 1000.0;
  if (!(interval_s >= 0)) interval_s = 1.0;
  std::lock_guard<std::mutex> lock(g_mu);
  g_sink = std::move(sink);
  g_interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(interval_s));
}

bool HasProgressSink() {
  std::lock_guard<std::mutex> lock(g_mu);
  return static_cast<bool>(g_sink);
}

ProgressMeter::ProgressMeter(std::string what, const char* unit, std::function<double()> fraction, uint64_t check_every)
    : what_(std::move(what)),
      unit_(unit),
      fraction_(std::move(fraction)),
      check_every_(check_every ? check_every : 1),
      next_check_(check_every_),
      active_(HasProgressSink()),
      start_(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> lock(g_mu);
  next_report_ = start_ + g_interval;  // short work stays quiet
}

ProgressMeter::ProgressMeter(std::string what, const char* unit, uint64_t total, uint64_t check_every)
    : ProgressMeter(std::move(what), unit, std::function<double()>{}, check_every) {
  total_ = total;
}

ProgressMeter::~ProgressMeter() { End(false); }

void ProgressMeter::Check(uint64_t done) {
  done_ = done;
  next_check_ = done + check_every_;
  auto now = std::chrono::steady_clock::now();
  if (now < next_report_) return;
  double fraction = fraction_ ? fraction_() : total_ ? static_cast<double>(done) / static_cast<double>(total_) : -1;
  std::lock_guard<std::mutex> lock(g_mu);
  if (!g_sink) return;
  next_report_ = now + g_interval;
  reported_ = true;
  g_sink(ProgressUpdate{what_, unit_, done, fraction, std::chrono::duration<double>(now - start_).count(), false,
                        false});
}

void ProgressMeter::Finish(uint64_t done) {
  done_ = done;
  End(true);
}

void ProgressMeter::End(bool complete) {
  active_ = false;
  if (!reported_) return;
  reported_ = false;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_sink) g_sink(ProgressUpdate{what_, unit_, done_, complete ? 1.0 : -1.0, elapsed, true, complete});
}

}  // namespace cachelab
