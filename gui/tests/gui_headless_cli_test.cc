// The dashboard's command-line entry points as a user runs them, headless:
// `cachelab plot --sweep FILE.toml` (with --fix holding a parameter, a bad
// --fix refused with exit 2), and `cachelab-gui --screenshot` (one chart, and
// --window) with no QT_QPA_PLATFORM and no display in the environment.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

class GuiHeadlessCliTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString db_, toml_;

  // Runs a program with `env` (the test's own environment if empty); returns its exit code.
  static int Run(const QString& program, const QStringList& args, QString* err = nullptr,
                 QProcessEnvironment env = QProcessEnvironment()) {
    QProcess p;
    if (!env.isEmpty()) p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(240000)) return -1;
    if (err) *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    db_ = dir_.filePath("s.db");
    toml_ = dir_.filePath("s.toml");
    QFile f(toml_);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keys = 1000\nrequests = 3000\nrate = 2000\n"
            "strategy = [\"cache-aside\", \"read-through\"]\ninvalidation = [\"ttl\", \"tags\"]\nalpha = [0.6, 1.2]\n"
            "[sweep]\nname = \"headless\"\n");
    f.close();
    QString err;
    QCOMPARE(Run(CACHELAB_CLI, {"sweep", toml_, "--db", db_}, &err), 0);
  }

  void plotSweepFromTheCli() {
    QString png = dir_.filePath("heat.png"), err;
    QCOMPARE(Run(CACHELAB_CLI, {"plot", "--sweep", toml_, "--db", db_, "--metric", "hit_ratio", "--x", "strategy",
                                "--y", "invalidation", "--out", png},
                 &err),
             0);
    QVERIFY2(QImage(png).width() > 100, qPrintable(err));
    QString fixed = dir_.filePath("fixed.png");
    QCOMPARE(Run(CACHELAB_CLI, {"plot", "--sweep", toml_, "--db", db_, "--x", "strategy", "--y", "invalidation",
                                "--fix", "alpha=1.2", "--out", fixed},
                 &err),
             0);
    QVERIFY(QImage(fixed).width() > 100);
    QVERIFY(QImage(fixed) != QImage(png));  // other cells: alpha held at 1.2, not averaged
    QCOMPARE(Run(CACHELAB_CLI, {"plot", "--sweep", toml_, "--db", db_, "--x", "strategy", "--y", "invalidation",
                                "--fix", "alpha=7", "--out", dir_.filePath("bad.png")},
                 &err),
             2);
    QVERIFY2(err.contains("no run has alpha=7"), qPrintable(err));
    QCOMPARE(Run(CACHELAB_CLI, {"plot", "--sweep", toml_, "--db", db_, "--fix", "alpha", "--out", dir_.filePath("b.png")},
                 &err),
             2);
    QVERIFY2(err.contains("--fix"), qPrintable(err));
  }

  // Found by an audit: cachelab-plot run directly (not through `cachelab plot`,
  // which checks first) said "no runs in 'x.db'" for a file that does not exist.
  void plotHelperNamesAMissingResultsFile() {
    QString missing = dir_.filePath("absent.db"), err;
    QCOMPARE(Run(CACHELAB_PLOT, {"--db", missing, "--chart", "hit-rate", "--out", dir_.filePath("m.png")}, &err), 2);
    QVERIFY2(err.contains("no results file '" + missing + "'"), qPrintable(err));
    QVERIFY(!QFile::exists(missing));
  }

  void screenshotWithoutDisplayOrPlatform() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(v);
    QString chart = dir_.filePath("lat.png"), window = dir_.filePath("win.png"), err;
    QCOMPARE(Run(CACHELAB_GUI, {"--db", db_, "--run", "1,2", "--chart", "latency", "--screenshot", chart}, &err, env), 0);
    QVERIFY2(QImage(chart).width() > 100, qPrintable(err));
    QCOMPARE(Run(CACHELAB_GUI, {"--db", db_, "--run", "1,2", "--chart", "sweep", "--window", "--width", "1000",
                                "--height", "600", "--screenshot", window},
                 &err, env),
             0);
    QCOMPARE(QImage(window).size(), QSize(1000, 600));
  }
};

QTEST_MAIN(GuiHeadlessCliTest)
#include "gui_headless_cli_test.moc"
