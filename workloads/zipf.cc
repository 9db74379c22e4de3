#include "workloads/zipf.h"

#include <cmath>
#include <cstring>
#include <cstdio>
#include <stdexcept>

#include "workloads/memo.h"

namespace cachelab {
namespace {

uint32_t ToThreshold(double p) {
  double t = std::round(p * 4294967296.0);
  return t >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(t);
}

}  // namespace

ZipfSampler::ZipfSampler(uint64_t n, double alpha)
    : n_(n), alpha_(alpha), uniform_(alpha == 0), table_(Shared(n, alpha)), cells_(table_->cells.get()) {}

std::shared_ptr<const ZipfSampler::Table> ZipfSampler::Shared(uint64_t n, double alpha) {
  if (n == 0) throw std::invalid_argument("Zipf keyspace must be > 0");
  if (n > UINT32_MAX) throw std::invalid_argument("Zipf keyspace too large for the alias table");
  if (!(alpha >= 0)) throw std::invalid_argument("Zipf alpha must be >= 0");
  static Memo<Table> memo(1);  // one table kept: the probe's, for the run after it
  char key[64];                // alpha exactly (its bits), not as printed
  uint64_t bits;
  std::memcpy(&bits, &alpha, sizeof bits);
  std::snprintf(key, sizeof key, "%llu %llx", static_cast<unsigned long long>(n), static_cast<unsigned long long>(bits));
  return memo.Get(key, [&] { return Build(n, alpha); });
}

std::shared_ptr<const ZipfSampler::Table> ZipfSampler::Build(uint64_t n, double alpha) {
  auto t = std::make_shared<Table>();
  // Sum smallest terms first for accuracy. Each term i^-alpha is kept (in the
  // cells' own storage) for the scaled probabilities below: one pow a key.
  static_assert(sizeof(Cell) == sizeof(double));
  std::unique_ptr<Cell[]> cells;
  if (alpha != 0) cells = std::make_unique_for_overwrite<Cell[]>(n);  // every cell is written first
  auto scaled_at = [&cells](uint64_t i) -> double {
    double d;
    std::memcpy(&d, &cells[i], sizeof d);
    return d;
  };
  auto set_scaled = [&cells](uint64_t i, double d) { std::memcpy(&cells[i], &d, sizeof d); };
  for (uint64_t i = n; i >= 1; --i) {
    double term = std::pow(static_cast<double>(i), -alpha);
    t->norm += term;
    if (cells) set_scaled(i - 1, term);
  }
  if (!cells) return t;
  // Vose's alias method with two memory savings (the table is the same): an
  // index's scaled probability is last read when its cell is written, so the
  // doubles live in the cells' own storage; and the small and large stacks
  // share one array of n ids (small grows up from 0, large down from n; they
  // hold at most n ids together). Peak: 12 bytes a key instead of 20-28.
  std::unique_ptr<uint32_t[]> stacks = std::make_unique_for_overwrite<uint32_t[]>(n);
  size_t small = 0, large = n;  // small: stacks[0, small); large: stacks[large, n), top at `large`
  const double norm = t->norm;
  for (uint64_t i = 0; i < n; ++i) {
    double d = scaled_at(i) / norm * static_cast<double>(n);  // Probability(i) * n, the same operations
    set_scaled(i, d);
    if (d < 1.0) stacks[small++] = static_cast<uint32_t>(i);
    else stacks[--large] = static_cast<uint32_t>(i);
  }
  while (small > 0 && large < n) {
    uint32_t s = stacks[--small], l = stacks[large];
    double ds = scaled_at(s);
    double dl = (scaled_at(l) + ds) - 1.0;
    cells[s] = Cell{ToThreshold(ds), l};
    set_scaled(l, dl);
    if (dl < 1.0) {
      ++large;
      stacks[small++] = l;
    }
  }
  for (size_t j = large; j < n; ++j) cells[stacks[j]] = Cell{UINT32_MAX, stacks[j]};
  for (size_t j = 0; j < small; ++j) cells[stacks[j]] = Cell{UINT32_MAX, stacks[j]};
  t->cells = std::move(cells);
  return t;
}

double ZipfSampler::Probability(uint64_t i) const {
  return std::pow(static_cast<double>(i + 1), -alpha_) / table_->norm;
}

}  // namespace cachelab
