// A store with teaching-demo runs as `cachelab demo` saves them, for the demo
// page tests: run 1 a plain run, 2-3 and 4-5 two invocations of "stampede"
// (same variants, same conclusion: only adjacency and repeated variants split
// them), 6 a "jitter" invocation, 7 an "eviction" run without any series.
#pragma once
#include <QString>

namespace cachelab::gui::test {

inline constexpr char kStampedeNarrative[] = "One hot key expires every second under heavy load.";
inline constexpr char kStampedeConclusion[] = "The lock cut database loads per expiry from 40 to 1.";

void WriteDemoFixtureStore(const QString& path);

}  // namespace cachelab::gui::test
