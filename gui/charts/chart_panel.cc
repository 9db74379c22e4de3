#include "gui/charts/chart_panel.h"

#include <QGridLayout>
#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
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
    int rows = legend_->horizontalHeader()->height() + 2 * legend_->frameWidth() + 4;
    for (int r = 0; r < legend_->rowCount(); ++r) rows += legend_->rowHeight(r);
    legend_->setFixedHeight(std::min(rows, 220));
  } else {
    legend_->setMinimumHeight(0);
    legend_->setMaximumHeight(QWIDGETSIZE_MAX);
    // What the rows need when there is room; squeezed (and scrolling) only in a small window.
    legend_->setMinimumWidth(std::min(legend_->NeededWidth() + 20, 180));
    legend_->setMaximumWidth(std::min(legend_->NeededWidth() + 20, kSideLegendMax));
  }
}

}  // namespace cachelab::gui
