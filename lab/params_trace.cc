// Parameters of trace-driven runs (--trace) and of run length and warm-up.
#include "lab/params.h"

namespace cachelab {

std::vector<ParamDef> TraceParamDefs() {
  return {
      {"trace", "", "a trace file as the workload (oracleGeneral, vscsi, txt, csv, twitter, kvcache, cdn, cache2k, scarab, lcs, lirs, arc, address, snia-tencent-photo; "
                    ".zst/.gz/.xz/.bz2 too): replaces "
                    "--keys, --alpha, --read-fraction and --requests",
       "trace"},
      {"format", "", "trace format (default: from the file name and a csv header)", "trace"},
      {"csv-spec", "", "csv trace columns, e.g. \"time-col=1, obj-id-col=2, obj-size-col=3, op-col=4, ttl-col=5\"",
       "trace"},
      {"skip-bad", "false", "skip (and count) malformed trace records instead of stopping", "trace"},
      {"timing", "auto",
       "arrivals: original (the trace's timestamps), rate (Poisson at --rate), closed (--clients, --think-time); "
       "auto: original when the trace has times",
       "trace"},
      {"time-scale", "1", "original timing: F > 1 replays the trace F times faster", "trace"},
      {"warmup", "0",
       "warm-up excluded from every metric: requests (50000), a fraction (20%) or simulated time (30s)", "run"},
      {"max-requests", "0", "stop after this many requests, warm-up included (0 = no limit)", "run"},
      {"duration", "0", "stop issuing requests after this much simulated time (0 = no limit)", "run"},
  };
}

}  // namespace cachelab
