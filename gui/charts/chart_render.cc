#include "gui/charts/chart_render.h"

#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>
#include <QtCharts/QChart>
#include <memory>

namespace cachelab::gui {
namespace {

// Lays the chart out at `size` in a scene of its own and paints it.
void Paint(QChart* chart, QSize size, QPaintDevice* device) {
  QGraphicsScene scene;
  scene.addItem(chart);  // the scene now owns the chart
  chart->setGeometry(QRectF(QPointF(0, 0), size));
  chart->layout()->activate();  // lay out now, not on the next event loop pass
  QPainter painter(device);
  painter.setRenderHint(QPainter::Antialiasing);
  QRectF rect(QPointF(0, 0), size);
  scene.render(&painter, rect, rect);
}

}  // namespace

QImage RenderChart(QChart* chart, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  Paint(chart, size, &image);
  return image;
}

bool SaveChart(QChart* chart, QSize size, const QString& path, QString* error) {
  std::unique_ptr<QChart> owned(chart);
  if (path.endsWith(".svg", Qt::CaseInsensitive)) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(chart->title());
    Paint(owned.release(), size, &svg);
    if (QFileInfo::exists(path)) return true;  // QSvgGenerator reports no errors itself
    if (error) *error = QStringLiteral("cannot write '%1'").arg(path);
    return false;
  }
  if (!path.endsWith(".png", Qt::CaseInsensitive)) {
    if (error) *error = QStringLiteral("'%1': the output must end in .png or .svg").arg(path);
    return false;
  }
  if (!RenderChart(owned.release(), size).save(path, "PNG")) {
    if (error) *error = QStringLiteral("cannot write '%1'").arg(path);
    return false;
  }
  return true;
}

}  // namespace cachelab::gui
