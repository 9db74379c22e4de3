// Still images (`cachelab plot`, screenshots) show everything they have: with
// 40 runs the legend has every row and column and no scroll bar, every axis
// title is whole, and the image grows past the asked size to make room. The
// stacked panes of a time chart share their plot area's left edge, so a time
// is at one x in every pane.
#include <QFontMetricsF>
#include <QScrollBar>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtTest>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_panel.h"
#include "gui/charts/chart_render.h"
#include "gui/charts/legend_table.h"
#include "gui/models/run_names.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;

namespace {

// Fixture runs with one parameter per run, so each is a legend row of its own.
std::vector<LoadedRun> FixtureRuns(int n) {
  std::vector<LoadedRun> runs;
  for (int i = 0; i < n; ++i) {
    RunReport r = test::FixtureRun(i);
    r.config.push_back({"alpha", QString::number(0.5 + 0.025 * i).toStdString()});
    runs.push_back({i + 1, QString(), std::move(r)});
  }
  NameByVaryingParameters(runs);
  return runs;
}

}  // namespace

class GuiChartFitTest : public QObject {
  Q_OBJECT

 private slots:
  void fortyRunsShowWhole_data() {
    QTest::addColumn<QString>("chart");
    for (const char* c : {"hit-rate", "latency", "memory", "consistency", "summary"}) QTest::newRow(c) << c;
  }
  void fortyRunsShowWhole() {
    QFETCH(QString, chart);
    ChartPanel panel;
    panel.SetChart(BuildChart(chart, FixtureRuns(40)));
    FitForStill(&panel, kDefaultChartSize);
    QVERIFY(panel.width() >= kDefaultChartSize.width() && panel.height() >= kDefaultChartSize.height());
    LegendTable* legend = panel.legend();
    QCOMPARE(legend->rowCount() >= 40, true);
    QVERIFY(!legend->verticalScrollBar()->isVisible());
    QVERIFY(!legend->horizontalScrollBar()->isVisible());
    // Every row inside the table's viewport, every column too.
    QRect last = legend->visualItemRect(legend->item(legend->rowCount() - 1, legend->columnCount() - 1));
    QVERIFY2(legend->viewport()->rect().contains(last),
             qPrintable(QString("last cell at y %1..%2, viewport %3 high").arg(last.top()).arg(last.bottom()).arg(legend->viewport()->height())));
    // Qt Charts elides an axis title longer than the plot area's side it runs along.
    for (QChartView* v : panel.views())
      for (QAbstractAxis* a : v->chart()->axes()) {
        if (a->titleText().isEmpty()) continue;
        QRectF plot = v->chart()->plotArea();
        double room = a->orientation() == Qt::Vertical ? plot.height() : plot.width();
        double need = QFontMetricsF(a->titleFont()).horizontalAdvance(a->titleText());
        QVERIFY2(need <= room, qPrintable(QString("'%1' needs %2 px, has %3").arg(a->titleText()).arg(need).arg(room)));
      }
  }

  // The fixture's panes have y labels of different widths (stale reads 1-6, DB writes 101-111):
  // unaligned, their plot areas start at different x. The shared time axis puts t = 5 s at one x.
  void stackedPanesShareTheTimeAxis() {
    ChartPanel panel;
    panel.SetChart(BuildChart("consistency", FixtureRuns(2)));
    FitForStill(&panel, kDefaultChartSize);
    QCOMPARE(panel.views().size(), size_t{3});
    QList<double> xs;
    for (QChartView* v : panel.views()) xs << v->chart()->mapToPosition(QPointF(5, 0)).x() + v->x();
    for (double x : xs) QVERIFY2(std::abs(x - xs[0]) <= 1, qPrintable(QString("t = 5 s at x %1 and %2").arg(xs[0]).arg(x)));
  }
};

QTEST_MAIN(GuiChartFitTest)
#include "gui_chart_fit_test.moc"
