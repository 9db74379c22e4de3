#include "lab/twin_setup.h"

#include <algorithm>
#include <cstdio>

#include "workloads/file_memo.h"

namespace cachelab {
namespace {

std::string Real(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

// One fit per file per process: `--strategy all` and sweeps run many
// experiments on the same twin (possibly in parallel).
std::shared_ptr<const TwinProfile> CachedTwin(const std::string& path) {
  static FileMemo<TwinProfile> memo(4);
  std::string error;
  auto twin = memo.Get(path, "", [&] { return LoadTwin(path, TraceOpenOptions{}, &error); });
  if (!twin) throw ParamError("workload", error);
  return twin;
}

}  // namespace

std::shared_ptr<const TwinProfile> ApplyTwinWorkload(Params* p) {
  const std::string w = p->Raw("workload");
  if (w == "zipf") return nullptr;
  if (w.rfind("twin:", 0) != 0 || w.size() == 5)
    throw ParamError("workload", "unknown workload '" + w + "' (zipf, or twin:FILE for a synthetic twin of a trace)");
  for (const char* name : {"alpha", "read-fraction", "value-size"})
    if (!p->IsDefault(name))
      throw ParamError(name, "does not apply with --workload twin: the twin fits it from the trace");
  if (FindParam("trace") && !p->Raw("trace").empty())
    throw ParamError("workload", "give either --trace (replay the trace) or --workload twin: (a synthetic twin of it)");
  auto twin = CachedTwin(w.substr(5));
  p->Set("alpha", Real(std::min(twin->alpha, 10.0)));
  p->Set("read-fraction", Real(twin->get_fraction));
  if (p->IsDefault("keys")) p->Set("keys", std::to_string(std::max<uint64_t>(1, twin->objects)));
  if (p->IsDefault("requests")) p->Set("requests", std::to_string(twin->requests));
  if (p->IsDefault("rate") && twin->mean_rate > 0) {
    double scale = static_cast<double>(p->UInt("requests", 1)) / static_cast<double>(twin->requests);
    p->Set("rate", Real(twin->mean_rate * scale));
  }
  return twin;
}

}  // namespace cachelab
