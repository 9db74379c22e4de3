// One `cachelab run --progress` child process: reads its JSON progress lines
// (cli/progress_json.h), keeps the live series as a partial RunReport and says
// when the run ends. A crash or bad parameter in the child is reported, never
// felt: the GUI only ever sees a process exit.
#pragma once
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include "sim/run_report.h"

namespace cachelab::gui {

class RunProcess : public QObject {
  Q_OBJECT
 public:
  explicit RunProcess(QObject* parent = nullptr);
  ~RunProcess() override;

  // Starts `cli run --progress --db DB <args>`; false if one is running.
  bool Start(const QString& cli, const QString& db, const QStringList& args);
  // Starts `cli <args>` as given (e.g. `demo NAME --db DB`); false if one is running.
  bool StartCommand(const QString& cli, const QStringList& args);
  void Cancel();
  bool running() const { return process_.state() != QProcess::NotRunning; }
  const RunReport& live() const { return live_; }

 signals:
  void progressed(double fraction, const QString& text);
  // The live series grew; coalesced to a few per second so charts redraw in bulk.
  void liveUpdated();
  void finished(bool ok, const QString& message, const QList<qlonglong>& ids);

 private:
  void OnStderr();
  void OnLine(const QByteArray& line);
  void OnFinished(int code, QProcess::ExitStatus status);

  QProcess process_;
  QByteArray pending_;
  QStringList messages_;  // non-JSON stderr lines (errors for people)
  QList<qlonglong> saved_;
  RunReport live_;
  QTimer live_timer_;
  bool cancelled_ = false;
};

}  // namespace cachelab::gui
