#include "gui/charts/chart_render.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

#include "gui/charts/chart_panel.h"

namespace cachelab::gui {
namespace {

// Shown without a screen, so layouts settle as they would in a window.
void LayOut(QWidget* w, QSize size) {
  w->setAttribute(Qt::WA_DontShowOnScreen);
  w->resize(size);
  w->show();
  for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
}

}  // namespace

QImage RenderChart(BuiltChart chart, QSize size) {
  ChartPanel panel;
  panel.SetChart(std::move(chart));
  LayOut(&panel, size);
  return panel.grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

bool SaveWidget(QWidget* widget, QSize size, const QString& path, QString* error) {
  LayOut(widget, size);
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

bool SaveChart(BuiltChart chart, QSize size, const QString& path, QString* error) {
  ChartPanel panel;
  panel.SetChart(std::move(chart));
  return SaveWidget(&panel, size, path, error);
}

}  // namespace cachelab::gui
