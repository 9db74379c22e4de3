#include "gui/models/replications.h"

#include <QLocale>
#include <cmath>

#include "gui/models/run_names.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

std::vector<std::pair<std::string, std::string>> WithoutSeed(const RunReport& r) {
  std::vector<std::pair<std::string, std::string>> c;
  for (const auto& kv : r.config)
    if (kv.first != "seed") c.push_back(kv);
  return c;
}

QString Short(double v) {
  if (!std::isfinite(v)) return QStringLiteral("–");
  if (std::abs(v) >= 1000) return QLocale(QLocale::English).toString(v, 'f', 0);
  return QString::number(v, 'g', 3);
}

}  // namespace

std::vector<RunGroup> GroupReplications(const std::vector<LoadedRun>& runs) {
  std::vector<RunGroup> groups;
  std::vector<std::vector<std::pair<std::string, std::string>>> keys;
  for (size_t i = 0; i < runs.size(); ++i) {
    auto key = WithoutSeed(runs[i].report);
    bool placed = false;
    for (size_t g = 0; g < groups.size() && !placed; ++g)
      if (keys[g] == key && runs[groups[g].members.front()].report.kind == runs[i].report.kind) {
        groups[g].members.push_back(i);
        placed = true;
      }
    if (!placed) {
      groups.push_back({{i}, {}});
      keys.push_back(std::move(key));
    }
  }
  // Name the groups by their first runs, with the seed left out of what varies.
  std::vector<LoadedRun> reps;
  for (size_t g = 0; g < groups.size(); ++g) {
    const LoadedRun& first = runs[groups[g].members.front()];
    LoadedRun rep{first.id, first.name, {}};
    rep.report.kind = first.report.kind;
    rep.report.label = first.report.label;
    rep.report.config = keys[g];
    rep.report.fields = first.report.fields;
    reps.push_back(std::move(rep));
  }
  NameByVaryingParameters(reps);
  for (size_t g = 0; g < groups.size(); ++g) groups[g].name = reps[g].name;
  return groups;
}

Interval FieldInterval(const std::vector<LoadedRun>& runs, const RunGroup& g, const std::string& field) {
  std::vector<double> xs;
  for (size_t i : g.members)
    if (auto v = FieldNumber(runs[i].report.fields, field)) xs.push_back(*v);
  return MeanCI95(xs);
}

QString IntervalText(const Interval& i, double scale) {
  if (i.n == 0) return QStringLiteral("–");
  if (i.n == 1) return Short(i.mean * scale);
  return Short(i.mean * scale) + QStringLiteral(" ± ") + Short(i.half_width * scale);
}

}  // namespace cachelab::gui
