// `cachelab-gui --demo NAME --screenshot OUT.png`: the guided page of the
// newest invocation of a demo, rendered without a window.
#pragma once
#include <QSize>
#include <QString>

namespace cachelab::gui {

inline constexpr QSize kDefaultDemoPageSize{1400, 760};

// Returns a process exit code (0 ok, 1 failure) and says what it wrote on stderr.
int RunDemoScreenshot(const QString& db, const QString& demo, const QString& out, QSize size = kDefaultDemoPageSize);

}  // namespace cachelab::gui
