#include "gui/charts/chart_render.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QLayout>
#include <QWidget>
#include <QtCharts/QChartView>
#include <cmath>

#include "gui/charts/chart_panel.h"
#include "gui/charts/legend_table.h"
#include "gui/charts/pane_room.h"

namespace cachelab::gui {
namespace {

// Shown without a screen, so layouts settle as they would in a window (the
// panes' alignment is a second, queued pass). A widget whose layout needs more
// than `size` gets what it needs.
void LayOut(QWidget* w, QSize size) {
  w->setAttribute(Qt::WA_DontShowOnScreen);
  // Minimums as they are now, not as they were: nested layouts first.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  if (QLayout* l = w->layout()) {
    l->invalidate();
    l->activate();
  }
  w->resize(size);  // a top-level widget is never smaller than its layout's minimum
  w->show();
  for (int i = 0; i < 6; ++i) QCoreApplication::processEvents();
}

}  // namespace

// A still image can neither scroll nor show an elided text's tooltip: the legend
// is shown whole and every pane gets the room its axis titles and tick labels
// need (what a pane spends outside its plot area is measured with room to spare).
void FitForStill(ChartPanel* panel, QSize size) {
  panel->legend()->ShowWhole();
  for (QChartView* v : panel->views()) v->setMinimumSize(600, 400);
  LayOut(panel, size);
  for (QChartView* v : panel->views()) {
    QRectF plot = v->chart()->plotArea();
    QSizeF need = PlotAreaNeeded(v->chart());
    v->setMinimumSize(static_cast<int>(std::ceil(v->width() - plot.width() + need.width())),
                      static_cast<int>(std::ceil(v->height() - plot.height() + need.height())));
  }
  LayOut(panel, size);
}

QImage RenderChart(BuiltChart chart, QSize size) {
  ChartPanel panel;
  panel.SetChart(std::move(chart));
  FitForStill(&panel, size);
  return panel.grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

bool SaveWidget(QWidget* widget, QSize size, const QString& path, QString* error) {
  LayOut(widget, size);
  size = widget->size();
  if (path.endsWith(".svg", Qt::CaseInsensitive)) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    {
      QPainter painter(&svg);
      widget->render(&painter);
    }
    if (QFileInfo::exists(path)) return true;  // QSvgGenerator reports no errors itself
    if (error) *error = QStringLiteral("cannot write '%1'").arg(path);
    return false;
  }
  if (!path.endsWith(".png", Qt::CaseInsensitive)) {
    if (error) *error = QStringLiteral("'%1': the output must end in .png or .svg").arg(path);
    return false;
  }
  if (!widget->grab().save(path, "PNG")) {
    if (error) *error = QStringLiteral("cannot write '%1'").arg(path);
    return false;
  }
  return true;
}

bool SaveChart(BuiltChart chart, QSize size, const QString& path, QString* error, QSize* saved) {
  ChartPanel panel;
  panel.SetChart(std::move(chart));
  FitForStill(&panel, size);
  if (saved) *saved = panel.size();
  return SaveWidget(&panel, panel.size(), path, error);
}

}  // namespace cachelab::gui
