#include "gui/models/demo_invocations.h"

#include <algorithm>

namespace cachelab::gui {

QString FieldText(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name) {
      const auto* s = std::get_if<std::string>(&f.value);
      return s ? QString::fromStdString(*s) : QString();
    }
  return {};
}

std::vector<DemoInvocation> GroupDemoRuns(const std::vector<RunSummary>& runs) {
  std::vector<DemoInvocation> out;
  int64_t prev_id = -1;
  for (const auto& r : runs) {  // ListRuns is in id order
    QString demo = FieldText(r.fields, "demo");
    if (r.kind != "demo" || demo.isEmpty()) {
      prev_id = -1;
      continue;
    }
    QString variant = FieldText(r.fields, "variant"), conclusion = FieldText(r.fields, "conclusion");
    DemoInvocation* cur = out.empty() ? nullptr : &out.back();
    // Another invocation starts at a gap, another demo or conclusion, or a variant seen again.
    bool same = cur && prev_id + 1 == r.id && cur->demo == demo && cur->conclusion == conclusion &&
                !cur->variants.contains(variant);
    if (!same) {
      out.push_back({demo, {}, {}, QString::fromStdString(r.created_at), FieldText(r.fields, "narrative"), conclusion});
      cur = &out.back();
    }
    cur->ids.push_back(r.id);
    cur->variants << variant;
    prev_id = r.id;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

const DemoInvocation* LatestInvocation(const std::vector<DemoInvocation>& all, const QString& demo) {
  for (const auto& d : all)
    if (d.demo == demo) return &d;
  return nullptr;
}

}  // namespace cachelab::gui
