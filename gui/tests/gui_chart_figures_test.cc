// What a chart says about a run agrees with the run: the memory legend's peak
// is the run's stored peak (memory is a level: the last, partial window
// counts), and a trace's series land in the pane whose axes they are on
// (a trace without times has a footprint over requests, no request rate).
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QXYSeries>
#include <QtTest>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_catalog.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;

namespace {

QString AxisTitle(QChart* pane, Qt::Orientation o) { return pane->axes(o).at(0)->titleText(); }

QChart* PaneTitled(const BuiltChart& chart, const QString& y_title) {
  for (QChart* p : chart.panes)
    if (AxisTitle(p, Qt::Vertical) == y_title) return p;
  return nullptr;
}

}  // namespace

class GuiChartFiguresTest : public QObject {
  Q_OBJECT

 private slots:
  // The fixture's memory is w MiB at the end of window w (1..10 s); the run ends 0.25 s into an
  // 11th window at 12 MiB, which the pane leaves out (partial) but the peak must not.
  void memoryPeakIsTheRunsPeak() {
    RunReport r = test::FixtureRun(0);
    for (auto& s : r.series)
      if (s.name == "memory_bytes") {
        s.t.push_back(10 * kSecond + kSecond / 4);
        s.v.push_back(12.0 * 1048576);
      }
    BuiltChart from_series = BuildChart("memory", {{1, QString(), r}});
    QCOMPARE(from_series.legend.at(0).figures.at(0), QString("12"));
    from_series.Delete();
    // A stored peak (lab/experiment.cc: the largest gauge sample) is the figure, as on the summary chart.
    r.Set("memory_bytes_peak", int64_t{12 * 1048576 + 524288});
    BuiltChart stored = BuildChart("memory", {{1, QString(), r}});
    QCOMPARE(stored.legend.at(0).figures.at(0), QString("12.5"));
    stored.Delete();
  }

  // Run 1 is timed (request_rate); run 2 is a cache2k-like trace: no times, so footprint with
  // t = requests so far (workloads/trace_stats_report.cc), and every object of size 1.
  void traceSeriesInTheirOwnPanes() {
    RunReport timed = test::FixtureRun(0), untimed = test::FixtureRun(1);
    std::erase_if(untimed.series, [](const Series& s) { return s.name == "request_rate" || s.name == "size_histogram"; });
    untimed.series.push_back(
        {"footprint", "distinct objects requested so far (t = requests so far)", {1000, 2000}, {800, 1500}, SeriesAxis::kRequests});
    untimed.series.push_back({"size_histogram", "requests", {1}, {2000}});
    BuiltChart chart = BuildChart("trace", {{1, QString(), timed}, {2, QString(), untimed}});
    QChart* rate = PaneTitled(chart, "requests / s");
    QChart* footprint = PaneTitled(chart, "distinct objects so far");
    QVERIFY(rate && footprint);
    QCOMPARE(AxisTitle(rate, Qt::Horizontal), QString("trace time (s)"));
    QCOMPARE(AxisTitle(footprint, Qt::Horizontal), QString("requests so far"));
    QCOMPARE(rate->series().size(), 1);
    QCOMPARE(footprint->series().size(), 1);
    auto* drawn = qobject_cast<QXYSeries*>(footprint->series().at(0));
    QCOMPARE(drawn->points(), QList<QPointF>({{1000, 800}, {2000, 1500}}));
    QVERIFY(std::find(chart.legend.at(1).series.begin(), chart.legend.at(1).series.end(), drawn) != chart.legend.at(1).series.end());
    QCOMPARE(chart.legend.at(0).note, QString());
    QCOMPARE(chart.legend.at(1).note, QString("all objects size 1; no timestamps: no request rate"));
    // The single size bucket is drawn (a dot), not a blank pane.
    QChart* sizes = nullptr;
    for (QChart* p : chart.panes)
      if (AxisTitle(p, Qt::Horizontal).startsWith("request size")) sizes = p;
    QVERIFY(sizes);
    QCOMPARE(sizes->series().size(), 2);
    chart.Delete();
  }

  // A chart draws the series counted on its own axis: a request-indexed hit ratio is no
  // time series (said, not drawn against seconds); a time series on the replay chart is
  // one stored before axes, drawn as before; the MRC's x follows its series' axis.
  void seriesOnTheirOwnAxis() {
    RunReport by_requests = test::FixtureRun(0);
    for (Series& s : by_requests.series)
      if (s.name == "hit_ratio") s.axis = SeriesAxis::kRequests;
    BuiltChart hit = BuildChart("hit-rate", {{1, QString(), by_requests}});
    QVERIFY(!hit.has_data);
    QVERIFY(hit.subtitle.contains("not drawn, counted on another axis than this chart's time: hit_ratio of #1 (t = requests)"));
    // The run has a hit_ratio, only on another axis: the subtitle must not also say it has none.
    QVERIFY2(!hit.subtitle.contains("no hit_ratio in these runs"), qPrintable(hit.subtitle));
    QVERIFY(!hit.lacks_some);
    hit.Delete();

    RunReport old = test::FixtureRun(0);
    for (Series& s : old.series)
      if (s.name == "hot_hit_ratio" || s.name == "scan_requests") s.axis = SeriesAxis::kTime;
    BuiltChart replay = BuildChart("replay-hit-rate", {{1, QString(), old}});
    QVERIFY(replay.has_data);
    QVERIFY(!replay.subtitle.contains("not drawn"));
    replay.Delete();

    RunReport objects = test::FixtureRun(0);
    for (Series& s : objects.series)
      if (s.name == "mrc" || s.name == "byte_mrc") s.axis = SeriesAxis::kObjects;
    BuiltChart mrc = BuildChart("mrc", {{1, QString(), objects}});
    QCOMPARE(AxisTitle(mrc.panes.back(), Qt::Horizontal), QString("cache size (objects)"));
    mrc.Delete();
  }
};

QTEST_MAIN(GuiChartFiguresTest)
#include "gui_chart_figures_test.moc"
