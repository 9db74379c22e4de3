#include "results/export.h"

#include <cstdio>
#include <map>

#include "results/report_json.h"

namespace cachelab {
namespace {

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string FieldText(const FieldValue& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return Number(*d);
  return std::get<std::string>(v);
}

// Column names in first-seen order.
class Columns {
 public:
  void Add(const std::string& c) {
    if (index_.emplace(c, names_.size()).second) names_.push_back(c);
  }
  size_t Of(const std::string& c) const { return index_.at(c); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::map<std::string, size_t> index_;
};

std::string Row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
  return out + "\n";
}

}  // namespace

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string SummariesCsv(const std::vector<RunSummary>& runs) {
  Columns cols;
  for (const char* c : {"id", "created_at", "kind", "label", "seed", "run_key"}) cols.Add(c);
  for (const auto& r : runs) {
    for (const auto& [k, v] : r.config) cols.Add("config." + k);
    for (const auto& f : r.fields) cols.Add(f.name);
  }
  std::string out = Row(cols.names());
  for (const auto& r : runs) {
    std::vector<std::string> cells(cols.names().size());
    cells[0] = std::to_string(r.id);
    cells[1] = r.created_at;
    cells[2] = r.kind;
    cells[3] = r.label;
    cells[4] = std::to_string(r.seed);
    cells[5] = r.run_key;
    for (const auto& [k, v] : r.config) cells[cols.Of("config." + k)] = v;
    for (const auto& f : r.fields) cells[cols.Of(f.name)] = FieldText(f.value);
    out += Row(cells);
  }
  return out;
}

nlohmann::ordered_json SummariesJson(const std::vector<RunSummary>& runs) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& s : runs) {
    RunReport r;
    r.fields = s.fields;
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["created_at"] = s.created_at;
    j["kind"] = s.kind;
    j["label"] = s.label;
    j["seed"] = s.seed;
    j["run_key"] = s.run_key;
    j["summary"] = FieldsToJson(r);
    j["config"] = ConfigToJson(s.config);
    arr.push_back(std::move(j));
  }
  return arr;
}

std::string SeriesCsv(const RunReport& run) {
  std::map<SimTime, std::vector<std::string>> rows;  // ordered by time
  std::vector<std::string> header{"t_s"};
  for (size_t s = 0; s < run.series.size(); ++s) {
    const Series& ser = run.series[s];
    header.push_back(ser.unit.empty() ? ser.name : ser.name + " (" + ser.unit + ")");
    for (size_t i = 0; i < ser.t.size(); ++i) {
      auto& row = rows[ser.t[i]];
      row.resize(run.series.size());
      row[s] = Number(ser.v[i]);
    }
  }
  std::string out = Row(header);
  for (auto& [t, cells] : rows) {
    cells.resize(run.series.size());
    cells.insert(cells.begin(), Number(ToSeconds(t)));
    out += Row(cells);
  }
  return out;
}

}  // namespace cachelab
