// Every chart rendered offscreen for known runs, asserting on what a reader
// sees: legend rows named by the parameters that vary, no label elided at the
// default size, a p50 line that is not flat when p50 varies, a stampede spike
// drawn at its true height, event markers at the event times, identical runs
// drawn once, 20 runs told apart. Also the headless plot command, PNG and SVG.
#include <QFileInfo>
#include <QHeaderView>
#include <QSet>
#include <QTemporaryDir>
#include <QComboBox>
#include <QLabel>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
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
#include "gui/charts/chart_style.h"
#include "gui/charts/event_marks.h"
#include "gui/charts/heatmap_view.h"
#include "gui/charts/legend_table.h"
#include "gui/models/run_names.h"
#include "gui/models/store_reader.h"
#include "results/result_store.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;

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

LoadedRun Run(int64_t id, RunReport r) { return {id, QString(), std::move(r)}; }

// The chart in a panel laid out at the default size, as a window would show it.
std::unique_ptr<ChartPanel> Shown(BuiltChart chart) {
  auto panel = std::make_unique<ChartPanel>();
  panel->SetChart(std::move(chart));
  panel->setAttribute(Qt::WA_DontShowOnScreen);
  panel->resize(kDefaultChartSize);
  panel->show();
  QCoreApplication::processEvents();
  return panel;
}

std::vector<QLineSeries*> Lines(QChart* pane) {
  std::vector<QLineSeries*> out;
  for (auto* s : pane->series())
    if (auto* l = qobject_cast<QLineSeries*>(s); l && !qobject_cast<QScatterSeries*>(s) && l->count() > 2)
      out.push_back(l);
  return out;
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

  // The fixture's two runs differ only in strategy: that is their whole name.
  void legendRowsAreTheVaryingParameters_data() {
    QTest::addColumn<QString>("chart");
    for (const auto& c : ChartCatalog())
      if (c.name != "sweep") QTest::newRow(qPrintable(c.name)) << c.name;  // a grid, no legend (its axes name the runs)
  }
  void legendRowsAreTheVaryingParameters() {
    QFETCH(QString, chart);
    auto shown = Shown(BuildChart(chart, runs_));
    ChartPanel& panel = *shown;
    LegendTable* legend = panel.legend();
    QStringList runs;
    for (int r = 0; r < legend->rowCount(); ++r) {
      QString text = legend->item(r, 0)->text();
      if (text.startsWith('#')) runs << text;
      // Nothing elided: every cell's text fits its column, and every column is inside the table.
      for (int c = 0; c < legend->columnCount(); ++c) {
        QTableWidgetItem* item = legend->item(r, c);
        if (!item) continue;
        int need = legend->fontMetrics().horizontalAdvance(item->text()) + (c == 0 ? 36 + 20 : 0);
        QVERIFY2(legend->columnWidth(c) >= need, qPrintable(QString("'%1' is %2 px in a %3 px column")
                                                                .arg(item->text()).arg(need).arg(legend->columnWidth(c))));
      }
    }
    QVERIFY2(legend->NeededWidth() <= legend->width() + 1,
             qPrintable(QString("legend needs %1 px, has %2").arg(legend->NeededWidth()).arg(legend->width())));
    QCOMPARE(runs, QStringList({"#1 cache-aside", "#2 write-through"}));
  }

  void namesComeFromWhatVaries() {
    RunReport a, b, c;
    a.config = {{"strategy", "cache-aside"}, {"stampede", "none"}, {"alpha", "0.99"}, {"db", "x.db"}};
    b.config = {{"strategy", "cache-aside"}, {"stampede", "xfetch"}, {"alpha", "1.2"}, {"db", "y.db"}};
    c.config = {{"strategy", "write-behind"}, {"stampede", "xfetch"}, {"alpha", "1.2"}, {"db", "y.db"}};
    std::vector<LoadedRun> runs{Run(4, a), Run(5, b), Run(6, c)};
    NameByVaryingParameters(runs);
    QCOMPARE(runs[0].name, QString("cache-aside none alpha=0.99"));
    QCOMPARE(runs[1].name, QString("cache-aside xfetch alpha=1.2"));
    QCOMPARE(runs[2].name, QString("write-behind xfetch alpha=1.2"));
    std::vector<LoadedRun> same{Run(7, a), Run(8, a)};
    NameByVaryingParameters(same);
    QCOMPARE(same[1].name, QString("#8"));
  }

  void identicalRunsAreDrawnOnce() {
    RunReport a = test::FixtureRun(0), b = test::FixtureRun(0), c = test::FixtureRun(1);
    a.config[0].second = "cache-aside";
    b.config[0].second = "read-through";
    std::vector<LoadedRun> runs{Run(5, a), Run(6, b), Run(7, c)};
    NameByVaryingParameters(runs);
    BuiltChart chart = BuildChart("latency", runs);
    QStringList labels;
    for (const auto& row : chart.legend)
      if (!row.is_event) labels << row.Label();
    QCOMPARE(labels, QStringList({"#5 cache-aside = #6 read-through", "#7 write-through"}));
    QCOMPARE(Lines(chart.panes[0]).size(), size_t{2});
    chart.Delete();
  }

  void paletteTellsTwentyRunsApart() {
    QSet<QString> seen;
    for (size_t i = 0; i < 20; ++i) seen.insert(RunColor(i).name() + QString::number(int(RunStyle(i))));
    QCOMPARE(seen.size(), 20);
  }

  // Bars past the palette's 10 colours: run 10 had run 0's bar, alike in every pixel.
  // Now hatched in the same colour, in the chart and in its legend swatch, and hover and
  // hide (which recolour the bars) keep the hatching.
  void summaryBarsTellTwelveRunsApart() {
    std::vector<LoadedRun> runs;
    for (int k = 0; k < 12; ++k) {
      RunReport r;
      r.label = "cache-aside/ttl";
      r.config = {{"strategy", "cache-aside"}, {"alpha", std::to_string(0.5 + 0.05 * k)}};
      r.Set("hit_ratio", 0.5 + 0.01 * k);
      runs.push_back(Run(k + 1, r));
    }
    NameByVaryingParameters(runs);
    auto shown = Shown(BuildChart("summary", runs));
    std::map<QString, QBarSet*> by_name;  // the hit-ratio pane's set per run
    for (auto* s : shown->views().at(0)->chart()->series())
      if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
        for (QBarSet* b : bars->barSets()) by_name[b->label()] = b;
    QBarSet* first = by_name.at(runs[0].name);
    QBarSet* eleventh = by_name.at(runs[10].name);
    QCOMPARE(first->color(), eleventh->color());
    QCOMPARE(first->brush().style(), Qt::SolidPattern);
    QCOMPARE(eleventh->brush().style(), Qt::BDiagPattern);
    LegendTable* legend = shown->legend();
    QImage swatch0 = legend->item(0, 0)->icon().pixmap(36, 14).toImage();
    QImage swatch10 = legend->item(10, 0)->icon().pixmap(36, 14).toImage();
    QVERIFY(swatch0 != swatch10);
    legend->Highlight(0);
    QCOMPARE(eleventh->brush().style(), Qt::BDiagPattern);
    legend->scrollToItem(legend->item(10, 0));  // the legend may scroll at this size: click where row 10 is
    QCoreApplication::processEvents();
    const QPoint row10 = legend->visualItemRect(legend->item(10, 0)).center();
    QVERIFY(legend->viewport()->rect().contains(row10));
    QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, row10);  // hide, then show again
    QVERIFY(legend->RowHidden(10));
    QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, row10);
    legend->Highlight(-1);
    QCOMPARE(eleventh->brush().style(), Qt::BDiagPattern);
    QCOMPARE(eleventh->color(), first->color());
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

  // 2 strategies x 2 schemes, the first point replicated over 3 seeds: cells are means with a
  // Student-t CI (t(0.975, 2) = 4.303), other parameters averaged and said so; a click names its runs.
  void sweepHeatmapCells() {
    std::vector<LoadedRun> runs;
    int64_t id = 0;
    auto add = [&](const char* strategy, const char* inv, const char* seed, const char* alpha, double hit) {
      RunReport r;
      r.config = {{"strategy", strategy}, {"invalidation", inv}, {"alpha", alpha}, {"seed", seed}};
      r.Set("hit_ratio", hit);
      runs.push_back(Run(++id, r));
    };
    add("cache-aside", "ttl", "1", "0.9", 0.70);
    add("cache-aside", "ttl", "2", "0.9", 0.72);
    add("cache-aside", "ttl", "3", "0.9", 0.74);
    add("write-through", "ttl", "1", "1.1", 0.80);
    add("cache-aside", "jitter", "1", "0.9", 0.60);
    add("write-through", "jitter", "1", "0.9", 0.90);
    QCOMPARE(SweepDimensions(runs), QStringList({"strategy", "invalidation", "alpha"}));
    Heatmap h = ComputeHeatmap(runs, "hit_ratio", "strategy", "invalidation");
    QCOMPARE(h.xs, QStringList({"cache-aside", "write-through"}));
    QCOMPARE(h.ys, QStringList({"ttl", "jitter"}));
    QCOMPARE(h.averaged, QStringList({"alpha"}));
    const HeatCell& c = h.cells[0][0];
    QCOMPARE(c.ids, std::vector<int64_t>({1, 2, 3}));
    QCOMPARE(c.value.mean, 0.72);
    QVERIFY(std::abs(c.value.half_width - 4.303 * 0.02 / std::sqrt(3.0)) < 1e-3);
    QCOMPARE(h.cells[1][1].value.mean, 0.90);
    BuiltChart chart = BuildSweepChart(runs, "hit_ratio", "strategy", "invalidation", {});
    QVERIFY(chart.has_data);
    QVERIFY(chart.subtitle.contains("averaged over alpha"));
    ChartPanel panel;
    QList<qlonglong> opened;
    connect(&panel, &ChartPanel::runsRequested, this, [&](const QList<qlonglong>& ids) { opened = ids; });
    panel.SetChart(std::move(chart));
    panel.setAttribute(Qt::WA_DontShowOnScreen);
    panel.resize(kDefaultChartSize);
    panel.show();
    QCoreApplication::processEvents();
    auto* grid = panel.findChild<HeatmapGrid*>();
    QVERIFY(grid);
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->CellRect(0, 0).center());
    QCOMPARE(opened, QList<qlonglong>({1, 2, 3}));
    QVERIFY(!BuildSweepChart(runs, "hit_ratio", "nodes", "", {}).has_data);  // not a dimension: says so
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

  // Clicking a legend row hides that run's lines (in every pane); hovering one thickens it and fades the rest.
  void legendClickHidesHoverHighlights() {
    auto shown = Shown(BuildChart("latency", runs_));
    ChartPanel& panel = *shown;
    LegendTable* legend = panel.legend();
    QList<QLineSeries*> first;
    for (QChartView* v : panel.views()) first << Lines(v->chart()).at(0);
    QLineSeries* second = Lines(panel.views().at(0)->chart()).at(1);
    double width = first[0]->pen().widthF();
    legend->Highlight(0);
    QCOMPARE(first[0]->pen().widthF(), 2 * width);
    QVERIFY(second->pen().color().alpha() < 255);
    legend->Highlight(-1);
    QCOMPARE(first[0]->pen().widthF(), width);
    QCOMPARE(second->pen().color().alpha(), 255);
    QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->visualItemRect(legend->item(0, 0)).center());
    QVERIFY(legend->RowHidden(0));
    for (QLineSeries* l : first) QVERIFY(!l->isVisible());
    QVERIFY(second->isVisible());
  }

  // Issue 19's matrix notes (pair_same_as / pair_note, as strategies/pair_semantics.cc writes
  // them) reach the legend table (a note column, the reason in the tooltip) and the sweep grid
  // (the mark in the cell, an n/a cell marked, the reason in the tooltip).
  void pairNotesInLegendAndHeatmap() {
    auto run = [](const char* strategy, const char* inv, double hit) {
      RunReport r = test::FixtureRun(0);
      r.config = {{"strategy", strategy}, {"invalidation", inv}};
      r.Set("hit_ratio", hit);
      for (auto& s : r.series)
        if (s.name == "hit_ratio") s.v[0] = hit;  // no two runs identical: one legend row each
      return r;
    };
    RunReport ca = run("cache-aside", "ttl", 0.70), rt = run("read-through", "ttl", 0.71),
              wt = run("write-through", "pubsub", 0.80), wtt = run("write-through", "ttl", 0.81);
    rt.Set("pair_same_as", std::string("cache-aside x ttl"));
    rt.Set("pair_note", std::string("= cache-aside x ttl: same read path"));
    wt.Set("pair_note", std::string("no near caches: nothing to drop"));
    std::vector<LoadedRun> runs{Run(1, ca), Run(2, rt), Run(3, wt), Run(4, wtt)};
    NameByVaryingParameters(runs);
    for (const char* name : {"hit-rate", "summary"}) {
      auto shown = Shown(BuildChart(name, runs));
      LegendTable* legend = shown->legend();
      int note_col = -1;
      for (int c = 0; c < legend->columnCount(); ++c)
        if (legend->horizontalHeaderItem(c)->text() == "note") note_col = c;
      QVERIFY2(note_col > 0, name);
      QStringList notes;
      for (int r = 0; r < 4; ++r) notes << (legend->item(r, note_col) ? legend->item(r, note_col)->text() : QString());
      QCOMPARE(notes, QStringList({"", "= cache-aside x ttl", "n/a", ""}));
      QVERIFY(legend->item(1, 0)->toolTip().contains("#2 read-through x ttl: = cache-aside x ttl: same read path"));
      QVERIFY(legend->item(2, note_col)->toolTip().contains("n/a: no near caches: nothing to drop"));
    }
    // Identical series (read-through = cache-aside by construction) share a row: its note says
    // so in two words, and the legend still fits at the default size.
    RunReport rt2 = test::FixtureRun(0), wtd = test::FixtureRun(0), ca2 = test::FixtureRun(0);
    ca2.config = {{"strategy", "cache-aside"}, {"invalidation", "ttl"}};
    rt2.config = {{"strategy", "read-through"}, {"invalidation", "ttl"}};
    wtd.config = {{"strategy", "write-through-delete"}, {"invalidation", "ttl"}};
    for (RunReport* r : {&rt2, &wtd}) {
      r->Set("pair_same_as", std::string("cache-aside x ttl"));
      r->Set("pair_note", std::string("= cache-aside x ttl: same read path and same write path, by construction"));
    }
    RunReport other = test::FixtureRun(1);
    other.config = {{"strategy", "write-through"}, {"invalidation", "ttl"}};
    std::vector<LoadedRun> same{Run(1, ca2), Run(2, rt2), Run(3, other), Run(4, wtd)};
    NameByVaryingParameters(same);
    {
      auto shown = Shown(BuildChart("latency", same));
      LegendTable* legend = shown->legend();
      QCOMPARE(legend->item(0, 0)->text(), QString("#1 cache-aside = #2 read-through, #4 write-through-delete"));
      QCOMPARE(legend->item(0, legend->columnCount() - 1)->text(), QString("by construction"));
      QVERIFY(legend->item(0, 0)->toolTip().contains("#4 write-through-delete x ttl: = cache-aside x ttl"));
      QVERIFY2(legend->NeededWidth() <= legend->width() + 1,
               qPrintable(QString("legend needs %1 px, has %2").arg(legend->NeededWidth()).arg(legend->width())));
    }
    Heatmap h = ComputeHeatmap(runs, "hit_ratio", "strategy", "invalidation");
    QCOMPARE(h.xs, QStringList({"cache-aside", "read-through", "write-through"}));
    QCOMPARE(h.ys, QStringList({"ttl", "pubsub"}));
    QCOMPARE(h.cells[0][0].mark, QString());
    QCOMPARE(h.cells[0][1].mark, QString("= cache-aside x ttl"));
    QCOMPARE(h.cells[1][2].mark, QString("n/a"));
    QCOMPARE(h.cells[1][2].note, QString("n/a: no near caches: nothing to drop"));
    // Drawn: the n/a cell is hatched (its pixels alternate), the plain cell is flat.
    HeatmapGrid grid;
    grid.SetHeatmap(h);
    grid.resize(900, 400);
    QImage img = grid.grab().toImage();
    auto colours = [&](QRect rc) {
      QSet<QRgb> seen;
      for (int y = rc.top() + 2; y < rc.top() + 14; ++y)
        for (int x = rc.left() + 2; x < rc.left() + 14; ++x) seen.insert(img.pixel(x, y));
      return seen.size();
    };
    QVERIFY(colours(grid.CellRect(1, 2)) > 1);
    QCOMPARE(colours(grid.CellRect(0, 2)), 1);
  }

  // The sweep view holds the other dimensions at a chosen value or averages them.
  // A replay's cache_size follows from its size argument: with policy x size_arg
  // drawn, nothing is averaged over, and the chart does not say it is; a
  // parameter that is a function of neither axis still is.
  void sweepDoesNotAverageADerivedParameter() {
    std::vector<LoadedRun> runs;
    int64_t id = 0;
    for (const char* policy : {"lru", "arc"})
      for (const auto& [arg, bytes] : {std::pair{"0.01", "20297697"}, std::pair{"0.1", "202976972"}}) {
        RunReport r;
        r.kind = "replay";
        r.config = {{"policy", policy}, {"size_arg", arg}, {"cache_size", bytes}};
        r.Set("miss_ratio", 0.8);
        runs.push_back(Run(++id, r));
      }
    Heatmap h = ComputeHeatmap(runs, "miss_ratio", "policy", "size_arg");
    QVERIFY(h.averaged.isEmpty());
    QCOMPARE(ComputeHeatmap(runs, "miss_ratio", "policy", "cache_size").averaged, QStringList());
    QCOMPARE(ComputeHeatmap(runs, "miss_ratio", "size_arg", "cache_size").averaged, QStringList({"policy"}));
    runs[3].report.config[2].second = "1";  // arc at 0.1: another byte size than lru at 0.1
    QCOMPARE(ComputeHeatmap(runs, "miss_ratio", "policy", "size_arg").averaged, QStringList({"cache_size"}));
  }

  // Found by an audit: a cell averaged over another parameter pooled every run as if all
  // were replications. By hand: alpha 0.6 seeds 1,2 give 0.50, 0.52 and alpha 1.2 give
  // 0.90, 0.94 (and 0.96 for a third seed, to weigh the alphas alike): means 0.51 and
  // 0.9333, cell 0.72167; within-alpha squared deviations 0.0002 + 0.00186667 over
  // 1 + 2 df, pooled variance 0.00068889; half = t(0.975, 3) * sqrt(0.00068889 *
  // (1/2 + 1/3)) / 2 = 3.182446 * 0.0119799 = 0.038125 (pooling the five as
  // replications: mean 0.764, half 0.289).
  void sweepAverageCiComesFromReplications() {
    std::vector<LoadedRun> runs;
    int64_t id = 0;
    auto add = [&](const char* alpha, const char* seed, double hit) {
      RunReport r;
      r.config = {{"strategy", "cache-aside"}, {"invalidation", "ttl"}, {"alpha", alpha}, {"seed", seed}};
      r.Set("hit_ratio", hit);
      runs.push_back(Run(++id, r));
    };
    add("0.6", "1", 0.50);
    add("0.6", "2", 0.52);
    add("1.2", "1", 0.90);
    add("1.2", "2", 0.94);
    add("1.2", "3", 0.96);
    Heatmap h = ComputeHeatmap(runs, "hit_ratio", "strategy", "");
    QCOMPARE(h.averaged, QStringList({"alpha"}));
    const Interval& v = h.cells[0][0].value;
    QVERIFY(std::abs(v.mean - 0.721667) < 1e-6);
    QVERIFY2(std::abs(v.half_width - 0.038125) < 1e-5, qPrintable(QString::number(v.half_width, 'g', 8)));
    QCOMPARE(v.n, size_t{5});
  }

  void sweepFixesOrAveragesTheOthers() {
    std::vector<LoadedRun> runs;
    int64_t id = 0;
    for (const char* alpha : {"0.6", "1.2"})
      for (const char* s : {"cache-aside", "write-through"})
        for (const char* inv : {"ttl", "jitter"}) {
          RunReport r;
          r.config = {{"strategy", s}, {"invalidation", inv}, {"alpha", alpha}};
          // hit = 0.5 at alpha 0.6, 0.9 at 1.2, + 0.01 for write-through
          r.Set("hit_ratio", (std::string(alpha) == "0.6" ? 0.5 : 0.9) + (std::string(s) == "write-through" ? 0.01 : 0));
          runs.push_back(Run(++id, r));
        }
    Heatmap avg = ComputeHeatmap(runs, "hit_ratio", "strategy", "invalidation");
    QCOMPARE(avg.averaged, QStringList({"alpha"}));
    QCOMPARE(avg.cells[0][0].value.mean, 0.7);
    QCOMPARE(avg.cells[0][0].ids, std::vector<int64_t>({1, 5}));
    // One run per alpha: the difference between alphas is not sampling noise, so no CI
    // (it was 12.706 * 0.2828 / sqrt(2) = 2.54, wider than a ratio can be).
    QCOMPARE(avg.cells[0][0].value.half_width, 0.0);
    Heatmap held = ComputeHeatmap(runs, "hit_ratio", "strategy", "invalidation", {{"alpha", "1.2"}});
    QVERIFY(held.averaged.isEmpty());
    QCOMPARE(held.fixed, QStringList({"alpha=1.2"}));
    QCOMPARE(held.cells[0][0].value.mean, 0.9);
    QCOMPARE(held.cells[0][1].ids, std::vector<int64_t>({7}));
    // In the view: a combo box per other dimension, "(average)" first.
    BuiltChart chart = BuildSweepChart(runs, "hit_ratio", "strategy", "invalidation", {});
    auto shown = Shown(std::move(chart));
    auto* view = shown->findChild<SweepView*>();
    QVERIFY(view);
    QComboBox* alpha = view->FixBox("alpha");
    QVERIFY(alpha && alpha->isVisible());
    QVERIFY(!view->FixBox("strategy")->isVisible());  // x and y are drawn, not held
    QCOMPARE(alpha->currentText(), QString("(average)"));
    alpha->setCurrentIndex(alpha->findData("0.6"));
    QCOMPARE(view->grid()->heatmap().cells[0][1].value.mean, 0.51);
    QCOMPARE(view->findChild<QLabel*>("sweep-status")->text(), QString("held at alpha=0.6"));
    // And from the plot command: --fix, a bad one refused.
    QVERIFY(BuildSweepChart(runs, "hit_ratio", "strategy", "invalidation", {{"alpha", "1.2"}}).subtitle.contains("held at alpha=1.2"));
    QVERIFY(!BuildSweepChart(runs, "hit_ratio", "strategy", "invalidation", {{"alpha", "7"}}).has_data);
    QVERIFY(!BuildSweepChart(runs, "hit_ratio", "strategy", "invalidation", {{"seed", "1"}}).has_data);
  }

  // Bar charts: a legend click hides that run's bars (transparent) and shows them again.
  void legendClickHidesBars() {
    for (const char* name : {"summary", "ring", "moved"}) {
      auto shown = Shown(BuildChart(name, runs_));
      LegendTable* legend = shown->legend();
      std::vector<QBarSet*> sets;
      for (QChartView* v : shown->views())
        for (auto* s : v->chart()->series())
          if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
            for (QBarSet* b : bars->barSets())
              if (b->label().startsWith(runs_[0].name)) sets.push_back(b);
      QVERIFY2(!sets.empty(), name);
      QColor before = sets[0]->color();
      QVERIFY(before.alpha() > 0);
      QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->visualItemRect(legend->item(0, 0)).center());
      QVERIFY(legend->RowHidden(0));
      for (QBarSet* b : sets) QCOMPARE(b->color().alpha(), 0);
      QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->visualItemRect(legend->item(0, 0)).center());
      QVERIFY(!legend->RowHidden(0));
      legend->Highlight(-1);
      QCOMPARE(sets[0]->color(), before);
    }
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
