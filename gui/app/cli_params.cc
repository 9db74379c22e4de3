#include "gui/app/cli_params.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace cachelab::gui {

QString FindCli(const QString& flag) {
  if (!flag.isEmpty()) return flag;
  if (QString env = qEnvironmentVariable("CACHELAB_CLI"); !env.isEmpty()) return env;
  QString dir = QCoreApplication::applicationDirPath();
  QStringList candidates = {dir + "/cachelab", dir + "/../cli/cachelab"};
#ifdef CACHELAB_BUILD_CLI
  candidates << QStringLiteral(CACHELAB_BUILD_CLI);
#endif
  for (const QString& c : candidates)
    if (QFileInfo(c).isExecutable()) return QFileInfo(c).canonicalFilePath();
  QString on_path = QStandardPaths::findExecutable("cachelab");
  return on_path.isEmpty() ? QStringLiteral("cachelab") : on_path;
}

std::vector<ParamSpec> ParseParamsJson(const QByteArray& json, QString* error) {
  QJsonParseError perr;
  QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
  if (!doc.isArray()) {
    *error = QStringLiteral("`cachelab params --json` did not print a JSON array: %1").arg(perr.errorString());
    return {};
  }
  std::vector<ParamSpec> out;
  for (const QJsonValue& v : doc.array()) {
    QJsonObject o = v.toObject();
    out.push_back({o["name"].toString(), o["default"].toString(), o["group"].toString(), o["help"].toString()});
  }
  return out;
}

std::vector<ParamSpec> LoadParams(const QString& cli, QString* error) {
  QProcess p;
  p.start(cli, {"params", "--json"});
  if (!p.waitForFinished(15000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    *error = QStringLiteral("cannot run '%1 params --json': %2 %3")
                 .arg(cli, p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return {};
  }
  return ParseParamsJson(p.readAllStandardOutput(), error);
}

}  // namespace cachelab::gui
