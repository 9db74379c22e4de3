#include "gui/charts/legend_table.h"

#include <QHeaderView>
#include <QPainter>
#include <QtCharts/QAbstractSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>

namespace cachelab::gui {
namespace {

// A swatch of the row's line: its colour in its dash pattern; a bar's fill for a bar chart's row.
QIcon Swatch(const QColor& color, Qt::PenStyle style, bool marker, Qt::BrushStyle fill) {
  QPixmap pm(36, 14);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  if (fill != Qt::NoBrush) {
    p.setPen(QPen(color.darker(120), 1));
    p.setBrush(QBrush(color, fill));
    p.drawRect(QRectF(8.5, 1.5, 19, 11));
    return QIcon(pm);
  }
  QPen pen(color);
  pen.setWidthF(2.5);
  pen.setStyle(style);
  p.setPen(pen);
  p.drawLine(1, 7, 35, 7);
  if (marker) {
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawPolygon(QPolygonF({QPointF(12, 12), QPointF(24, 12), QPointF(18, 2)}));
  }
  return QIcon(pm);
}

QLineSeries* AsLine(QAbstractSeries* s) {
  auto* line = qobject_cast<QLineSeries*>(s);
  return line && !qobject_cast<QScatterSeries*>(s) ? line : nullptr;
}

}  // namespace

LegendTable::LegendTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("legend");
  setMouseTracking(true);
  setEditTriggers(NoEditTriggers);
  setSelectionMode(NoSelection);
  setWordWrap(false);
  setTextElideMode(Qt::ElideNone);
  setShowGrid(false);
  verticalHeader()->hide();
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setHighlightSections(false);
  setIconSize(QSize(36, 14));
  connect(this, &QTableWidget::cellEntered, this, [this](int row, int) { Highlight(row); });
  connect(this, &QTableWidget::cellClicked, this, [this](int row, int) { Toggle(row); });
}

void LegendTable::SetChart(const BuiltChart& chart) {
  rows_ = chart.legend;
  pens_.clear();
  for (const auto& row : rows_)
    for (QAbstractSeries* s : row.series)
      if (QLineSeries* line = AsLine(s)) pens_[s] = line->pen();
  bar_colors_.clear();
  for (const auto& row : rows_)
    for (QBarSet* b : row.bar_sets) bar_colors_[b] = {b->color(), b->borderColor()};
  clear();
  bool notes = false;  // the matrix column, only when a run has a note
  for (const auto& row : rows_) notes |= !row.note.isEmpty();
  int figures = static_cast<int>(chart.figure_headers.size());
  setColumnCount(1 + figures + (notes ? 1 : 0));
  QStringList headers{tr("run")};
  headers += chart.figure_headers;
  if (notes) headers << tr("note");
  setHorizontalHeaderLabels(headers);
  setRowCount(static_cast<int>(rows_.size()));
  for (int r = 0; r < rowCount(); ++r) {
    const LegendRow& row = rows_[static_cast<size_t>(r)];
    auto* name = new QTableWidgetItem(Swatch(row.color, row.style, row.is_event, row.fill), row.Label());
    name->setToolTip(row.note_tip.isEmpty() ? row.Label() : row.Label() + "\n" + row.note_tip);
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    name->setCheckState(Qt::Checked);
    if (row.is_event) name->setForeground(QColor(80, 80, 80));
    setItem(r, 0, name);
    for (int f = 0; f < row.figures.size(); ++f) {
      auto* cell = new QTableWidgetItem(row.figures[f]);
      cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      cell->setFlags(Qt::ItemIsEnabled);
      setItem(r, 1 + f, cell);
    }
    if (notes) {
      auto* cell = new QTableWidgetItem(row.note);
      cell->setToolTip(row.note_tip);
      cell->setFlags(Qt::ItemIsEnabled);
      setItem(r, 1 + figures, cell);
    }
  }
  resizeColumnsToContents();
}

int LegendTable::NeededWidth() const {
  int w = 2 * frameWidth() + 4;
  for (int c = 0; c < columnCount(); ++c) w += horizontalHeader()->sectionSize(c);
  return w;
}

int LegendTable::NeededHeight() const {
  int h = 2 * frameWidth() + horizontalHeader()->sizeHint().height() + 2;
  for (int r = 0; r < rowCount(); ++r) h += rowHeight(r);
  return h;
}

void LegendTable::ShowWhole() {
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setMinimumSize(NeededWidth(), NeededHeight());
  setMaximumHeight(NeededHeight());
}

void LegendTable::Highlight(int row) {
  for (int r = 0; r < static_cast<int>(rows_.size()); ++r)
    for (QAbstractSeries* s : rows_[static_cast<size_t>(r)].series) {
      QLineSeries* line = AsLine(s);
      if (!line || !pens_.contains(s)) continue;
      QPen pen = pens_[s];
      if (row == r) pen.setWidthF(pen.widthF() * 2);
      if (row >= 0 && row != r) {
        QColor c = pen.color();
        c.setAlpha(50);
        pen.setColor(c);
      }
      line->setPen(pen);
    }
  // Bars: the others fade (a hidden row's bars stay invisible).
  for (int r = 0; r < static_cast<int>(rows_.size()); ++r) {
    if (RowHidden(r)) continue;
    for (QBarSet* b : rows_[static_cast<size_t>(r)].bar_sets) {
      auto [fill, border] = bar_colors_.value(b);
      if (row >= 0 && row != r) fill.setAlphaF(fill.alphaF() * 0.25), border.setAlphaF(border.alphaF() * 0.25);
      b->setColor(fill);
      b->setBorderColor(border);
    }
  }
}

bool LegendTable::RowHidden(int row) const { return item(row, 0) && item(row, 0)->checkState() != Qt::Checked; }

void LegendTable::leaveEvent(QEvent* e) {
  Highlight(-1);
  QTableWidget::leaveEvent(e);
}

void LegendTable::Toggle(int row) {
  if (row < 0 || row >= static_cast<int>(rows_.size())) return;
  bool hide = !RowHidden(row);
  item(row, 0)->setCheckState(hide ? Qt::Unchecked : Qt::Checked);
  for (QAbstractSeries* s : rows_[static_cast<size_t>(row)].series) s->setVisible(!hide);
  for (QBarSet* b : rows_[static_cast<size_t>(row)].bar_sets) {
    auto [fill, border] = bar_colors_.value(b);
    b->setColor(hide ? Qt::transparent : fill);
    b->setBorderColor(hide ? Qt::transparent : border);
  }
}

}  // namespace cachelab::gui
