// Drives the dashboard like a person: fill the run form, press Start (the real
// CLI runs as a child process), wait, and see the new run listed, selected and
// charted; then a run with a bad parameter fails visibly and the GUI goes on.
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "gui/app/main_window.h"
#include "gui/models/store_reader.h"

using namespace cachelab;
using namespace cachelab::gui;

class GuiRunFormTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void formListsEveryCliParameter() {
    QString error;
    auto params = LoadParams(CACHELAB_CLI, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(params.size() > 10);
    MainWindow w(dir_.filePath("p.db"), CACHELAB_CLI);
    for (const auto& p : params) QVERIFY2(w.runForm()->findChild<QLineEdit*>(p.name), qPrintable(p.name));
    QVERIFY(w.runForm()->Arguments().isEmpty());  // all defaults: nothing to pass
  }

  void startRunSeeItListed() {
    QString db = dir_.filePath("runs.db");
    MainWindow w(db, CACHELAB_CLI);
    w.show();
    QCOMPARE(w.runModel().rowCount(), 0);
    RunForm* form = w.runForm();
    QVERIFY(form->SetValue("requests", "150000"));
    QVERIFY(form->SetValue("seed", "7"));
    QCOMPARE(form->Arguments(), QStringList({"--requests", "150000", "--seed", "7"}));
    QSignalSpy done(form, &RunForm::runFinished);
    QSignalSpy live(form, &RunForm::liveUpdated);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(done.wait(120000));
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(form->status()));
    QCOMPARE(w.runModel().rowCount(), 1);
    QCOMPARE(w.runModel().index(0, RunListModel::kRequests).data(Qt::EditRole).toDouble(), 150000.0);
    QCOMPARE(w.runModel().run(0).seed, uint64_t{7});
    QVERIFY(live.count() >= 1);  // series streamed while it ran (progress every 65,536 requests)
    QVERIFY(form->process().live().series.size() > 5);
    QCOMPARE(w.charts()->runs().size(), size_t{1});  // the new run is selected and charted
    QCOMPARE(w.charts()->runs().front().id, 1);
    QVERIFY(form->startButton()->isEnabled());
  }

  void badParameterShowsErrorAndGuiGoesOn() {
    QString db = dir_.filePath("bad.db");
    MainWindow w(db, CACHELAB_CLI);
    RunForm* form = w.runForm();
    QVERIFY(form->SetValue("alpha", "not-a-number"));
    QSignalSpy done(form, &RunForm::runFinished);
    form->Start();
    QVERIFY(done.wait(60000));
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY2(form->status().contains("alpha"), qPrintable(form->status()));
    QCOMPARE(w.runModel().rowCount(), 0);
    QVERIFY(form->startButton()->isEnabled());
  }

  // A long trace load reports "phase" lines (cli/progress_sink.cc): progress
  // for people, never an error. The child here is a shell printing exactly
  // such lines, so the expectation is the line format, not our CLI's timing.
  void phaseLinesAreProgressNotErrors() {
    RunProcess p;
    QSignalSpy progressed(&p, &RunProcess::progressed);
    QSignalSpy done(&p, &RunProcess::finished);
    QVERIFY(p.StartCommand("/bin/sh", {"-c",
        "echo '{\"type\":\"phase\",\"what\":\"reading t.csv\",\"unit\":\"requests\",\"done\":500,"
        "\"fraction\":0.25,\"elapsed_s\":5,\"finished\":false}' >&2; "
        "echo '{\"type\":\"phase\",\"what\":\"reading t.csv\",\"unit\":\"requests\",\"done\":2000,"
        "\"fraction\":1,\"elapsed_s\":9,\"finished\":true}' >&2; echo '{\"type\":\"later-kind\"}' >&2"}));
    QVERIFY(done.wait(30000));
    QVERIFY(done.at(0).at(0).toBool());
    QCOMPARE(done.at(0).at(1).toString(), QString());  // no message: nothing went wrong
    QCOMPARE(progressed.count(), 1);                    // the finished line ends the phase silently
    QCOMPARE(progressed.at(0).at(0).toDouble(), 0.25);
    QVERIFY2(progressed.at(0).at(1).toString().startsWith("reading t.csv: 500"),
             qPrintable(progressed.at(0).at(1).toString()));
  }

  void cancelStopsTheRun() {
    MainWindow w(dir_.filePath("cancel.db"), CACHELAB_CLI);
    RunForm* form = w.runForm();
    form->SetValue("requests", "100000000");  // minutes of work: only a cancel ends it
    QSignalSpy done(form, &RunForm::runFinished);
    form->Start();
    QTest::qWait(300);
    QTest::mouseClick(form->cancelButton(), Qt::LeftButton);
    QVERIFY(done.wait(30000));
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY(form->status().contains("cancelled"));
    QVERIFY(StoreReader(dir_.filePath("cancel.db")).ListRuns().empty());
  }
};

QTEST_MAIN(GuiRunFormTest)
#include "gui_run_form_test.moc"
