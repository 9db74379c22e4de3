#include "gui/charts/chart_panel.h"

#include <QGridLayout>
#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <QtCharts/QChartView>

#include "gui/charts/heatmap_view.h"
#include "gui/charts/legend_table.h"

namespace cachelab::gui {

ChartPanel::ChartPanel(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel;
  QFont f = title_->font();
  f.setPointSizeF(f.pointSizeF() * 1.25);
  f.setBold(true);
  title_->setFont(f);
  title_->setWordWrap(true);  // a long title wraps rather than widen the window
  subtitle_ = new QLabel;
  subtitle_->setObjectName("subtitle");
  subtitle_->setWordWrap(true);
  subtitle_->setStyleSheet("color:#555");
  empty_ = new QLabel;
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setStyleSheet("color:#777; font-size:14pt");
  panes_ = new QWidget;
  grid_ = new QGridLayout(panes_);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(0);
  legend_ = new LegendTable;
  body_ = new QBoxLayout(QBoxLayout::LeftToRight);
  auto* body = body_;
  body->addWidget(panes_, 1);
  body->addWidget(empty_, 1);
  body->addWidget(legend_, 0);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->setSpacing(2);
  layout->addWidget(title_);
  layout->addWidget(subtitle_);
  layout->addLayout(body, 1);
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, Qt::white);
  setPalette(pal);
}

ChartPanel::~ChartPanel() { Clear(); }

void ChartPanel::Clear() {
  for (QChartView* v : views_) {
    grid_->removeWidget(v);
    delete v;  // a view owns its chart
  }
  views_.clear();
  pads_.clear();
  insets_.clear();
  chart_.panes.clear();
  if (chart_.custom) {
    grid_->removeWidget(chart_.custom);
    delete chart_.custom;
    chart_.custom = nullptr;
  }
}

void ChartPanel::SetChart(BuiltChart chart) {
  Clear();
  chart_ = std::move(chart);
  title_->setText(chart_.title);
  subtitle_->setText(chart_.subtitle);
  subtitle_->setVisible(!chart_.subtitle.isEmpty());
  int columns = std::max(1, chart_.columns);
  for (size_t i = 0; i < chart_.panes.size(); ++i) {
    auto* view = new QChartView(chart_.panes[i]);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(160, 120);
    int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
    grid_->addWidget(view, row, col);
    grid_->setRowStretch(row, 1);
    views_.push_back(view);
    pads_.emplace_back();
    insets_.emplace_back(-1, -1);
    // What the pane's axes take on either side, read as its layout lands (then its margins
    // are the ones the layout used); the panes are compared once all have landed.
    QChart* pane = chart_.panes[i];
    connect(pane, &QChart::plotAreaChanged, this, [this, pane, i](const QRectF& plot) {
      insets_[i] = {plot.left() - pads_[i].left(), pane->size().width() - plot.right() - pads_[i].right()};
    });
    connect(pane, &QChart::plotAreaChanged, this, &ChartPanel::AlignPlotAreas, Qt::QueuedConnection);
  }
  if (chart_.custom) {
    grid_->addWidget(chart_.custom, 0, 0);
    if (auto* sweep = qobject_cast<SweepView*>(chart_.custom))
      connect(sweep, &SweepView::runsRequested, this, &ChartPanel::runsRequested);
  }
  bool drawn = !views_.empty() || chart_.custom;
  panes_->setVisible(drawn);
  // Without data there are no axes at all: only the sentence saying what is missing.
  empty_->setVisible(!drawn);
  empty_->setText(chart_.subtitle.isEmpty() ? tr("nothing to draw") : chart_.subtitle);
  legend_->SetChart(chart_);
  legend_->setVisible(!chart_.legend.empty());
  // A legend wider than a side column (long "= #2 ..., #4 ..." names, a note column) goes
  // below the panes, where it has the full width, rather than being cut off beside them.
  constexpr int kSideLegendMax = 560;
  bool below = chart_.legend_below || legend_->NeededWidth() + 20 > kSideLegendMax;
  body_->setDirection(below ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
  if (below) {
    legend_->setMinimumWidth(0);
    legend_->setMaximumWidth(QWIDGETSIZE_MAX);
    legend_->setFixedHeight(std::min(legend_->NeededHeight(), 220));
  } else {
    legend_->setMinimumHeight(0);
    legend_->setMaximumHeight(QWIDGETSIZE_MAX);
    // What the rows need when there is room; squeezed (and scrolling) only in a small window.
    legend_->setMinimumWidth(std::min(legend_->NeededWidth() + 20, 180));
    legend_->setMaximumWidth(std::min(legend_->NeededWidth() + 20, kSideLegendMax));
  }
}

void ChartPanel::AlignPlotAreas() {
  int columns = std::max(1, chart_.columns);
  for (int col = 0; col < columns; ++col) {
    std::vector<size_t> in_col;
    qreal left = 0, right = 0;  // the widest axes in the column set the edges
    for (size_t i = static_cast<size_t>(col); i < views_.size(); i += static_cast<size_t>(columns)) {
      if (insets_[i].first < 0) return;  // a pane not laid out yet
      in_col.push_back(i);
      left = std::max(left, insets_[i].first);
      right = std::max(right, insets_[i].second);
    }
    if (in_col.size() < 2) continue;
    for (size_t i : in_col) {
      QMargins pad(static_cast<int>(std::lround(left - insets_[i].first)), 0,
                   static_cast<int>(std::lround(right - insets_[i].second)), 0);
      if (pad == pads_[i]) continue;
      QChart* c = views_[i]->chart();
      c->setMargins(c->margins() - pads_[i] + pad);
      pads_[i] = pad;
    }
  }
}

}  // namespace cachelab::gui
