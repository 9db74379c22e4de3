// A prefetch that survives optimisation. GCC counts a function whose only
// effect is __builtin_prefetch as const and drops calls to it (a hint called
// through a small accessor vanished that way); the empty volatile asm is an
// effect it keeps. A hint only: results never depend on it.
#pragma once

namespace cachelab {

inline void PrefetchLine(const void* p) {
  __builtin_prefetch(p);
  asm volatile("");
}

}  // namespace cachelab
