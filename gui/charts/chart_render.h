// Rendering a chart without a window: to an image, or to a PNG/SVG file (by
// the file's extension). Works under the offscreen platform, which is how the
// screenshot command, `cachelab plot` and the tests run.
#pragma once
#include <QImage>
#include <QSize>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cachelab::gui {

inline constexpr QSize kDefaultChartSize{900, 500};

// Takes ownership of `chart`.
QImage RenderChart(QChart* chart, QSize size);
// Takes ownership of `chart`. False (with *error) for an unknown extension or a write failure.
bool SaveChart(QChart* chart, QSize size, const QString& path, QString* error);

}  // namespace cachelab::gui
