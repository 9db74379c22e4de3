// The sweep chart: a heatmap of a metric over two varying parameters, each cell
// a mean with its 95% CI (Student t, replications within a configuration), the
// other parameters held at a chosen value or averaged and said so, a derived
// parameter never counted as averaged, a click opening the cell's runs.
#include <QComboBox>
#include <QLabel>
#include <QtTest>
#include <cmath>

#include "gui/charts/chart_builders.h"
#include "gui/charts/heatmap_view.h"
#include "gui/models/heatmap.h"
#include "gui/tests/chart_test_util.h"

using namespace cachelab;
using namespace cachelab::gui;
using cachelab::gui::test::Run;
using cachelab::gui::test::Shown;

class GuiSweepViewTest : public QObject {
  Q_OBJECT

 private slots:
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
};

QTEST_MAIN(GuiSweepViewTest)
#include "gui_sweep_view_test.moc"
