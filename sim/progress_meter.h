// Progress of long work (a pass over a big trace, a long dry run) for the
// person waiting. The command decides whether anyone is watching and installs
// a sink (stderr on a terminal, or with --progress); the work ticks a meter
// often, and the sink hears from it at most once an interval. Without a sink a
// tick is a compare, so core loops can tick every record.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace cachelab {

struct ProgressUpdate {
  const std::string& what;  // "indexing big.txt.zst"
  const char* unit;         // of done: "requests", "runs", "replays"
  uint64_t done;
  double fraction;  // 0..1; negative when the total is unknown
  double elapsed_s;
  bool finished;  // the last update of this meter (sent only if an earlier one was)
  bool complete;  // finished with the work done (not by an error or exception)
};

using ProgressSink = std::function<void(const ProgressUpdate&)>;

// Installs the process's sink ({} removes it). Updates come at most every
// `interval_s` per meter; $CACHELAB_PROGRESS_INTERVAL_MS overrides it (tests
// use 0). The sink is called from the ticking thread, one call at a time.
void SetProgressSink(ProgressSink sink, double interval_s = 1.0);
bool HasProgressSink();

class ProgressMeter {
 public:
  // `fraction` (optional) says how far the work is, asked only when an update
  // is due. The clock is read once every `check_every` units.
  ProgressMeter(std::string what, const char* unit, std::function<double()> fraction = {},
                uint64_t check_every = 1 << 16);
  // Work of a known `total` units: the fraction is done / total.
  ProgressMeter(std::string what, const char* unit, uint64_t total, uint64_t check_every);
  ~ProgressMeter();  // ends an unfinished meter as incomplete
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // `done` units so far (non-decreasing).
  void Tick(uint64_t done) {
    if (active_ && done >= next_check_) Check(done);
  }
  // The work is done (`done` units in all): says so, if it said anything before.
  void Finish(uint64_t done);

 private:
  void Check(uint64_t done);
  void End(bool complete);
  std::string what_;
  const char* unit_;
  std::function<double()> fraction_;
  uint64_t total_ = 0;  // when known and no fraction_
  uint64_t check_every_, next_check_, done_ = 0;
  bool active_, reported_ = false;
  std::chrono::steady_clock::time_point start_, next_report_;
};

}  // namespace cachelab
