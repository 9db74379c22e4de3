// Screenshots of whole pages without a window: `cachelab-gui --demo NAME
// --screenshot OUT.png` (the guided page of the newest invocation of a demo)
// and `cachelab-gui --window --screenshot OUT.png` (the main window: runs
// table, run form, chart tabs).
#pragma once
#include <QSize>
#include <QList>
#include <QString>

namespace cachelab::gui {

inline constexpr QSize kDefaultDemoPageSize{1400, 760};
inline constexpr QSize kDefaultWindowSize{1600, 1000};

class RunListModel;

// Returns a process exit code (0 ok, 1 failure) and says what it wrote on stderr.
int RunDemoScreenshot(const QString& db, const QString& demo, const QString& out, QSize size = kDefaultDemoPageSize);
// The main window with `runs` ("3,5", "last", "all"; empty: none) selected and `chart` the current tab.
int RunWindowScreenshot(const QString& db, const QString& cli, const QString& runs, const QString& chart,
                        const QString& out, QSize size = kDefaultWindowSize);
// "3,5", "last" or "all" against the runs a window lists.
QList<qlonglong> ParseRunIds(const QString& spec, const RunListModel& model);

}  // namespace cachelab::gui
