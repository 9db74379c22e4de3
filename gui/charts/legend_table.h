// The legend as a table beside the chart: a row per drawn run (or group of
// identical runs) and per event kind, with its colour and line style, name
// and key figures. Hovering a row highlights its series (the others fade);
// clicking a row's box hides or shows them (lines, markers and bars alike).
// In a window it scrolls, so 20 runs fit; a still image shows it whole.
#pragma once
#include <QHash>
#include <QPen>
#include <QTableWidget>

#include "gui/charts/built_chart.h"

namespace cachelab::gui {

class LegendTable : public QTableWidget {
  Q_OBJECT
 public:
  explicit LegendTable(QWidget* parent = nullptr);
  // The rows of `chart` (its series stay owned by its panes).
  void SetChart(const BuiltChart& chart);
  // Width the columns need at the current font, so nothing is elided.
  int NeededWidth() const;
  // Height every row needs, header and frame included.
  int NeededHeight() const;
  // For a still image, which cannot scroll: no scroll bars, every row and column shown.
  void ShowWhole();
  QSize sizeHint() const override { return {NeededWidth() + 20, QTableWidget::sizeHint().height()}; }
  void Highlight(int row);  // -1: none
  bool RowHidden(int row) const;

 protected:
  void leaveEvent(QEvent* e) override;

 private:
  void Toggle(int row);
  std::vector<LegendRow> rows_;
  QHash<QAbstractSeries*, QPen> pens_;  // as built, restored when the highlight ends
  QHash<QBarSet*, std::pair<QColor, QColor>> bar_colors_;  // fill, border as built
};

}  // namespace cachelab::gui
