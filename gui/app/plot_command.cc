#include "gui/app/plot_command.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_catalog.h"
#include "gui/models/store_reader.h"

namespace cachelab::gui {
namespace {

void Say(const QString& s) { std::fprintf(stderr, "%s\n", s.toLocal8Bit().constData()); }

// Resolves "last", "all" or "3,5" against the store; empty with *error on failure.
std::vector<int64_t> ResolveRuns(const StoreReader& store, const QString& spec, QString* error) {
  std::vector<RunSummary> runs = store.ListRuns(error);
  if (runs.empty()) {
    if (error->isEmpty()) *error = QStringLiteral("no runs in '%1'").arg(store.path());
    return {};
  }
  if (spec == "last") return {runs.back().id};
  std::vector<int64_t> ids;
  if (spec == "all") {
    for (const auto& r : runs) ids.push_back(r.id);
    return ids;
  }
  for (const QString& part : spec.split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    qlonglong id = part.trimmed().toLongLong(&ok);
    if (!ok) {
      *error = QStringLiteral("--run: '%1' is not a run id (use ids like 3,5, 'last' or 'all')").arg(part);
      return {};
    }
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

QString ChartListText() {
  QString text;
  for (const auto& c : ChartCatalog()) text += QStringLiteral("%1  %2\n").arg(c.name, -12).arg(c.help);
  return text;
}

int RunPlot(const PlotRequest& req) {
  if (req.chart != "all" && !IsChartName(req.chart)) {
    Say(QStringLiteral("cachelab plot: error: unknown chart '%1'; charts:\n%2").arg(req.chart, ChartListText()));
    return 2;
  }
  if (req.out.isEmpty()) {
    Say(QStringLiteral("cachelab plot: error: --out FILE.png|FILE.svg (or a folder with --chart all) is required"));
    return 2;
  }
  // The reader opens a missing file as an empty store: name it, as `cachelab plot` does.
  if (!QFileInfo::exists(req.db)) {
    Say(QStringLiteral("cachelab plot: error: no results file '%1'").arg(req.db));
    return 2;
  }
  StoreReader store(req.db);
  QString error;
  std::vector<int64_t> ids = ResolveRuns(store, req.runs, &error);
  std::vector<LoadedRun> runs = ids.empty() ? std::vector<LoadedRun>{} : store.LoadMany(ids, &error);
  if (runs.empty() || !error.isEmpty()) {
    Say(QStringLiteral("cachelab plot: error: %1").arg(error));
    return 1;
  }
  std::vector<std::pair<QString, QString>> jobs;  // chart, file
  if (req.chart == "all") {
    QDir().mkpath(req.out);
    for (const auto& c : ChartCatalog()) jobs.emplace_back(c.name, QDir(req.out).filePath(c.name + ".png"));
  } else {
    jobs.emplace_back(req.chart, req.out);
  }
  for (const auto& [chart, file] : jobs) {
    BuiltChart built = chart == "sweep" ? BuildSweepChart(runs, req.metric, req.x, req.y, req.fixed) : BuildChart(chart, runs);
    if (chart == "sweep" && !built.has_data && req.chart == "sweep") {
      built.Delete();
      Say(QStringLiteral("cachelab plot: error: %1").arg(built.subtitle));
      return 2;
    }
    QSize saved;
    if (!SaveChart(std::move(built), req.size, file, &error, &saved)) {
      Say(QStringLiteral("cachelab plot: error: %1").arg(error));
      return 1;
    }
    if (saved == req.size) Say(QStringLiteral("wrote %1").arg(file));
    else Say(QStringLiteral("wrote %1 (%2x%3: the legend and axis labels need more than %4x%5)")
                 .arg(file).arg(saved.width()).arg(saved.height()).arg(req.size.width()).arg(req.size.height()));
  }
  return 0;
}

int PlotMain(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Render a chart of stored runs to PNG or SVG, without a display.\n\nCharts:\n") +
                              ChartListText());
  p.addHelpOption();
  p.addOptions({{"db", "results file (default: $CACHELAB_DB or ./cachelab-results.db)", "FILE"},
                {"run", "run ids to overlay, e.g. 3,5; 'last' (default) or 'all'", "IDS", "last"},
                {"chart", "chart name, or 'all' (then --out is a folder)", "NAME"},
                {"out", "output .png or .svg (a folder with --chart all)", "FILE"},
                {"width", "image width in pixels", "PX", QString::number(kDefaultChartSize.width())},
                {"height", "image height in pixels", "PX", QString::number(kDefaultChartSize.height())},
                {"metric", "sweep chart: the summary field shown (default hit_ratio)", "NAME"},
                {"x", "sweep chart: the parameter across (default: the first that varies)", "PARAM"},
                {"y", "sweep chart: the parameter down (default: the second that varies)", "PARAM"},
                {"fix", "sweep chart: hold a parameter at a value, e.g. alpha=0.6 (repeat or comma-list; "
                        "other parameters are averaged over)", "PARAM=VALUE"},
                {"list-charts", "list the chart names and exit"}});
  if (!p.parse(args)) {
    Say("cachelab plot: error: " + p.errorText());
    return 2;
  }
  if (p.isSet("help")) {
    std::printf("%s", p.helpText().toLocal8Bit().constData());
    return 0;
  }
  if (p.isSet("list-charts")) {
    std::printf("%s", ChartListText().toLocal8Bit().constData());
    return 0;
  }
  PlotRequest req;
  req.db = QString::fromStdString(ResolveResultsPath(p.value("db").toStdString()));
  req.runs = p.value("run");
  req.chart = p.value("chart");
  req.out = p.value("out");
  req.size = QSize(p.value("width").toInt(), p.value("height").toInt());
  req.metric = p.value("metric");
  req.x = p.value("x");
  req.y = p.value("y");
  for (const QString& item : p.values("fix"))
    for (const QString& pair : item.split(',', Qt::SkipEmptyParts)) {
      qsizetype eq = pair.indexOf('=');
      if (eq <= 0) {
        Say(QStringLiteral("cachelab plot: error: --fix: '%1' is not PARAM=VALUE").arg(pair));
        return 2;
      }
      req.fixed[pair.left(eq).trimmed()] = pair.mid(eq + 1).trimmed();
    }
  if (req.chart.isEmpty() && (p.isSet("metric") || p.isSet("x") || p.isSet("fix"))) req.chart = "sweep";
  if (req.size.width() < 100 || req.size.height() < 100) {
    Say("cachelab plot: error: --width and --height must be at least 100");
    return 2;
  }
  return RunPlot(req);
}

}  // namespace cachelab::gui
