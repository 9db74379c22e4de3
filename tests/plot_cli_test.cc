// `cachelab plot`'s own checks before it hands the arguments to the cachelab-plot
// helper. The helper is replaced by /bin/true ($CACHELAB_PLOT): whatever reaches
// it succeeds, so a non-zero exit is the CLI's own refusal.
#include <catch2/catch.hpp>
#include <filesystem>

#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

// Found by the independent audit: a --db that does not exist was opened by the
// helper as an empty store and reported as "no runs in 'nonexist.db'".
TEST_CASE("plot names a results file that does not exist") {
  TempDir dir("plot-missing-db");
  const std::string db = dir / "nonexist.db";
  auto r = RunCli("plot --db " + db + " --run last --chart timeline --out " + (dir / "a.png"), "",
                  "CACHELAB_PLOT=/bin/true");
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no results file '" + db + "'") != std::string::npos);
  CHECK(!std::filesystem::exists(db));  // not created by asking
  // The default file ($CACHELAB_DB) is checked the same way.
  auto d = RunCli("plot --run last --out " + (dir / "a.png"), "", "CACHELAB_PLOT=/bin/true CACHELAB_DB=" + db);
  CHECK(d.exit_code == 2);
  CHECK(d.err.find("no results file '" + db + "'") != std::string::npos);
  // Listing the charts needs no file: it reaches the helper.
  CHECK(RunCli("plot --db " + db + " --list-charts", "", "CACHELAB_PLOT=/bin/true").exit_code == 0);
}
