// The legend table beside every chart: rows named by the parameters that vary
// (nothing elided at the default size), identical runs drawn once with the
// matrix notes, 20 runs told apart by colour and line style and bars past 10
// by fill, a click hiding a run's lines or bars, a hover highlighting them.
#include <QHeaderView>
#include <QSet>
#include <QTemporaryDir>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtTest>
#include <map>

#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_style.h"
#include "gui/charts/heatmap_view.h"
#include "gui/charts/legend_table.h"
#include "gui/models/heatmap.h"
#include "gui/models/run_names.h"
#include "gui/models/store_reader.h"
#include "gui/tests/chart_test_util.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;
using cachelab::gui::test::Lines;
using cachelab::gui::test::Run;
using cachelab::gui::test::Shown;

class GuiChartLegendTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::vector<LoadedRun> runs_;

 private slots:
  void initTestCase() {
    const QString db = dir_.filePath("fixture.db");
    test::WriteFixtureStore(db, 2);
    runs_ = StoreReader(db).LoadMany({1, 2});
    QCOMPARE(runs_.size(), size_t{2});
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
};

QTEST_MAIN(GuiChartLegendTest)
#include "gui_chart_legend_test.moc"
