#include "gui/app/demo_screenshot.h"

#include <QCoreApplication>
#include <QPixmap>
#include <cstdio>

#include "gui/app/demo_page.h"
#include "gui/app/main_window.h"
#include "gui/charts/chart_render.h"

namespace cachelab::gui {

int RunDemoScreenshot(const QString& db, const QString& demo, const QString& out, QSize size) {
  auto say = [](const QString& s) { std::fprintf(stderr, "%s\n", s.toLocal8Bit().constData()); };
  if (!out.endsWith(".png", Qt::CaseInsensitive)) {
    say(QStringLiteral("cachelab-gui: error: a demo page screenshot is a .png"));
    return 1;
  }
  DemoPage page{QString()};
  page.SetDb(db);
  QString error;
  if (!page.Open(demo, 0, &error)) {
    say("cachelab-gui: error: " + error);
    return 1;
  }
  // Shown (offscreen) so layouts and the rich text settle before the grab.
  page.setAttribute(Qt::WA_DontShowOnScreen);
  page.resize(size);
  page.show();
  QCoreApplication::processEvents();
  if (!page.grab().save(out, "PNG")) {
    say(QStringLiteral("cachelab-gui: error: cannot write '%1'").arg(out));
    return 1;
  }
  say(QStringLiteral("wrote %1").arg(out));
  return 0;
}

QList<qlonglong> ParseRunIds(const QString& spec, const RunListModel& model) {
  QList<qlonglong> ids;
  int n = model.rowCount();
  if (spec == "last" && n > 0) ids << model.run(n - 1).id;
  else if (spec == "all")
    for (int r = 0; r < n; ++r) ids << model.run(r).id;
  else
    for (const QString& s : spec.split(',', Qt::SkipEmptyParts)) ids << s.trimmed().toLongLong();
  return ids;
}

int RunWindowScreenshot(const QString& db, const QString& cli, const QString& runs, const QString& chart,
                        const QString& out, QSize size) {
  MainWindow window(db, cli);
  // Laid out first, so selecting scrolls the chosen runs into view as on screen.
  window.setAttribute(Qt::WA_DontShowOnScreen);
  window.resize(size);
  window.show();
  QCoreApplication::processEvents();
  if (!runs.isEmpty()) window.SelectRuns(ParseRunIds(runs, window.runModel()));
  window.charts()->ShowChart(chart);
  QString error;
  if (!SaveWidget(&window, size, out, &error)) {
    std::fprintf(stderr, "cachelab-gui: error: %s\n", qPrintable(error));
    return 1;
  }
  std::fprintf(stderr, "wrote %s\n", qPrintable(out));
  return 0;
}

}  // namespace cachelab::gui
