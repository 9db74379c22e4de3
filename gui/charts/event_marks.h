// The runs' events (expiry waves, churn, crashes, outages, warm-up end, lost
// writes) on a time pane: a dashed vertical line at each event and a marker at
// the top, markers of coincident events stacked downwards, hover text naming
// the event. One legend row per event kind, listing its times.
#pragma once
#include <QtCharts/QChart>
#include <vector>

#include "gui/charts/built_chart.h"
#include "gui/models/loaded_run.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace cachelab::gui {

struct EventMark {
  double t_s;
  QString kind, text;  // text: "#3 server-crash at 20 s: application server 1"
};

// The name an event kind is shown under: "warm-up end" for measurement_start.
QString EventLabel(const std::string& kind);
// The events of `runs`, shared events (the same time and kind) once, time order.
std::vector<EventMark> CollectEvents(const std::vector<LoadedRun>& runs);
// Draws the marks on a pane between y_lo and y_hi (log: stacking divides, not
// subtracts); appends the drawn series to the legend row of each kind,
// creating rows as needed.
void AddEventMarks(QChart* pane, QAbstractAxis* x, QAbstractAxis* y, double y_lo, double y_hi, bool log_y,
                   const std::vector<EventMark>& events, std::vector<LegendRow>* legend);

// Names each event kind's legend row by its times: "server-crash: 20 s".
void NameEventRows(const std::vector<EventMark>& events, std::vector<LegendRow>* legend);

}  // namespace cachelab::gui
