#include "gui/app/run_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cachelab::gui {

RunProcess::RunProcess(QObject* parent) : QObject(parent) {
  live_timer_.setSingleShot(true);
  live_timer_.setInterval(250);
  connect(&live_timer_, &QTimer::timeout, this, &RunProcess::liveUpdated);
  connect(&process_, &QProcess::readyReadStandardError, this, &RunProcess::OnStderr);
  connect(&process_, &QProcess::finished, this, &RunProcess::OnFinished);
  connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart)
      emit finished(false, tr("cannot start '%1': %2").arg(process_.program(), process_.errorString()), {});
  });
}

RunProcess::~RunProcess() {
  if (running()) {
    process_.kill();
    process_.waitForFinished(2000);
  }
}

bool RunProcess::Start(const QString& cli, const QString& db, const QStringList& args) {
  return StartCommand(cli, QStringList{"run", "--progress", "--db", db} + args);
}

bool RunProcess::StartCommand(const QString& cli, const QStringList& args) {
  if (running()) return false;
  pending_.clear();
  messages_.clear();
  saved_.clear();
  live_ = RunReport{};
  live_.label = "running";
  cancelled_ = false;
  process_.setStandardOutputFile(QProcess::nullDevice());  // the summary table is for terminals
  process_.start(cli, args);
  return true;
}

void RunProcess::Cancel() {
  if (!running()) return;
  cancelled_ = true;
  process_.terminate();  // the CLI writes nothing unless a run completes
  QTimer::singleShot(3000, this, [this] {
    if (running()) process_.kill();
  });
}

void RunProcess::OnStderr() {
  pending_ += process_.readAllStandardError();
  for (qsizetype nl; (nl = pending_.indexOf('\n')) >= 0;) {
    OnLine(pending_.left(nl));
    pending_.remove(0, nl + 1);
  }
}

void RunProcess::OnLine(const QByteArray& line) {
  QJsonObject o = line.startsWith('{') ? QJsonDocument::fromJson(line).object() : QJsonObject();
  QString type = o["type"].toString();
  if (type == "progress" || type == "runs") {
    double done = o["done"].toDouble(), total = o["total"].toDouble();
    QString text = type == "runs" ? tr("%1 / %2 runs done").arg(done).arg(total)
                                  : tr("%L1 / %L2 requests, %3 s simulated").arg(done, 0, 'f', 0).arg(total, 0, 'f', 0)
                                        .arg(o["sim_s"].toDouble(), 0, 'f', 1);
    emit progressed(total > 0 ? done / total : 0, text);
  } else if (type == "series") {
    std::string name = o["name"].toString().toStdString();
    Series* s = nullptr;
    for (auto& existing : live_.series)
      if (existing.name == name) s = &existing;
    if (!s) s = &live_.series.emplace_back(Series{name, o["unit"].toString().toStdString(), {}, {}});
    const QJsonArray t = o["t"].toArray(), v = o["v"].toArray();
    for (qsizetype i = 0; i < t.size() && i < v.size(); ++i) {
      s->t.push_back(static_cast<SimTime>(t[i].toDouble()));
      s->v.push_back(v[i].isDouble() ? v[i].toDouble() : NAN);  // null = NaN in JSON
    }
    if (!live_timer_.isActive()) live_timer_.start();
  } else if (type == "saved") {
    for (const QJsonValue& id : o["ids"].toArray()) saved_.append(id.toInteger());
  } else if (type == "phase") {  // a long step before or after the run (loading a trace, an MRC pass)
    if (o["finished"].toBool()) return;
    const double fraction = o["fraction"].toDouble();
    emit progressed(fraction >= 0 ? fraction : 0,
                    tr("%1: %L2 %3").arg(o["what"].toString()).arg(o["done"].toDouble(), 0, 'f', 0)
                        .arg(o["unit"].toString()));
  } else if (!type.isEmpty()) {
    // A progress record of a kind this dashboard does not know: never an error for people.
  } else if (!line.trimmed().isEmpty()) {
    messages_ << QString::fromLocal8Bit(line).trimmed();
  }
}

void RunProcess::OnFinished(int code, QProcess::ExitStatus status) {
  OnStderr();
  if (!pending_.isEmpty()) OnLine(pending_);
  if (live_timer_.isActive()) {  // flush: a short run may end inside the coalescing interval
    live_timer_.stop();
    emit liveUpdated();
  }
  QString detail = messages_.join('\n');
  if (cancelled_) emit finished(false, tr("cancelled"), {});
  else if (status == QProcess::CrashExit) emit finished(false, tr("cachelab crashed. %1").arg(detail), {});
  else if (code != 0) emit finished(false, detail.isEmpty() ? tr("cachelab exited with code %1").arg(code) : detail, {});
  else emit finished(true, detail, saved_);
}

}  // namespace cachelab::gui
