#include "cli/pair_notes.h"

#include <algorithm>

#include "results/pair_label.h"

namespace cachelab::cli {
namespace {

bool IdentifiesRow(const Column& c) {
  return c.field == "strategy" || c.field == "invalidation" || c.field == "stampede";
}

// The run in `reports` that is cell `same_as` ("cache-aside x ttl") with r's other comparison parameters.
const RunReport* TwinOf(const std::vector<RunReport>& reports, const RunReport& r, const std::string& same_as) {
  for (const RunReport& t : reports)
    if (t.ConfigValue("strategy") + " x " + t.ConfigValue("invalidation") == same_as &&
        t.ConfigValue("stampede") == r.ConfigValue("stampede") && &t != &r)
      return &t;
  return nullptr;
}

bool SameNumbers(const RunReport& a, const RunReport& b, const std::vector<Column>& columns) {
  for (const Column& c : columns) {
    if (IdentifiesRow(c)) continue;
    const FieldValue *x = a.Get(c.field), *y = b.Get(c.field);
    if ((x == nullptr) != (y == nullptr) || (x && *x != *y)) return false;
  }
  return true;
}

}  // namespace

std::string AnnotatedComparisonTable(const std::vector<RunReport>& reports, const std::vector<Column>& columns) {
  std::vector<PairLabel> labels;
  bool any = false;
  for (const RunReport& r : reports) {
    labels.push_back(PairLabelOf(r));
    any |= !labels.back().mark.empty();
  }
  if (!any) return ComparisonTable(reports, columns);
  std::vector<std::string> headers, notes;  // notes: each distinct reason once, in first-seen order
  for (const Column& c : columns) headers.push_back(c.header);
  headers.push_back("note");
  std::vector<std::vector<std::string>> rows;
  bool repeats = false, na = false;
  for (size_t i = 0; i < reports.size(); ++i) {
    const RunReport& r = reports[i];
    const PairLabel& l = labels[i];
    const RunReport* twin = l.same_as.empty() ? nullptr : TwinOf(reports, r, l.same_as);
    bool repeat = twin && SameNumbers(r, *twin, columns);
    repeats |= repeat;
    na |= l.mark == "n/a";
    std::vector<std::string> row;
    for (const Column& c : columns) row.push_back(repeat && !IdentifiesRow(c) ? "=" : FormatValue(r, c));
    if (!l.mark.empty()) {
      auto at = std::find(notes.begin(), notes.end(), l.note);
      if (at == notes.end()) at = notes.insert(notes.end(), l.note);
      row.push_back(l.mark + " [" + std::to_string(at - notes.begin() + 1) + "]");
    }
    rows.push_back(std::move(row));
  }
  std::string out = FormatTable(headers, rows);
  for (size_t n = 0; n < notes.size(); ++n) out += "[" + std::to_string(n + 1) + "] " + notes[n] + "\n";
  if (repeats) out += "=: the numbers are exactly those of the cell the note names, in this table\n";
  if (na) out += "n/a: the scheme has nothing to act on under this strategy (the numbers are real, the scheme idle)\n";
  return out;
}

}  // namespace cachelab::cli
