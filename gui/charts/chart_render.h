// Rendering a chart without a window: to an image, or to a PNG/SVG file (by
// the file's extension). It lays out the same ChartPanel the tabs show
// (panes and legend table), on Qt's offscreen platform when there is no
// display: the screenshot command, `cachelab plot` and the tests. A still
// image shows everything it has: it is larger than asked when the legend
// (e.g. 40 runs) or the panes' axis texts need more room.
#pragma once
#include <QImage>
#include <QSize>
#include <QString>

#include "gui/charts/built_chart.h"

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace cachelab::gui {

inline constexpr QSize kDefaultChartSize{1200, 560};

class ChartPanel;

// Lays `panel` out offscreen for a still image: at `size`, or larger where its
// legend (shown whole, no scroll bars) or its panes' axis texts need it.
void FitForStill(ChartPanel* panel, QSize size);
// Takes ownership of the chart's panes. The image is `size` or larger.
QImage RenderChart(BuiltChart chart, QSize size);
// False (with *error) for an unknown extension or a write failure; *saved: the size written.
bool SaveChart(BuiltChart chart, QSize size, const QString& path, QString* error, QSize* saved = nullptr);
// Any widget (a page, the main window) laid out at `size` offscreen, as PNG or SVG.
bool SaveWidget(QWidget* widget, QSize size, const QString& path, QString* error);

}  // namespace cachelab::gui
