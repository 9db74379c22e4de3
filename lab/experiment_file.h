// Experiment files (TOML). Top-level keys are parameter names exactly as in
// the registry (the `cachelab run` flags without dashes); a key may hold one
// value or a list, and lists span a Cartesian product. One optional [sweep]
// table holds what is not a parameter: name, description, replications,
// metrics. See experiments/reference.toml.
//
// Loading checks everything before anything runs: an unknown key, a wrong type
// or an impossible value throws ExperimentFileError "FILE:LINE: key 'k': why".
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "lab/params.h"

namespace cachelab {

class ExperimentFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SweepSettings {
  std::string name, description;
  uint64_t replications = 1;         // seeds per point: mean and 95% CI in the summary
  std::vector<std::string> metrics;  // summary columns (dotted field names); empty: a default set
  int metrics_line = 0;
};

// A parameter given more than one value, in registry order (first outermost).
struct SweepAxis {
  std::string param;
  std::vector<std::string> values;
  std::vector<int> lines;  // source line of each value
};

// One run of the sweep: a point of the product and one replication of it.
struct SweepRun {
  Params params;  // every parameter, including the replication's seed
  size_t point = 0;
  uint64_t replication = 0;
};

struct ExperimentFile {
  std::string path;
  SweepSettings sweep;
  Params base;  // defaults overridden by every single-valued key
  std::vector<SweepAxis> axes;
  std::vector<std::pair<std::string, int>> key_lines;  // every parameter key given, with its line

  size_t PointCount() const;
  size_t RunCount() const { return PointCount() * sweep.replications; }
  // Points in product order, replications innermost. Replication 0 keeps the
  // point's seed (so it equals `cachelab run` with the same flags); replication
  // r > 0 uses ReplicationSeed(seed, r): every point shares replication r's
  // workload (common random numbers), whatever --jobs is.
  std::vector<SweepRun> Expand() const;
  // Run `index` of Expand(), made on demand: long sweeps stream instead.
  SweepRun Run(size_t index) const;
};

// Experiment files are short texts; a larger input (or an endless stream) is refused.
inline constexpr size_t kMaxExperimentFileBytes = 1 << 20;
// A sweep may have at most this many runs (points x replications).
inline constexpr size_t kMaxSweepRuns = 1000000;
// Loading builds every point of a product up to this size (one request each);
// beyond it, every value of every axis once.
inline constexpr size_t kFullyValidatedPoints = 2000;

uint64_t ReplicationSeed(uint64_t base_seed, uint64_t replication);

// Parses, expands and validates (every point is checked like a run would be).
ExperimentFile LoadExperimentFile(const std::string& path);
ExperimentFile ParseExperimentText(const std::string& text, const std::string& source_name);
// The text of an experiment file, refused (ExperimentFileError naming the
// file) when missing, a directory, over kMaxExperimentFileBytes or binary.
std::string ReadExperimentText(const std::string& path);

// The reference file: every parameter with its default and help, by group.
std::string ReferenceToml();

}  // namespace cachelab
