#!/usr/bin/env bash
# Mutation check: plants each named one-line bug of the core in a copy of the
# tree, builds only the tests that should catch it, runs them, and prints
# killed (a test failed) or SURVIVED (every test passed: the suite misses it).
#
#   scripts/mutate.sh              every mutation
#   scripts/mutate.sh NAME...      only these (scripts/mutate.sh --list names them)
#
# The copy (tracked and untracked-but-not-ignored files, as they are now) and
# its build live in $MUTATE_DIR (default build/mutate, reused between runs);
# ccache makes the rebuilds cheap. Mutations are applied one at a time and
# reverted, so each build recompiles one file and relinks. Exit status: 0 when
# every mutation was killed, 1 when one survived, 2 on a mutation that no
# longer applies (its line changed: update the list) or does not build.
# See docs/TESTING.md.
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=${MUTATE_DIR:-$root/build/mutate}
jobs=${MUTATE_JOBS:-2}

# name | file | exact text (must occur once) | replacement | tests that must catch it
# (several edits in one file: texts and replacements joined by " ## ")
MUTATIONS=$(cat <<'EOF'
lru-as-fifo|eviction/lru.h|void Access(Handle h, uint64_t) override { list_.MoveToFront(h); }|void Access(Handle, uint64_t) override {}|eviction_policies_test eviction_known_answers_test
redis-lru-no-touch|eviction/redis_sampled.cc|    m.last_access = LruClock(now);|    (void)now;|eviction_redis_test
expiry-at-deadline|sim/redis_store.h|now_ms_ - deadline_base_ms_ >= int64_t{d};|now_ms_ - deadline_base_ms_ >= int64_t{d} - 1;|redis_store_test
active-expiry-25pct|sim/redis_store.cc|kAcceptableStalePercent = 10;|kAcceptableStalePercent = 25;|redis_store_test
small-value-leading-zeros|sim/small_value.h|digits[0] == '0'|digits[0] == '#'|compact_rows_test
key-ids-lazy-keys-off-by-one|sim/key_ids.h|id != kNoKeyId) keys_.At(id) = k;|id != kNoKeyId) keys_.At(id) = k + 1;|compact_rows_test redis_store_by_id_test
commit-single-widen-lost|lab/commit_history.h|pairs_[Index(r)].at[0] = first;|(void)first;|compact_rows_test
ketama-3-points|strategies/partitioners/ketama_partitioner.cc|for (int w = 0; w < 4; ++w)|for (int w = 0; w < 3; ++w)|partitioner_ketama_test
xfetch-linear|strategies/stampede/xfetch_guard.cc|linear_ ? scale * u : -scale * std::log(u)|scale * u|stampede_theory_test
write-behind-lost-rows-as-writes|strategies/write_behind.cc|lost_rows_ += b.order.size();|lost_rows_ += b.writes;|write_strategies_test
write-behind-coalesced-first-label|strategies/write_behind.cc|    b.order[p.last].version = label;|    (void)label;|write_behind_versions_test write_strategies_test
write-behind-crash-version-stays|strategies/write_behind.cc|  for (const Row& row : b.order) h_.invalidation().OnWritesLost(row.key, NewestPending(row.key, server));|  (void)b;|strategy_invalidation_matrix_test write_behind_versions_test
write-behind-crash-skips-flushing|strategies/write_behind.cc|      if (row.key == key) newest = std::max(newest, row.version);|      (void)row;|write_behind_versions_test
db-label-goes-back|sim/sim_database.cc|  if (version <= now) return;|  if (version == now) return;|sim_database_test
write-behind-persisted-rows|strategies/write_behind.cc|persisted_ += b.writes - b.warm;|persisted_ += rows.size() - b.warm;|write_strategies_test
write-through-ack-unpersisted|strategies/write_through.cc|h_.CompleteWrite(id, WriteOutcome{true, false});|h_.CompleteWrite(id, WriteOutcome{false, false});|write_strategies_test
write-through-version-not-moved|strategies/invalidation/version_invalidation.cc|      r->version = std::max(r->version, version);|      (void)version;|strategy_invalidation_matrix_test
tags-keep-relatives|strategies/invalidation/tag_invalidation.cc|      if (m.str.data == self) continue;|      continue;|strategy_invalidation_matrix_test invalidation_tags_test
staleness-two-behind|lab/experiment.cc|if (!o.failed && o.version < current) {|if (!o.failed && o.version + 1 < current) {|staleness_accounting_test
run-key-dedup|results/result_store.cc|CREATE UNIQUE INDEX IF NOT EXISTS runs_run_key ## "ON CONFLICT(run_key) DO NOTHING");|CREATE INDEX IF NOT EXISTS runs_run_key ## "");|store_safety_test sweep_test
db-pool-one-more|sim/sim_database.cc|if (active_ < config_.pool_size) Start(std::move(q));|if (active_ <= config_.pool_size) Start(std::move(q));|sim_database_test
arc-no-promotion|eviction/arc.cc|    data_.MoveToT2(h);|    data_.t1().MoveToFront(h);|eviction_libcachesim_test
export-seed-signed|results/export.cc|  if (f.name == "seed") return std::to_string(seed);|  (void)seed;|export_formats_test
EOF
)

if [[ "${1:-}" == "--list" ]]; then
  cut -d'|' -f1,2,5 <<<"$MUTATIONS" | column -t -s'|'
  exit 0
fi

# The copy: the working tree as it is (uncommitted edits included), minus build outputs.
# Files deleted from the tree must not linger in the copy (the source globs would build them).
mkdir -p "$work/src"
find "$work/src" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
git -C "$root" ls-files -co --exclude-standard -z | tar -C "$root" --null -T - -cf - | tar -C "$work/src" -xf -
src=$work/src
export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root/..}
# ccache caches compiles that use a precompiled header (the tests', CACHELAB_PCH) only with these.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}
if [[ ! -f "$src/build/build.ninja" ]]; then
  cmake -S "$src" -B "$src/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCACHELAB_BUILD_GUI=OFF >/dev/null
fi

printf '%-36s %-10s %s\n' mutation result tests
status=0
while IFS='|' read -r name file from to tests; do
  [[ -z "$name" ]] && continue
  if [[ $# -gt 0 ]] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  path=$src/$file
  cp "$path" "$path.orig"
  if ! python3 - "$path" "$from" "$to" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
# " ## " separates the edits of a mutation that needs more than one line.
for o, n in zip(old.split(" ## "), new.split(" ## ")):
    if text.count(o) != 1:
        sys.exit(1)
    text = text.replace(o, n)
open(path, "w").write(text)
PY
  then
    printf '%-36s %-10s %s\n' "$name" "NOT-FOUND" "$file: the line changed; update scripts/mutate.sh"
    mv "$path.orig" "$path"
    status=2
    continue
  fi
  result=killed
  # shellcheck disable=SC2086
  if ! cmake --build "$src/build" -j"$jobs" --target $tests >"$work/$name.build.log" 2>&1; then
    result=NO-BUILD
    status=2
  else
    regex="^($(tr ' ' '|' <<<"$tests"))\$"
    if ctest --test-dir "$src/build" -R "$regex" >"$work/$name.test.log" 2>&1; then
      result=SURVIVED
      [[ $status -eq 0 ]] && status=1
    fi
    if grep -q "No tests were found" "$work/$name.test.log"; then
      result=NO-TESTS
      status=2
    fi
  fi
  mv "$path.orig" "$path"
  touch "$path"  # the restored file must rebuild before the next mutation's tests
  printf '%-36s %-10s %s\n' "$name" "$result" "$tests"
done <<<"$MUTATIONS"
exit $status
