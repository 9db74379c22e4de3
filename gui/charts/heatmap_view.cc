#include "gui/charts/heatmap_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "gui/models/replications.h"

namespace cachelab::gui {
namespace {

// A perceptually ordered scale (viridis' anchors): dark = low, yellow = high.
QColor ScaleColor(double f) {
  static const QColor kAnchors[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140),
                                    QColor(94, 201, 98), QColor(253, 231, 37)};
  f = std::clamp(f, 0.0, 1.0) * 4;
  int i = std::min(3, static_cast<int>(f));
  double t = f - i;
  const QColor &a = kAnchors[i], &b = kAnchors[i + 1];
  return QColor::fromRgbF(a.redF() + t * (b.redF() - a.redF()), a.greenF() + t * (b.greenF() - a.greenF()),
                          a.blueF() + t * (b.blueF() - a.blueF()));
}

constexpr int kBarWidth = 18, kGap = 10;

}  // namespace

HeatmapGrid::HeatmapGrid(QWidget* parent) : QWidget(parent) {
  setObjectName("heatmap");
  setMinimumSize(300, 200);
  setMouseTracking(true);
}

void HeatmapGrid::SetHeatmap(Heatmap h) {
  h_ = std::move(h);
  lo_ = 1e300;
  hi_ = -1e300;
  for (const auto& row : h_.cells)
    for (const auto& c : row)
      if (c.value.n) {
        lo_ = std::min(lo_, c.value.mean);
        hi_ = std::max(hi_, c.value.mean);
      }
  if (lo_ > hi_) lo_ = 0, hi_ = 1;
  update();
}

QRect HeatmapGrid::Grid() const {
  QFontMetrics fm = fontMetrics();
  int label_w = 0;
  for (const QString& y : h_.ys) label_w = std::max(label_w, fm.horizontalAdvance(y));
  int left = label_w + kGap + fm.height() + 4, bottom = 2 * fm.height() + kGap;
  int right = kBarWidth + kGap + fm.horizontalAdvance("0.00000") + kGap;
  return QRect(left, 4, std::max(10, width() - left - right), std::max(10, height() - 4 - bottom));
}

QRect HeatmapGrid::CellRect(int row, int col) const {
  QRect g = Grid();
  int nx = std::max<int>(1, h_.xs.size()), ny = std::max<int>(1, h_.ys.size());
  int x0 = g.left() + g.width() * col / nx, x1 = g.left() + g.width() * (col + 1) / nx;
  int y0 = g.top() + g.height() * row / ny, y1 = g.top() + g.height() * (row + 1) / ny;
  return QRect(QPoint(x0, y0), QPoint(x1 - 1, y1 - 1));
}

std::pair<int, int> HeatmapGrid::CellAt(QPoint p) const {
  for (int r = 0; r < h_.ys.size(); ++r)
    for (int c = 0; c < h_.xs.size(); ++c)
      if (CellRect(r, c).contains(p)) return {r, c};
  return {-1, -1};
}

void HeatmapGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), Qt::white);
  p.setRenderHint(QPainter::Antialiasing);
  QFontMetrics fm = fontMetrics();
  for (int r = 0; r < h_.ys.size(); ++r)
    for (int c = 0; c < h_.xs.size(); ++c) {
      const HeatCell& cell = h_.cells[static_cast<size_t>(r)][static_cast<size_t>(c)];
      QRect rc = CellRect(r, c);
      if (!cell.value.n) {
        p.fillRect(rc, QColor(235, 235, 235));
        p.setPen(QColor(120, 120, 120));
        p.drawText(rc, Qt::AlignCenter, cell.ids.empty() ? tr("no run") : tr("no %1").arg(h_.metric));
        continue;
      }
      double f = hi_ > lo_ ? (cell.value.mean - lo_) / (hi_ - lo_) : 0.5;
      QColor bg = ScaleColor(f);
      p.fillRect(rc, bg);
      p.setPen(qGray(bg.rgb()) < 128 ? Qt::white : Qt::black);
      QString text = IntervalText(cell.value);
      if (cell.value.n > 1) text += QStringLiteral("\nn=%1").arg(cell.value.n);
      if (!cell.mark.isEmpty()) text += "\n" + cell.mark;
      if (cell.mark.startsWith(QStringLiteral("n/a")))  // an idle scheme: hatched, the number is real
        p.fillRect(rc, QBrush(qGray(bg.rgb()) < 128 ? QColor(255, 255, 255, 90) : QColor(0, 0, 0, 60), Qt::BDiagPattern));
      p.drawText(rc.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap, text);
    }
  QRect g = Grid();
  p.setPen(Qt::black);
  for (int r = 0; r < h_.ys.size(); ++r) {
    QRect rc = CellRect(r, 0);
    p.drawText(QRect(0, rc.top(), g.left() - kGap, rc.height()), Qt::AlignRight | Qt::AlignVCenter, h_.ys[r]);
  }
  for (int c = 0; c < h_.xs.size(); ++c) {
    QRect rc = CellRect(0, c);
    p.drawText(QRect(rc.left(), g.bottom() + 4, rc.width(), fm.height()), Qt::AlignCenter, h_.xs[c]);
  }
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  p.drawText(QRect(g.left(), g.bottom() + 4 + fm.height(), g.width(), fm.height() + 4), Qt::AlignCenter, h_.x);
  if (!h_.y.isEmpty()) {
    p.save();
    p.translate(fm.height() / 2 + 2, g.center().y());
    p.rotate(-90);
    p.drawText(QRect(-g.height() / 2, -fm.height() / 2 - 2, g.height(), fm.height() + 4), Qt::AlignCenter, h_.y);
    p.restore();
  }
  p.setFont(font());
  // The colour bar: the scale from the lowest cell mean to the highest.
  QRect bar(g.right() + kGap, g.top(), kBarWidth, g.height());
  for (int y = 0; y < bar.height(); ++y)
    p.fillRect(QRect(bar.left(), bar.bottom() - y, bar.width(), 1), ScaleColor(double(y) / std::max(1, bar.height() - 1)));
  p.drawRect(bar);
  p.drawText(bar.right() + 4, bar.top() + fm.ascent(), IntervalText(MeanCI95({hi_})));
  p.drawText(bar.right() + 4, bar.bottom(), IntervalText(MeanCI95({lo_})));
}

void HeatmapGrid::mousePressEvent(QMouseEvent* e) {
  auto [r, c] = CellAt(e->pos());
  if (r < 0) return;
  QList<qlonglong> ids;
  for (int64_t id : h_.cells[static_cast<size_t>(r)][static_cast<size_t>(c)].ids) ids << id;
  if (!ids.isEmpty()) emit cellClicked(ids);
}

bool HeatmapGrid::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    auto [r, c] = CellAt(help->pos());
    if (r < 0) {
      QToolTip::hideText();
      return true;
    }
    const HeatCell& cell = h_.cells[static_cast<size_t>(r)][static_cast<size_t>(c)];
    QStringList ids;
    for (int64_t id : cell.ids) ids << QStringLiteral("#%1").arg(id);
    QString tip = tr("%1 = %2, %3 = %4\n%5: %6\nruns %7 (click to open them)")
                      .arg(h_.x, h_.xs[c], h_.y, h_.ys[r], h_.metric, IntervalText(cell.value), ids.join(", "));
    if (!cell.note.isEmpty()) tip += "\n" + cell.note;
    QToolTip::showText(help->globalPos(), tip);
    return true;
  }
  return QWidget::event(e);
}

SweepView::SweepView(std::vector<LoadedRun> runs, const QString& metric, const QString& x, const QString& y,
                     const QMap<QString, QString>& fixed, QWidget* parent)
    : QWidget(parent), runs_(std::move(runs)), fixed_(fixed) {
  metric_ = new QComboBox;
  x_ = new QComboBox;
  y_ = new QComboBox;
  metric_->addItems(NumericFields(runs_));
  QStringList dims = SweepDimensions(runs_);
  x_->addItems(dims);
  y_->addItem(tr("(none)"), QString());
  for (const QString& d : dims) y_->addItem(d, d);
  metric_->setCurrentText(!metric.isEmpty() ? metric : metric_->findText("hit_ratio") >= 0 ? "hit_ratio" : metric_->itemText(0));
  x_->setCurrentText(!x.isEmpty() ? x : dims.value(0));
  int yi = y_->findData(!y.isEmpty() ? y : dims.value(1));
  y_->setCurrentIndex(yi >= 0 ? yi : 0);
  auto* bar = new QHBoxLayout;
  for (auto [label, box] : {std::pair{tr("metric"), metric_}, std::pair{tr("x"), x_}, std::pair{tr("y"), y_}}) {
    bar->addWidget(new QLabel(label));
    bar->addWidget(box);
  }
  bar->addStretch(1);
  // The other dimensions: each held at a value, or averaged over.
  others_ = new QHBoxLayout;
  for (const QString& d : dims) {
    auto* box = new QComboBox;
    box->setObjectName("fix-" + d);
    box->addItem(tr("(average)"), QString());
    for (const QString& v : DimensionValues(runs_, d)) box->addItem(v, v);
    if (fixed_.contains(d)) box->setCurrentIndex(std::max(0, box->findData(fixed_[d])));
    auto* label = new QLabel(d);
    others_->addWidget(label);
    others_->addWidget(box);
    fix_.push_back({d, label, box});
    connect(box, &QComboBox::currentIndexChanged, this, &SweepView::Rebuild);
  }
  others_->addStretch(1);
  status_ = new QLabel;
  status_->setObjectName("sweep-status");
  others_->addWidget(status_);
  grid_ = new HeatmapGrid;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addLayout(others_);
  layout->addWidget(grid_, 1);
  for (QComboBox* b : {metric_, x_, y_})
    connect(b, &QComboBox::currentIndexChanged, this, &SweepView::Rebuild);
  connect(grid_, &HeatmapGrid::cellClicked, this, &SweepView::runsRequested);
  Rebuild();
}

QComboBox* SweepView::FixBox(const QString& dim) const {
  for (const auto& f : fix_)
    if (f.dim == dim) return f.box;
  return nullptr;
}

void SweepView::Rebuild() {
  QString x = x_->currentText(), y = y_->currentData().toString();
  QMap<QString, QString> fixed;
  for (const auto& f : fix_) {
    bool axis = f.dim == x || f.dim == y;  // x and y are drawn, never fixed
    f.label->setVisible(!axis);
    f.box->setVisible(!axis);
    if (!axis && !f.box->currentData().toString().isEmpty()) fixed[f.dim] = f.box->currentData().toString();
  }
  grid_->SetHeatmap(ComputeHeatmap(runs_, metric_->currentText(), x, y, fixed));
  status_->setText(StatusText(grid_->heatmap()));
}

QString StatusText(const Heatmap& h) {
  QStringList parts;
  if (!h.fixed.isEmpty()) parts << QObject::tr("held at %1").arg(h.fixed.join(", "));
  if (!h.averaged.isEmpty())
    parts << QObject::tr("averaged over %1 (each value alike; the CI from replications only)").arg(h.averaged.join(", "));
  return parts.join(" · ");
}

}  // namespace cachelab::gui
