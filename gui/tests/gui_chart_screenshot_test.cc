// Every chart rendered offscreen for known runs: the image has the asked size
// and is not blank (many non-white pixels, several colours). Also the
// headless plot command and PNG/SVG files.
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QtCharts/QChart>
#include <QtTest>

#include "gui/app/plot_command.h"
#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_render.h"
#include "gui/models/store_reader.h"
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

}  // namespace

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
    QChart* c = BuildChart(chart, runs_);
    QVERIFY(c);
    QVERIFY2(!c->title().contains(QString::fromUtf8("—")), qPrintable("chart reports missing data: " + c->title()));
    QVERIFY(c->series().size() >= 2);  // two runs overlaid
    QImage img = RenderChart(c, QSize(640, 400));
    QCOMPARE(img.size(), QSize(640, 400));
    Ink ink = Measure(img);
    QVERIFY2(ink.non_white > 640 * 400 / 4 / 50, qPrintable(QString("only %1 inked pixels").arg(ink.non_white)));
    QVERIFY2(ink.colours > 10, qPrintable(QString("only %1 colours").arg(ink.colours)));
  }

  void chartWithoutDataSaysSo() {
    QChart* c = BuildChart("hit-rate", {});
    QVERIFY(c->title().contains("no run selected"));
    RunReport bare;
    QChart* d = BuildChart("stampede", {{9, "#9", bare}});
    QVERIFY(d->title().contains("db_queries_per_s"));
    QCOMPARE(RenderChart(c, QSize(300, 200)).size(), QSize(300, 200));
    delete d;
  }

  void plotCommandWritesPngAndSvg() {
    QString png = dir_.filePath("hit.png"), svg = dir_.filePath("lat.svg");
    QCOMPARE(RunPlot({db_, "1,2", "hit-rate", png, QSize(500, 300)}), 0);
    QImage img(png);
    QCOMPARE(img.size(), QSize(500, 300));
    QCOMPARE(RunPlot({db_, "last", "latency", svg, QSize(500, 300)}), 0);
    QVERIFY(QFileInfo(svg).size() > 1000);
    QCOMPARE(RunPlot({db_, "all", "all", dir_.filePath("all"), QSize(400, 300)}), 0);
    for (const auto& c : ChartCatalog()) QVERIFY(QFileInfo::exists(dir_.filePath("all/" + c.name + ".png")));
    // To look at the fixture's renders: CACHELAB_GUI_TEST_KEEP=/some/dir
    if (QString keep = qEnvironmentVariable("CACHELAB_GUI_TEST_KEEP"); !keep.isEmpty())
      QCOMPARE(RunPlot({db_, "all", "all", keep, kDefaultChartSize}), 0);
  }

  void plotCommandRejectsBadInput() {
    QCOMPARE(RunPlot({db_, "1", "no-such-chart", dir_.filePath("x.png"), QSize(400, 300)}), 2);
    QCOMPARE(RunPlot({db_, "1", "latency", dir_.filePath("x.jpg"), QSize(400, 300)}), 1);
    QCOMPARE(RunPlot({db_, "77", "latency", dir_.filePath("x.png"), QSize(400, 300)}), 1);
    QCOMPARE(RunPlot({dir_.filePath("none.db"), "last", "latency", dir_.filePath("x.png"), QSize(400, 300)}), 1);
  }
};

QTEST_MAIN(GuiChartScreenshotTest)
#include "gui_chart_screenshot_test.moc"
