// The sweep view: metric, x and y chosen in combo boxes over a heatmap whose
// cells show the mean ± 95% CI of the runs they average, and a combo box per
// other varying parameter to hold it at one value or average over it;
// hovering a cell names its runs (and its matrix note), clicking it asks to
// open them (runsRequested).
#pragma once
#include <QWidget>
#include <vector>

#include "gui/models/heatmap.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QHBoxLayout;
class QLabel;
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

// "held at alpha=0.6 · averaged over ttl": what the grid did with the other parameters.
QString StatusText(const Heatmap& h);

class SweepView : public QWidget {
  Q_OBJECT
 public:
  // metric/x/y empty: hit_ratio (or the first metric) over the first two varying
  // parameters; fixed: parameters held at a value (the others are averaged).
  SweepView(std::vector<LoadedRun> runs, const QString& metric, const QString& x, const QString& y,
            const QMap<QString, QString>& fixed = {}, QWidget* parent = nullptr);
  HeatmapGrid* grid() { return grid_; }
  // The combo box holding `dim` ("(average)" or a value), nullptr if it does not vary.
  QComboBox* FixBox(const QString& dim) const;

 signals:
  void runsRequested(const QList<qlonglong>& ids);

 private:
  void Rebuild();
  struct Fix {
    QString dim;
    QLabel* label;
    QComboBox* box;
  };
  std::vector<LoadedRun> runs_;
  QMap<QString, QString> fixed_;
  QComboBox *metric_, *x_, *y_;
  QHBoxLayout* others_;
  QLabel* status_;
  std::vector<Fix> fix_;
  HeatmapGrid* grid_;
};

}  // namespace cachelab::gui
