// One chart as the user sees it: its title and subtitle (window length,
// re-binning, what is missing), its panes stacked in a grid and the legend
// table beside them. The same widget is shown in the tabs and rendered for
// screenshots and `cachelab plot`, so both look alike.
#pragma once
#include <QMargins>
#include <QWidget>
#include <vector>

#include "gui/charts/built_chart.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QLabel;
class QGridLayout;
class QBoxLayout;
QT_END_NAMESPACE

namespace cachelab::gui {

class LegendTable;

class ChartPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ChartPanel(QWidget* parent = nullptr);
  ~ChartPanel() override;
  // Takes ownership of the chart's panes (and custom widget); drops the previous ones.
  void SetChart(BuiltChart chart);
  const BuiltChart& chart() const { return chart_; }
  LegendTable* legend() { return legend_; }
  const std::vector<QChartView*>& views() const { return views_; }
  QLabel* subtitle() { return subtitle_; }

 signals:
  // A view in the chart asked to open runs (a sweep cell clicked).
  void runsRequested(const QList<qlonglong>& ids);

 private:
  void Clear();
  // Pads the panes' margins so that the plot areas of the panes in a grid column
  // share their left and right edges: a time is at one x in every pane.
  void AlignPlotAreas();
  BuiltChart chart_;
  std::vector<QMargins> pads_;  // per view: added to its pane's own margins
  std::vector<std::pair<qreal, qreal>> insets_;  // per view: plot area's left and right inset, unpadded
  QLabel* title_;
  QLabel* subtitle_;
  QLabel* empty_;
  QWidget* panes_;
  QGridLayout* grid_;
  QBoxLayout* body_;  // panes and legend: side by side, or the legend below
  LegendTable* legend_;
  std::vector<QChartView*> views_;
};

}  // namespace cachelab::gui
