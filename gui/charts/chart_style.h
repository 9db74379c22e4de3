// Shared look: one colour and line style per run (so a run keeps them across
// charts and panes; 10 colours x 4 dash patterns stay distinguishable for 40
// runs; bars take 4 fill patterns the same way), one colour per event kind,
// readable fonts at README size.
#pragma once
#include <QColor>
#include <QPen>
#include <QString>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLogValueAxis>

namespace cachelab::gui {

inline constexpr size_t kPaletteColors = 10;
QColor RunColor(size_t run_index);
Qt::PenStyle RunStyle(size_t run_index);
QPen RunPen(size_t run_index);
// A bar's fill: solid for the first 10 runs, then hatched (the colours repeat).
Qt::BrushStyle RunFill(size_t run_index);
// Colour, fill pattern and border of run `run_index`'s bars; `alpha` tints the fill.
void StyleRunBars(QBarSet* set, size_t run_index, int alpha = 255);
QPen StyledPen(const QColor& color, Qt::PenStyle style, double width = 2.0);
// Crashes red, outages orange, churn purple, expiry grey, warm-up green.
QColor EventColor(const QString& kind);
// A pane: no title of its own (the panel has one), no built-in legend (the
// panel's table is the legend), no animations (renders are complete at once).
QChart* NewPane();
// A base-10 log axis over whole decades around [lo, hi] (both ends labelled).
QLogValueAxis* NewLogAxis(const QString& title, double lo, double hi);
// "1 s", "100 ms", "250 µs".
QString DurationText(double seconds);
// "4,360", "0.0123", "1.2e+06": figures for tables and legends.
QString FigureText(double v);

}  // namespace cachelab::gui
