#include "gui/app/demo_screenshot.h"

#include <QCoreApplication>
#include <QPixmap>
#include <cstdio>

#include "gui/app/demo_page.h"

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

}  // namespace cachelab::gui
