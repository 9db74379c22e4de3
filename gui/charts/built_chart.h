// What a chart builder returns: one or more panes (QCharts sharing the runs'
// colours and line styles, e.g. p50 above p99) and the legend as rows of a
// table (name, colour, line style, key figures), drawn beside the panes by
// ChartPanel. Runs whose series are identical share one row ("= #5, #6") and
// are drawn once.
#pragma once
#include <QColor>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "sim/run_report.h"

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractSeries;
class QBarSet;
class QWidget;
QT_END_NAMESPACE

namespace cachelab::gui {

struct LegendRow {
  std::vector<int64_t> ids;  // the run drawn, then the runs identical to it
  QString name;              // from what varies among the runs shown
  QStringList same_names;    // of ids[1..]: the runs identical to the one drawn
  QColor color;
  Qt::PenStyle style = Qt::SolidLine;
  Qt::BrushStyle fill = Qt::NoBrush;  // a bar chart's row: its bars' pattern (the swatch is a bar)
  bool is_event = false;     // an event kind (marker), not a run
  QStringList figures;       // one per BuiltChart::figure_headers
  std::vector<QAbstractSeries*> series;  // everything drawn for this row, in every pane
  std::vector<QBarSet*> bar_sets;        // its bars (a bar set is not a series: hidden by colour)
  // The strategy x invalidation matrix notes of the row's runs (results/pair_label.h):
  // "= cache-aside x ttl", "n/a", "by construction" for runs drawn as this one because they
  // equal it by construction, "#6 = write-through x ttl" for one equal to another cell.
  QString note, note_tip;
  QString cell;  // the drawn run's "strategy x invalidation"
  void AddPairNote(int64_t id, const RunReport& report);
  // A row that is not a run: an event kind, a limit line.
  static LegendRow Mark(const QString& name, const QColor& color, Qt::PenStyle style) {
    LegendRow r;
    r.name = name;
    r.color = color;
    r.style = style;
    r.is_event = true;
    return r;
  }
  QString Label() const;     // "#3 cache-aside = #5 read-through, #6 write-through-delete"
};

struct BuiltChart {
  QString name;      // catalog name
  QString title;
  QString subtitle;  // window length, re-binning, what is missing: said, not hidden
  std::vector<QChart*> panes;  // owned by whoever shows or renders them
  int columns = 1;             // panes per row of the grid
  bool legend_below = false;   // a wide legend (many figures) goes under the panes
  QWidget* custom = nullptr;   // instead of panes (e.g. a heatmap widget)
  QStringList figure_headers;  // key figure columns of the legend
  std::vector<LegendRow> legend;
  bool has_data = false;       // false: the subtitle says what is missing
  bool lacks_some = false;     // drew, but some series it shows are absent (said in the subtitle)

  void Delete();  // frees panes and custom when nobody took them
};

}  // namespace cachelab::gui
