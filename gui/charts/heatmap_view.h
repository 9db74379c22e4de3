// The sweep view: metric, x and y chosen in combo boxes over a heatmap whose
// cells show the mean ± 95% CI of the runs they average; hovering a cell names
// its runs, clicking it asks to open them (runsRequested).
#pragma once
#include <QWidget>
#include <vector>

#include "gui/models/heatmap.h"

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace cachelab::gui {

class HeatmapGrid : public QWidget {
  Q_OBJECT
 public:
  explicit HeatmapGrid(QWidget* parent = nullptr);
  void SetHeatmap(Heatmap h);
  const Heatmap& heatmap() const { return h_; }
  // The cell under a point of the widget, or {-1, -1}.
  std::pair<int, int> CellAt(QPoint p) const;
  QRect CellRect(int row, int col) const;

 signals:
  void cellClicked(const QList<qlonglong>& ids);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* e) override;
  bool event(QEvent* e) override;  // tooltips

 private:
  QRect Grid() const;
  Heatmap h_;
  double lo_ = 0, hi_ = 1;
};

class SweepView : public QWidget {
  Q_OBJECT
 public:
  // metric/x/y empty: hit_ratio (or the first metric) over the first two varying parameters.
  SweepView(std::vector<LoadedRun> runs, const QString& metric, const QString& x, const QString& y,
            QWidget* parent = nullptr);
  HeatmapGrid* grid() { return grid_; }

 signals:
  void runsRequested(const QList<qlonglong>& ids);

 private:
  void Rebuild();
  std::vector<LoadedRun> runs_;
  QComboBox *metric_, *x_, *y_;
  HeatmapGrid* grid_;
};

}  // namespace cachelab::gui
