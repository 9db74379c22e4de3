// cachelab-gui: the dashboard. With --screenshot it renders one chart (or all,
// into a folder), a demo page (--demo) or the whole window (--window) headless
// and exits: the same code as `cachelab plot`.
#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>
#include <cstring>

#include "gui/app/demo_screenshot.h"
#include "gui/app/main_window.h"
#include "gui/app/plot_command.h"
#include "results/result_store.h"

int main(int argc, char** argv) {
  using namespace cachelab::gui;
  bool headless = false;
  for (int i = 1; i < argc; ++i) headless |= std::strncmp(argv[i], "--screenshot", 12) == 0;
  // A screenshot never needs a display: Qt's offscreen platform, unless the caller chose one.
  if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  // No display at all: say so rather than let Qt abort on the xcb platform.
  if (!headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
      qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
    std::fprintf(stderr, "cachelab-gui: no display (DISPLAY and WAYLAND_DISPLAY are unset); for images use "
                         "--screenshot FILE (with --window for the whole window), or cachelab plot\n");
    return 1;
  }
  QApplication app(argc, argv);
  app.setApplicationName("cachelab-gui");

  QCommandLineParser p;
  p.setApplicationDescription("cachelab dashboard: runs, charts, new experiments.\n\nCharts:\n" + ChartListText());
  p.addHelpOption();
  p.addOptions({{"db", "results file (default: $CACHELAB_DB or ./cachelab-results.db)", "FILE"},
                {"cli", "the cachelab CLI to run experiments with", "PATH"},
                {"run", "run ids to show, e.g. 3,5; 'last' or 'all'", "IDS"},
                {"demo", "open the guided page of the newest run of this demo (with --screenshot: render it)", "NAME"},
                {"chart", "chart for --screenshot ('all': --screenshot is a folder)", "NAME", "hit-rate"},
                {"screenshot", "render the chart to this .png/.svg without a window and exit", "FILE"},
                {"window", "with --screenshot: the whole main window (runs table, dock, chart tabs on --chart)"},
                {"width", "screenshot width", "PX", QString::number(kDefaultChartSize.width())},
                {"height", "screenshot height", "PX", QString::number(kDefaultChartSize.height())}});
  p.process(app);
  QString db = QString::fromStdString(cachelab::ResolveResultsPath(p.value("db").toStdString()));
  if (p.isSet("screenshot") && p.isSet("demo")) {
    QSize size(p.isSet("width") ? p.value("width").toInt() : kDefaultDemoPageSize.width(),
               p.isSet("height") ? p.value("height").toInt() : kDefaultDemoPageSize.height());
    return RunDemoScreenshot(db, p.value("demo"), p.value("screenshot"), size);
  }
  if (p.isSet("screenshot") && p.isSet("window"))
    return RunWindowScreenshot(db, FindCli(p.value("cli")), p.isSet("run") ? p.value("run") : QString(), p.value("chart"),
                               p.value("screenshot"),
                               QSize(p.isSet("width") ? p.value("width").toInt() : kDefaultWindowSize.width(),
                                     p.isSet("height") ? p.value("height").toInt() : kDefaultWindowSize.height()));
  if (p.isSet("screenshot")) {
    PlotRequest req;  // the sweep chart's choices keep their defaults
    req.db = db;
    req.runs = p.isSet("run") ? p.value("run") : QStringLiteral("last");
    req.chart = p.value("chart");
    req.out = p.value("screenshot");
    req.size = QSize(p.value("width").toInt(), p.value("height").toInt());
    return RunPlot(req);
  }
  MainWindow window(db, FindCli(p.value("cli")));
  if (p.isSet("run")) window.SelectRuns(ParseRunIds(p.value("run"), window.runModel()));
  if (p.isSet("demo")) window.OpenDemo(p.value("demo"));
  window.show();
  return app.exec();
}
