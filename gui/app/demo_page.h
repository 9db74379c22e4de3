// The guided page of one teaching-demo invocation: the narrative, the measured
// numbers and the conclusion as rich text beside the chart tabs of its runs,
// opened on the chart that tells the demo's story; "Run this demo" runs
// `cachelab demo NAME --db DB` as a child process and then shows the new runs.
#pragma once
#include <QWidget>

#include "gui/app/run_process.h"
#include "gui/charts/chart_tabs.h"
#include "gui/models/demo_invocations.h"
#include "gui/models/store_reader.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTextBrowser;
QT_END_NAMESPACE

namespace cachelab::gui {

class DemoPage : public QWidget {
  Q_OBJECT
 public:
  // `cli` may be empty (headless screenshots never run anything).
  explicit DemoPage(const QString& cli, QWidget* parent = nullptr);

  void SetDb(const QString& db) { store_ = StoreReader(db); }
  // Shows the invocation whose first run is `first_id`, or the newest of `demo`
  // when first_id is 0. False (with *error) if the store has no such demo.
  bool Open(const QString& demo, int64_t first_id = 0, QString* error = nullptr);

  const DemoInvocation& invocation() const { return inv_; }
  QTextBrowser* text() { return text_; }
  ChartTabs* charts() { return charts_; }
  QPushButton* runButton() { return run_; }
  RunProcess& process() { return process_; }

 signals:
  void backRequested();
  // The demo's child process ended; on success the page already shows the new runs.
  void demoRunFinished(bool ok, const QString& message);

 private:
  void RunDemo();
  void OnFinished(bool ok, const QString& message);

  QString cli_;
  StoreReader store_{QString()};
  DemoInvocation inv_;
  QString demo_;  // asked for, even before the store has it
  QLabel* status_;
  QPushButton* run_;
  QTextBrowser* text_;
  ChartTabs* charts_;
  RunProcess process_;
};

}  // namespace cachelab::gui
