// The guided demo page over a store filled here: it groups demo runs into
// invocations, opens exactly the newest invocation of a demo (or a chosen
// one), shows its narrative and conclusion beside the fitting chart, says
// when a demo has no chart data, and renders headless to a PNG.
#include <QApplication>
#include <QMenu>
#include <QTemporaryDir>
#include <QTimer>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

#include "gui/app/demo_screenshot.h"
#include "gui/app/main_window.h"
#include "gui/models/demo_invocations.h"
#include "gui/models/run_list_model.h"
#include "gui/models/store_reader.h"
#include "gui/tests/demo_fixture.h"

using namespace cachelab;
using namespace cachelab::gui;

namespace {

std::vector<int64_t> Ids(const std::vector<LoadedRun>& runs) {
  std::vector<int64_t> ids;
  for (const auto& r : runs) ids.push_back(r.id);
  return ids;
}

}  // namespace

class GuiDemoPageTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString db_;

 private slots:
  void initTestCase() {
    db_ = dir_.filePath("demos.db");
    test::WriteDemoFixtureStore(db_);
  }

  void groupsRunsIntoInvocations() {
    std::vector<DemoInvocation> all = GroupDemoRuns(StoreReader(db_).ListRuns());
    QCOMPARE(all.size(), size_t{4});  // newest first
    QCOMPARE(all[0].demo, QString("eviction"));
    QCOMPARE(all[1].ids, std::vector<int64_t>({6}));
    QCOMPARE(all[2].ids, std::vector<int64_t>({4, 5}));
    QCOMPARE(all[3].ids, std::vector<int64_t>({2, 3}));
    QCOMPARE(all[2].variants, QStringList({"none", "lock"}));
    QCOMPARE(LatestInvocation(all, "stampede"), &all[2]);
    QVERIFY(!LatestInvocation(all, "staleness"));
  }

  void pageShowsOneInvocation() {
    DemoPage page{QString()};
    page.SetDb(db_);
    QVERIFY(page.Open("stampede"));
    QCOMPARE(page.invocation().ids, std::vector<int64_t>({4, 5}));
    QCOMPARE(Ids(page.charts()->runs()), std::vector<int64_t>({4, 5}));
    QString text = page.text()->toPlainText();
    QVERIFY2(text.contains(test::kStampedeNarrative), qPrintable(text));
    QVERIFY(text.contains(test::kStampedeConclusion));
    QVERIFY(text.indexOf(test::kStampedeNarrative) < text.indexOf(test::kStampedeConclusion));
    QVERIFY(text.contains("none") && text.contains("lock"));
    QCOMPARE(page.charts()->CurrentChart(), QString("stampede"));
    QVERIFY(page.Open("stampede", 2));  // an older invocation, by its first id
    QCOMPARE(Ids(page.charts()->runs()), std::vector<int64_t>({2, 3}));
    QVERIFY(page.Open("jitter"));
    QCOMPARE(Ids(page.charts()->runs()), std::vector<int64_t>({6}));
    QVERIFY(page.text()->toPlainText().contains("Jitter halved the peak."));
    QVERIFY(!page.Open("staleness"));
    QVERIFY(page.text()->toPlainText().contains("no stored runs"));
  }

  void demoWithoutSeriesSaysSo() {
    DemoPage page{QString()};
    page.SetDb(db_);
    QVERIFY(page.Open("eviction"));
    QVERIFY2(page.text()->toPlainText().contains("lack the data of the Replay hit rate chart"),
             qPrintable(page.text()->toPlainText()));
    QVERIFY(page.text()->toPlainText().contains("S3-FIFO missed least."));
    // No series: the summary's bars of the stored numbers, and a note saying what the first choice lacks.
    QCOMPARE(page.charts()->CurrentChart(), QString("summary"));
  }

  void mainWindowOpensDemo() {
    MainWindow w(db_, QString());
    QVERIFY(w.OpenDemo("stampede"));
    QVERIFY(w.demoPage()->isVisibleTo(&w));
    QCOMPARE(w.demoPage()->invocation().ids, std::vector<int64_t>({4, 5}));
  }

  void headlessScreenshot() {
    QString png = dir_.filePath("page.png");
    QCOMPARE(RunDemoScreenshot(db_, "stampede", png, QSize(1100, 640)), 0);
    QImage img(png);
    QCOMPARE(img.size(), QSize(1100, 640));
    int inked = 0, coloured = 0;
    for (int y = 0; y < img.height(); y += 2)  // every other pixel: 2 px chart lines are hit
      for (int x = 0; x < img.width(); x += 2) {
        QRgb p = img.pixel(x, y);
        inked += qGray(p) < 200;
        coloured += qAbs(qRed(p) - qBlue(p)) > 60;  // chart lines, not grey text
      }
    QVERIFY2(inked > 500, qPrintable(QString("only %1 inked pixels").arg(inked)));
    QVERIFY2(coloured > 50, qPrintable(QString("only %1 coloured pixels").arg(coloured)));
    QCOMPARE(RunDemoScreenshot(db_, "no-such-demo", dir_.filePath("x.png"), QSize(400, 300)), 1);
  }

  // The whole window: its size, and the selected runs scrolled into view (run 1 is the oldest of
  // seven, sorted newest first, so it sits below the rows a 30% table shows unless scrolled to).
  void windowScreenshot() {
    QString png = dir_.filePath("window.png");
    QCOMPARE(RunWindowScreenshot(db_, QString(), "1", "latency", png, QSize(1200, 700)), 0);
    QCOMPARE(QImage(png).size(), QSize(1200, 700));
    MainWindow w(db_, QString());
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.resize(1200, 420);
    w.show();
    QCoreApplication::processEvents();
    w.SelectRuns({1});
    QTableView* table = w.runTable();
    QModelIndex sel = table->selectionModel()->selectedRows().value(0);
    QVERIFY(sel.isValid());
    QVERIFY2(table->viewport()->rect().contains(table->visualRect(sel)), "the selected run is not in view");
  }

  // The column chooser (View > Table columns...): a hidden column is shown by checking it.
  void columnChooserShowsAHiddenColumn() {
    MainWindow w(db_, QString());
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.show();
    QCoreApplication::processEvents();
    QTableView* table = w.runTable();
    const int p50 = RunListModel::kFirstHidden + 2;
    QCOMPARE(w.runModel().headerData(p50, Qt::Horizontal).toString(), QString("p50 us"));
    QVERIFY(table->isColumnHidden(p50));
    QVERIFY(!table->isColumnHidden(RunListModel::kNote));
    QAction* open = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
      if (a->text() == "Table &columns...") open = a;
    QVERIFY(open);
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
      auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
      if (!menu) return;
      for (QAction* a : menu->actions())
        if (a->text() == "p50 us") {
          checked = !a->isChecked();
          a->setChecked(true);
        }
      menu->close();
    });
    open->trigger();
    QVERIFY(checked);
    QVERIFY(!table->isColumnHidden(p50));
  }
};

QTEST_MAIN(GuiDemoPageTest)
#include "gui_demo_page_test.moc"
