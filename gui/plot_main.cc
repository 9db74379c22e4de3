// cachelab-plot: the Qt half of `cachelab plot` (cli/cmd_plot.cc execs it).
// Always headless: it defaults to Qt's offscreen platform.
#include <QApplication>

#include "gui/app/plot_command.h"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);  // Qt Charts draws with widgets' graphics view
  return cachelab::gui::PlotMain(app.arguments());
}
