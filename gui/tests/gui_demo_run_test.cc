// End to end: an empty store, the eviction demo's page, "Run this demo" runs
// the real `cachelab demo eviction` as a child process, and the page then
// shows the three stored variants with the CLI's narrative and conclusion.
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "gui/app/demo_page.h"

using namespace cachelab;
using namespace cachelab::gui;

class GuiDemoRunTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void runEvictionDemoAndOpenIt() {
    DemoPage page(CACHELAB_CLI);
    page.SetDb(dir_.filePath("e2e.db"));
    QVERIFY(!page.Open("eviction"));  // nothing stored yet
    QSignalSpy done(&page, &DemoPage::demoRunFinished);
    QTest::mouseClick(page.runButton(), Qt::LeftButton);
    QVERIFY(page.process().running());
    QVERIFY(done.wait(120000));
    QVERIFY2(done.front().at(0).toBool(), qPrintable(done.front().at(1).toString()));
    const DemoInvocation& inv = page.invocation();
    QCOMPARE(inv.demo, QString("eviction"));
    QCOMPARE(inv.variants, QStringList({"lru", "lfu", "s3fifo"}));
    QCOMPARE(page.charts()->runs().size(), size_t{3});
    QVERIFY(!inv.narrative.isEmpty() && !inv.conclusion.isEmpty());
    QString text = page.text()->toPlainText();
    QVERIFY(text.contains(inv.narrative.left(40)));
    QVERIFY(text.contains(inv.conclusion.left(40)));
    QVERIFY(page.runButton()->isEnabled());
  }
};

QTEST_MAIN(GuiDemoRunTest)
#include "gui_demo_run_test.moc"
