// Every chart rendered offscreen for known runs, asserting on what a reader
// sees: a p50 line that is not flat when p50 varies, a stampede spike drawn at
// its true height, event markers at the event times, axes from the data. Also
// the headless plot command, PNG and SVG. The legend's behaviour is in
// gui_chart_legend_test, the sweep heatmap's in gui_sweep_view_test.
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include "gui/app/plot_command.h"
#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_panel.h"
#include "gui/charts/chart_render.h"
#include "gui/charts/chart_builders.h"
#include "gui/charts/event_marks.h"
#include "gui/models/run_names.h"
#include "gui/models/store_reader.h"
#include "results/result_store.h"
#include "gui/tests/chart_test_util.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;
using cachelab::gui::test::Lines;
using cachelab::gui::test::Run;
using cachelab::gui::test::Shown;

namespace {

struct Ink {
  int non_white = 0;
  int colours = 0;
};

Ink Measure(const QImage& img) {
  Ink ink;
  QSet<QRgb> colours;
  for (int y = 0; y < img.height(); y += 2)
    for (int x = 0; x < img.width(); x += 2) {
      QRgb p = img.pixel(x, y);
      if (qGray(p) < 245) ++ink.non_white;
      colours.insert(p);
    }
  ink.colours = static_cast<int>(colours.size());
  return ink;
}

// A stampede run: 100 ms windows over 100 s (1,000 points), quiet at 50 q/s,
// with one window at 4,360 q/s (the hot key's expiry) and a partial last window.
RunReport StampedeRun() {
  RunReport r;
  r.label = "cache-aside/ttl";
  r.config = {{"strategy", "cache-aside"}, {"stampede", "none"}};
  Series s{"db_queries_per_s", "1/s", {}, {}};
  for (int w = 1; w <= 1000; ++w) {
    s.t.push_back(w * kSecond / 10);
    s.v.push_back(w == 437 ? 4360.0 : 50.0 + (w % 7));
  }
  s.t.push_back(1000 * kSecond / 10 + kSecond / 40);  // the run ended 25 ms into a window
  s.v.push_back(2.0);
  r.series.push_back(s);
  r.events = {{static_cast<SimTime>(43.65 * kSecond), "expiry", "hot key"},
              {static_cast<SimTime>(43.65 * kSecond), "server-crash", "application server 1"},
              {70 * kSecond, "node-add", "node4"}};
  return r;
}

}  // namespace

// A plot of `chart` for `runs` into `out`; the sweep chart's choices at their defaults.
static PlotRequest Request(const QString& db, const QString& runs, const QString& chart, const QString& out, QSize size) {
  PlotRequest r;
  r.db = db;
  r.runs = runs;
  r.chart = chart;
  r.out = out;
  r.size = size;
  return r;
}

class GuiChartScreenshotTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString db_;
  std::vector<LoadedRun> runs_;

 private slots:
  void initTestCase() {
    db_ = dir_.filePath("fixture.db");
    test::WriteFixtureStore(db_, 2);
    runs_ = StoreReader(db_).LoadMany({1, 2});
    QCOMPARE(runs_.size(), size_t{2});
  }

  void everyChartRenders_data() {
    QTest::addColumn<QString>("chart");
    for (const auto& c : ChartCatalog()) QTest::newRow(qPrintable(c.name)) << c.name;
  }

  void everyChartRenders() {
    QFETCH(QString, chart);
    BuiltChart c = BuildChart(chart, runs_);
    QVERIFY2(c.has_data && !c.lacks_some, qPrintable("chart reports missing data: " + c.subtitle));
    QVERIFY(!c.panes.empty() || c.custom);
    QImage img = RenderChart(std::move(c), QSize(900, 450));
    // Larger when three stacked panes need room for their axis titles (gui_chart_fit_test).
    QVERIFY2(img.width() >= 900 && img.height() >= 450, qPrintable(QString("%1x%2").arg(img.width()).arg(img.height())));
    Ink ink = Measure(img);
    QVERIFY2(ink.non_white > 900 * 450 / 4 / 50, qPrintable(QString("only %1 inked pixels").arg(ink.non_white)));
    QVERIFY2(ink.colours > 10, qPrintable(QString("only %1 colours").arg(ink.colours)));
  }

  // p50 ranges 201-210 µs under p99's 2,100-3,000: in its own log pane it spans the pane's height.
  void p50IsNotFlat() {
    auto shown = Shown(BuildChart("latency", runs_));
    ChartPanel& panel = *shown;
    QChart* p50 = panel.views().at(0)->chart();
    QLineSeries* line = Lines(p50).at(0);
    QCOMPARE(line->at(0).y(), 201.0);
    double y_first = p50->mapToPosition(line->at(0), line).y();
    double y_last = p50->mapToPosition(line->at(line->count() - 1), line).y();
    QVERIFY2(y_first - y_last > 10, qPrintable(QString("p50 rises only %1 px").arg(y_first - y_last)));
  }

  void stampedeSpikeKeepsItsHeight() {
    std::vector<LoadedRun> runs{Run(1, StampedeRun())};
    NameByVaryingParameters(runs);
    BuiltChart chart = BuildChart("stampede", runs);
    QVERIFY(chart.subtitle.contains("window 100 ms"));
    QVERIFY(chart.subtitle.contains("min and max"));
    QVERIFY(chart.subtitle.contains("partial last window"));
    QLineSeries* line = Lines(chart.panes[0]).at(0);
    double peak = 0, last_x = 0;
    for (const auto& p : line->points()) {
      peak = std::max(peak, p.y());
      last_x = std::max(last_x, p.x());
    }
    QVERIFY2(std::abs(peak - 4360) <= 436, qPrintable(QString("drawn peak %1, true 4360").arg(peak)));
    QCOMPARE(last_x, 100.0);  // the partial window at 100.025 s is left out
    QCOMPARE(chart.legend.front().figures.front(), QString("4,360"));
    // Markers at the event times; the two coincident ones stacked, not on top of each other.
    std::map<QString, QList<QPointF>> marks;
    for (auto* s : chart.panes[0]->series())
      if (auto* m = qobject_cast<QScatterSeries*>(s)) marks[m->name()] = m->points();
    QCOMPARE(marks.size(), size_t{3});
    QCOMPARE(marks["expiry"].at(0).x(), 43.65);
    QCOMPARE(marks["server-crash"].at(0).x(), 43.65);
    QCOMPARE(marks["node-add"].at(0).x(), 70.0);
    QVERIFY(marks["expiry"].at(0).y() != marks["server-crash"].at(0).y());
    QStringList event_rows;
    for (const auto& row : chart.legend)
      if (row.is_event) event_rows << row.name;
    QVERIFY(event_rows.contains("server-crash: 43.65 s"));
    chart.Delete();
  }

  void eventsOnEveryTimeChart() {
    for (const char* name : {"hit-rate", "latency", "stampede", "memory", "consistency"}) {
      BuiltChart chart = BuildChart(name, runs_);
      for (QChart* pane : chart.panes) {
        QList<double> xs;
        for (auto* s : pane->series())
          if (auto* m = qobject_cast<QScatterSeries*>(s))
            for (const auto& p : m->points()) xs << p.x();
        std::sort(xs.begin(), xs.end());
        QCOMPARE(xs, QList<double>({3.0, 7.0}));  // the fixture's expiry wave and node add
      }
      chart.Delete();
    }
  }

  // An untimed replay's warm-up end is request 3, not 3 ns: a time chart leaves it out.
  void requestNumberEventsAreNotTimes() {
    RunReport replay;
    replay.kind = "replay";
    replay.events = {{3, "measurement_start", "end of the warm-up", SeriesAxis::kRequests},
                     {2 * kSecond, "measurement_start", "end of the warm-up"}};
    std::vector<EventMark> marks = CollectEvents({Run(9, replay)});
    QCOMPARE(marks.size(), size_t{1});
    QCOMPARE(marks[0].t_s, 2.0);
  }

  // Every kind the runner stores (lab/hot_key_expiries.cc, lab/run_extras.cc, lab/cluster_report.cc,
  // measurement_start from replay and run), through a real store: a mark at each time on every
  // time chart's panes, coincident ones stacked, warm-up end named as such, hover text kept.
  void everyEventKindMarked() {
    QString path = dir_.filePath("events.db");
    {
      RunReport r = test::FixtureRun(0);
      r.events = {{2 * kSecond, "measurement_start", "end of the warm-up"},
                  {5 * kSecond, "expiry", "k:0 (the hottest key) reached its TTL"},
                  {5 * kSecond, "cache-crash", "cache node lost 12 keys"},
                  {5 * kSecond, "server-crash", "application server 1"},
                  {6 * kSecond, "add", "node4"},
                  {8 * kSecond, "cache-outage", "cache unreachable for 1 s"},
                  {9 * kSecond, "cache-recovered", ""}};
      ResultStore(path.toStdString()).SaveRun(r);
    }
    std::vector<LoadedRun> runs = StoreReader(path).LoadMany({1});
    NameByVaryingParameters(runs);
    for (const char* name : {"hit-rate", "latency", "stampede", "memory", "consistency", "durability"}) {
      BuiltChart chart = BuildChart(name, runs);
      QVERIFY2(!chart.panes.empty(), name);
      for (QChart* pane : chart.panes) {
        std::map<QString, QList<QPointF>> marks;
        for (auto* s : pane->series())
          if (auto* m = qobject_cast<QScatterSeries*>(s)) marks[m->name()] += m->points();
        QCOMPARE(marks["warm-up end"].at(0).x(), 2.0);
        QCOMPARE(marks["expiry"].at(0).x(), 5.0);
        QCOMPARE(marks["cache-crash"].at(0).x(), 5.0);
        QCOMPARE(marks["server-crash"].at(0).x(), 5.0);
        QCOMPARE(marks["add"].at(0).x(), 6.0);
        QCOMPARE(marks["cache-outage"].at(0).x(), 8.0);
        QCOMPARE(marks["cache-recovered"].at(0).x(), 9.0);
        // Three at 5 s: three heights, stacked downwards.
        QSet<double> heights{marks["expiry"].at(0).y(), marks["cache-crash"].at(0).y(), marks["server-crash"].at(0).y()};
        QCOMPARE(heights.size(), 3);
      }
      QStringList rows;
      for (const auto& row : chart.legend)
        if (row.is_event) rows << row.name;
      QVERIFY2(rows.contains("warm-up end: 2 s"), qPrintable(rows.join(" | ")));
      QVERIFY(rows.contains("expiry: 5 s"));
      chart.Delete();
    }
    std::vector<EventMark> events = CollectEvents(runs);
    QCOMPARE(events.front().text, QString("#1 warm-up end at 2 s: end of the warm-up"));
  }

  void axesComeFromTheData() {
    // The fixture's evictions are non-zero only after 5 s; a run without any gets no evictions pane.
    RunReport quiet = test::FixtureRun(0);
    for (auto& s : quiet.series)
      if (s.name == "evictions") std::fill(s.v.begin(), s.v.end(), 0.0);
    quiet.config.push_back({"maxmemory", "12MiB"});
    BuiltChart chart = BuildChart("memory", {Run(1, quiet)});
    QCOMPARE(chart.panes.size(), size_t{1});
    QVERIFY(chart.subtitle.contains("evictions is 0 throughout"));
    auto* y = qobject_cast<QValueAxis*>(chart.panes[0]->axes(Qt::Vertical).at(0));
    QVERIFY(y->max() >= 12 && y->max() < 16);  // memory reaches 10 MiB, the maxmemory line 12
    bool limit = false;
    for (const auto& row : chart.legend) limit |= row.name == "maxmemory = 12MiB";
    QVERIFY(limit);
    chart.Delete();
    BuiltChart empty = BuildChart("hit-rate", {Run(9, RunReport{})});
    QVERIFY(!empty.has_data);
    QVERIFY(empty.panes.empty());  // no fake axes: the panel says what is missing instead
    QVERIFY(empty.subtitle.contains("no hit_ratio"));
  }

  void keysMovedAgainstTheIdeal() {
    BuiltChart chart = BuildChart("moved", runs_);
    QVERIFY(chart.has_data);
    QCOMPARE(chart.legend.at(0).figures, QStringList({"20.0%", "20.0%"}));
    QCOMPARE(chart.legend.at(1).figures, QStringList({"80.0%", "20.0%"}));
    auto* axis = qobject_cast<QBarCategoryAxis*>(chart.panes[0]->axes(Qt::Horizontal).at(0));
    QCOMPARE(axis->categories(), QStringList({"add at 7 s"}));
    bool ideal_at_20 = false;
    for (auto* s : chart.panes[0]->series())
      if (auto* l = qobject_cast<QLineSeries*>(s)) ideal_at_20 |= l->at(0).y() == 20.0;
    QVERIFY(ideal_at_20);
    chart.Delete();
  }

  // An exact Zipf(1) profile: the dashed fit (slope -1 through the points) meets rank 1 at 1000 requests.
  void traceRankFrequencyWithFittedZipf() {
    BuiltChart chart = BuildChart("trace", runs_);
    QVERIFY(chart.has_data);
    QCOMPARE(chart.panes.size(), size_t{4});
    QLineSeries* fit = nullptr;
    for (auto* s : chart.panes[0]->series())
      if (auto* l = qobject_cast<QLineSeries*>(s); l && l->pen().style() == Qt::DashLine) fit = l;
    QVERIFY(fit);
    QCOMPARE(fit->at(0).x(), 1.0);
    QVERIFY(std::abs(fit->at(0).y() - 1000) < 1);
    QVERIFY(std::abs(fit->at(1).y() - 1000.0 / fit->at(1).x()) < 0.1);
    QCOMPARE(chart.legend.at(0).figures.at(2), QString("1.000 (1.000)"));
    chart.Delete();
  }

  // Staleness runs have no lost_writes (only write-behind stores it): the consistency chart fits them.
  void consistencyWithoutLostWrites() {
    RunReport r = test::FixtureRun(0);
    std::erase_if(r.series, [](const Series& s) { return s.name == "lost_writes"; });
    BuiltChart chart = BuildChart("consistency", {Run(1, r)});
    QVERIFY(chart.has_data && !chart.lacks_some);
    QCOMPARE(chart.panes.size(), size_t{2});
    chart.Delete();
  }

  // Replay runs (policy comparisons) have no hit_ratio: the summary shows their
  // miss ratios instead of six empty panes; with simulated runs too, both sets.
  void summaryOfReplayRuns() {
    std::vector<LoadedRun> replays;
    for (int k = 0; k < 2; ++k) {
      RunReport r;
      r.kind = "replay";
      r.label = k ? "s3fifo" : "lru";
      r.config = {{"policy", r.label}, {"size", "0.1"}};
      r.Set("miss_ratio", k ? 0.7356 : 0.8097);  // cloudPhysicsIO at 10% (cachesim's counts)
      r.Set("byte_miss_ratio", k ? 0.8619 : 0.9518);
      r.Set("misses", int64_t{k ? 83764 : 92200});
      r.Set("throughput_mreq_s", k ? 18.0 : 40.0);
      replays.push_back(Run(k + 1, r));
    }
    BuiltChart only = BuildChart("summary", replays);
    QVERIFY(only.has_data);
    QCOMPARE(only.panes.size(), size_t{4});
    QCOMPARE(only.panes[0]->title(), QString("miss ratio"));
    QVERIFY(!only.subtitle.contains("not in these runs"));
    QCOMPARE(only.legend.at(1).figures.at(0), QString("0.736"));
    only.Delete();
    std::vector<LoadedRun> mixed = replays;
    mixed.push_back(runs_[0]);
    BuiltChart both = BuildChart("summary", mixed);
    QCOMPARE(both.panes.front()->title(), QString("hit ratio"));
    QCOMPARE(both.panes.back()->title(), QString("replay loop speed (M requests/s)"));
    both.Delete();
  }

  void chartWithoutDataSaysSo() {
    BuiltChart c = BuildChart("hit-rate", {});
    QVERIFY(c.subtitle.contains("no run selected"));
    QCOMPARE(RenderChart(std::move(c), QSize(300, 200)).size(), QSize(300, 200));
  }

  void plotCommandWritesPngAndSvg() {
    QString png = dir_.filePath("hit.png"), svg = dir_.filePath("lat.svg");
    QCOMPARE(RunPlot(Request(db_, "1,2", "hit-rate", png, QSize(700, 300))), 0);
    QImage img(png);
    QCOMPARE(img.size(), QSize(700, 300));
    QCOMPARE(RunPlot(Request(db_, "last", "latency", svg, QSize(700, 300))), 0);
    QVERIFY(QFileInfo(svg).size() > 1000);
    QCOMPARE(RunPlot(Request(db_, "all", "all", dir_.filePath("all"), QSize(700, 300))), 0);
    for (const auto& c : ChartCatalog()) QVERIFY(QFileInfo::exists(dir_.filePath("all/" + c.name + ".png")));
    // To look at the fixture's renders: CACHELAB_GUI_TEST_KEEP=/some/dir
    if (QString keep = qEnvironmentVariable("CACHELAB_GUI_TEST_KEEP"); !keep.isEmpty())
      QCOMPARE(RunPlot(Request(db_, "all", "all", keep, kDefaultChartSize)), 0);
  }

  void plotCommandRejectsBadInput() {
    QCOMPARE(RunPlot(Request(db_, "1", "no-such-chart", dir_.filePath("x.png"), QSize(400, 300))), 2);
    QCOMPARE(RunPlot(Request(db_, "1", "latency", dir_.filePath("x.jpg"), QSize(400, 300))), 1);
    QCOMPARE(RunPlot(Request(db_, "77", "latency", dir_.filePath("x.png"), QSize(400, 300))), 1);
    // A missing results file: exit 2, as `cachelab plot` (cli/cmd_plot.cc) gives for it.
    QCOMPARE(RunPlot(Request(dir_.filePath("none.db"), "last", "latency", dir_.filePath("x.png"), QSize(400, 300))), 2);
  }
};

QTEST_MAIN(GuiChartScreenshotTest)
#include "gui_chart_screenshot_test.moc"
