// Finding the `cachelab` CLI and asking it for its parameters
// (`cachelab params --json`), so the run form never drifts from the CLI.
#pragma once
#include <QByteArray>
#include <QString>
#include <vector>

namespace cachelab::gui {

struct ParamSpec {
  QString name, default_value, group, help;
};

// `flag` if given, else $CACHELAB_CLI, else `cachelab` next to this program,
// in the build tree's cli/, the CLI this build made, and finally $PATH.
QString FindCli(const QString& flag = {});
std::vector<ParamSpec> ParseParamsJson(const QByteArray& json, QString* error);
// Runs `cli params --json`; empty with *error if the CLI is missing or fails.
std::vector<ParamSpec> LoadParams(const QString& cli, QString* error);

}  // namespace cachelab::gui
