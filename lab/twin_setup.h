// --workload twin:FILE: fits the trace's twin (workloads/twin.h) and rewrites
// the parameters it implies, so the stored config shows what ran.
#pragma once
#include <memory>

#include "lab/params.h"
#include "workloads/twin.h"

namespace cachelab {

// nullptr for --workload zipf. For twin:FILE: --alpha and --read-fraction
// become the fitted values; --keys and --requests default to the trace's
// objects and requests (give them to scale); --rate defaults to the trace's
// mean rate scaled by requests / trace requests (the same span of time).
// Throws ParamError for an unknown workload, a bad trace (file and line), or
// --alpha/--read-fraction/--value-size given with a twin.
std::shared_ptr<const TwinProfile> ApplyTwinWorkload(Params* p);

}  // namespace cachelab
