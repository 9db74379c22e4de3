// The "new experiment" form: one field per CLI parameter (from `cachelab
// params --json`, defaults filled in, help as tooltip), grouped as the CLI
// groups them; Start runs the CLI as a child process, with a progress bar,
// Cancel, and the child's error shown if it fails.
#pragma once
#include <QLineEdit>
#include <QList>
#include <QMap>
#include <QWidget>
#include <vector>

#include "gui/app/cli_params.h"
#include "gui/app/run_process.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QPushButton;
QT_END_NAMESPACE

namespace cachelab::gui {

class RunForm : public QWidget {
  Q_OBJECT
 public:
  RunForm(QString cli, std::vector<ParamSpec> params, QWidget* parent = nullptr);

  void SetDb(const QString& db) { db_ = db; }
  // Sets a field (tests and presets); false for an unknown parameter.
  bool SetValue(const QString& name, const QString& value);
  // "--name value" for every field that differs from its default.
  QStringList Arguments() const;
  RunProcess& process() { return process_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* cancelButton() const { return cancel_; }
  QString status() const;

 public slots:
  void Start();

 signals:
  void liveUpdated(const RunReport& partial);
  void runFinished(bool ok, const QList<qlonglong>& ids);

 private:
  void OnFinished(bool ok, const QString& message, const QList<qlonglong>& ids);
  void ResetDefaults();

  QString cli_, db_;
  std::vector<ParamSpec> params_;
  QMap<QString, QLineEdit*> fields_;
  RunProcess process_;
  QPushButton *start_, *cancel_;
  QProgressBar* progress_;
  QLabel* status_;
};

}  // namespace cachelab::gui
