#include "gui/tests/demo_fixture.h"

#include "gui/tests/fixture_store.h"
#include "results/result_store.h"

namespace cachelab::gui::test {
namespace {

RunReport DemoRun(const std::string& demo, const std::string& variant, const std::string& narrative,
                  const std::string& conclusion, int i) {
  RunReport r = FixtureRun(i);
  r.kind = "demo";
  r.label = demo + ": " + variant;
  r.Set("demo", demo);
  r.Set("variant", variant);
  r.Set("narrative", narrative);
  r.Set("conclusion", conclusion);
  r.Set("loads_per_expiry_mean", 40.0 - 39 * i);
  return r;
}

}  // namespace

void WriteDemoFixtureStore(const QString& path) {
  ResultStore store(path.toStdString());
  store.SaveRun(FixtureRun(0));
  for (int twice = 0; twice < 2; ++twice)
    store.SaveRuns({DemoRun("stampede", "none", kStampedeNarrative, kStampedeConclusion, 0),
                    DemoRun("stampede", "lock", kStampedeNarrative, kStampedeConclusion, 1)});
  store.SaveRuns({DemoRun("jitter", "fixed TTL", "All keys expire together.", "Jitter halved the peak.", 0)});
  RunReport eviction;  // a replay demo: numbers only, no series
  eviction.kind = "demo";
  eviction.label = "eviction: lru";
  eviction.Set("demo", std::string("eviction"));
  eviction.Set("variant", std::string("lru"));
  eviction.Set("narrative", std::string("Scans pollute the cache."));
  eviction.Set("conclusion", std::string("S3-FIFO missed least."));
  eviction.Set("hit_ratio", 0.5);
  store.SaveRun(eviction);
}

}  // namespace cachelab::gui::test
