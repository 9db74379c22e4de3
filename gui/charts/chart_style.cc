#include "gui/charts/chart_style.h"

#include <QFont>
#include <QLocale>
#include <QtCharts/QBarSet>
#include <QtCharts/QLegend>
#include <cmath>

namespace cachelab::gui {

QColor RunColor(size_t run_index) {
  // Okabe-Ito without its yellow (too light on white), plus four darker hues.
  static const QColor kColors[kPaletteColors] = {
      QColor(0, 114, 178), QColor(213, 94, 0),   QColor(0, 158, 115), QColor(204, 121, 167), QColor(230, 159, 0),
      QColor(86, 180, 233), QColor(0, 0, 0),     QColor(140, 86, 75), QColor(106, 61, 154),  QColor(128, 128, 0)};
  return kColors[run_index % kPaletteColors];
}

Qt::PenStyle RunStyle(size_t run_index) {
  static const Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
  return kStyles[(run_index / kPaletteColors) % std::size(kStyles)];
}

Qt::BrushStyle RunFill(size_t run_index) {
  static const Qt::BrushStyle kFills[] = {Qt::SolidPattern, Qt::BDiagPattern, Qt::FDiagPattern, Qt::DiagCrossPattern};
  return kFills[(run_index / kPaletteColors) % std::size(kFills)];
}

void StyleRunBars(QBarSet* set, size_t run_index, int alpha) {
  QColor fill = RunColor(run_index);
  fill.setAlpha(alpha);
  set->setBrush(QBrush(fill, RunFill(run_index)));  // setColor keeps the pattern (hover, hide)
  set->setBorderColor(RunColor(run_index).darker(120));
}

QPen StyledPen(const QColor& color, Qt::PenStyle style, double width) {
  QPen pen(color);
  pen.setWidthF(width);
  pen.setStyle(style);
  return pen;
}

QPen RunPen(size_t run_index) { return StyledPen(RunColor(run_index), RunStyle(run_index)); }

QColor EventColor(const QString& kind) {
  if (kind.contains("warm-up")) return QColor(30, 100, 200);  // the end of the warm-up
  if (kind.contains("crash") || kind.contains("lost") || kind.contains("down")) return QColor(200, 30, 30);
  if (kind.contains("outage") || kind.contains("error")) return QColor(230, 120, 0);
  if (kind.contains("recover") || kind.contains("up") || kind.contains("warm")) return QColor(40, 150, 60);
  if (kind.contains("expir")) return QColor(110, 110, 110);
  return QColor(120, 60, 170);  // membership changes
}

QChart* NewPane() {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->hide();
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->setBackgroundRoundness(0);
  return chart;
}

QLogValueAxis* NewLogAxis(const QString& title, double lo, double hi) {
  auto* a = new QLogValueAxis;
  a->setBase(10);
  a->setLabelFormat("%g");
  a->setMinorTickCount(-1);
  a->setRange(std::pow(10, std::floor(std::log10(lo))), std::pow(10, std::ceil(std::log10(std::max(hi, lo * 10)))));
  a->setTitleText(title);
  return a;
}

QString DurationText(double s) {
  if (s >= 1) return QString::number(s, 'g', 4) + " s";
  if (s >= 1e-3) return QString::number(s * 1e3, 'g', 4) + " ms";
  return QString::number(s * 1e6, 'g', 4) + QStringLiteral(" µs");
}

QString FigureText(double v) {
  if (!std::isfinite(v)) return QStringLiteral("–");
  double a = std::abs(v);
  if (a >= 1e9) return QString::number(v, 'g', 3);
  if (a >= 100 || v == std::round(v)) return QLocale(QLocale::English).toString(std::round(v), 'f', 0);
  return QString::number(v, 'g', 3);
}

}  // namespace cachelab::gui
