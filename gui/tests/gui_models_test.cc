// The Qt models over the results store: rows, columns and values against a
// store the test fills.
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

#include "gui/models/run_list_model.h"
#include "results/result_store.h"
#include "gui/models/series_table_model.h"
#include "gui/models/store_reader.h"
#include "gui/tests/fixture_store.h"

using namespace cachelab;
using namespace cachelab::gui;

class GuiModelsTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString db_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    db_ = dir_.filePath("fixture.db");
    test::WriteFixtureStore(db_, 2);
  }

  void runListRowsAndColumns() {
    RunListModel model;
    model.SetRuns(StoreReader(db_).ListRuns());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(RunListModel::kColumnCount));
    QCOMPARE(model.headerData(RunListModel::kStrategy, Qt::Horizontal).toString(), QString("strategy"));
    QCOMPARE(model.index(0, RunListModel::kId).data().toLongLong(), 1);
    QCOMPARE(model.index(0, RunListModel::kStrategy).data().toString(), QString("cache-aside"));
    QCOMPARE(model.index(1, RunListModel::kStrategy).data().toString(), QString("write-through"));
    QCOMPARE(model.index(1, RunListModel::kHitRatio).data(Qt::EditRole).toDouble(), 0.76);
    QCOMPARE(model.index(1, RunListModel::kHitRatio).data().toString(), QString("0.7600"));
    QCOMPARE(model.index(0, RunListModel::kDbQueries).data().toString(), QString("250"));
    QCOMPARE(model.index(0, RunListModel::kGuard).data().toString(), QString());  // not a parameter yet: empty
    QCOMPARE(model.index(1, 0).data(RunListModel::kRunIdRole).toLongLong(), 2);
    QCOMPARE(model.RowOfId(2), 1);
    QCOMPARE(model.RowOfId(99), -1);
  }

  // The parameters as runs store them (lab/params_*.cc): --stampede, --nodes, --partitioner, --scenario.
  void runListColumnsReadWhatRunsStore() {
    RunSummary single, cluster;
    single.id = 1;
    single.config = {{"strategy", "cache-aside"}, {"invalidation", "ttl"}, {"stampede", "xfetch"}, {"nodes", "1"},
                     {"partitioner", "ring"}, {"scenario", "hot-key"}, {"alpha", "0"}, {"keys", "100000"}};
    cluster.id = 2;
    cluster.config = {{"strategy", "cache-aside"}, {"invalidation", "ttl"}, {"stampede", "none"}, {"nodes", "4"},
                      {"partitioner", "jump"}, {"churn", "t=5s:add"}, {"scenario", "none"}, {"alpha", "0.99"},
                      {"keys", "100000"}};
    RunListModel model;
    model.SetRuns({single, cluster});
    QCOMPARE(model.index(0, RunListModel::kGuard).data().toString(), QString("xfetch"));
    QCOMPARE(model.index(0, RunListModel::kPartitioner).data().toString(), QString());  // one node: no partitioner
    QCOMPARE(model.index(1, RunListModel::kPartitioner).data().toString(), QString("jump"));
    QCOMPARE(model.index(0, RunListModel::kWorkload).data().toString(), QString("hot-key"));
    QCOMPARE(model.index(1, RunListModel::kWorkload).data().toString(), QString("zipf 0.99 over 100,000 keys"));
    QCOMPARE(RunTitle(single), QString("cache-aside/ttl/xfetch hot-key"));
    QCOMPARE(RunTitle(cluster), QString("cache-aside/ttl jump x4 churn"));
    QVERIFY(RunListModel::ShownByDefault(RunListModel::kStaleReads));
    QVERIFY(!RunListModel::ShownByDefault(RunListModel::kFirstHidden));  // the column chooser shows the rest
  }

  // Issue 19's matrix notes, stored as a run stores them (pair_same_as, pair_note), in a column
  // shown by default with the reason in the tooltip; a cell that is its own has none.
  void runListNoteColumn() {
    QString path = dir_.filePath("notes.db");
    {
      ResultStore store(path.toStdString());
      RunReport own = test::FixtureRun(0), twin = test::FixtureRun(0), idle = test::FixtureRun(1);
      twin.Set("pair_same_as", std::string("cache-aside x ttl"));
      twin.Set("pair_note", std::string("= cache-aside x ttl: same read path"));
      idle.Set("pair_note", std::string("no near caches: nothing to drop"));
      for (const RunReport& r : {own, twin, idle}) store.SaveRun(r);
    }
    RunListModel model;
    model.SetRuns(StoreReader(path).ListRuns());
    QVERIFY(RunListModel::ShownByDefault(RunListModel::kNote));
    QCOMPARE(model.headerData(RunListModel::kNote, Qt::Horizontal).toString(), QString("note"));
    QCOMPARE(model.index(0, RunListModel::kNote).data().toString(), QString());
    QCOMPARE(model.index(1, RunListModel::kNote).data().toString(), QString("= cache-aside x ttl"));
    QCOMPARE(model.index(2, RunListModel::kNote).data().toString(), QString("n/a"));
    QVERIFY(model.index(1, RunListModel::kNote).data(Qt::ToolTipRole).toString().contains("same read path"));
    QVERIFY(model.index(2, RunListModel::kNote).data(Qt::ToolTipRole).toString().contains("n/a: no near caches"));
  }

  void runListSortsNumbersAndFilters() {
    RunListModel model;
    model.SetRuns(StoreReader(db_).ListRuns());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Qt::EditRole);
    proxy.setFilterKeyColumn(-1);
    proxy.sort(RunListModel::kHitRatio, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, RunListModel::kId).data().toLongLong(), 2);
    proxy.setFilterFixedString("cache-aside");
    QCOMPARE(proxy.rowCount(), 1);
  }

  void seriesTableMatchesStore() {
    auto run = StoreReader(db_).Load(1);
    QVERIFY(run.has_value());
    QCOMPARE(run->name, QString("#1 cache-aside/ttl"));
    SeriesTableModel model;
    model.SetRun(run->report);
    // Window times 1..10 s in "t (s)"; the trace profile's, the replay's and the MRC's
    // positions (ranks, sizes, requests: no times) each in their axis's own column.
    int hit = model.ColumnOf("hit_ratio");
    QVERIFY(hit > 0);
    QCOMPARE(model.headerData(hit, Qt::Horizontal).toString(), QString("hit_ratio (ratio)"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("t (s)"));
    int rows_with_hits = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
      QVariant v = model.index(row, hit).data();
      if (!v.isValid()) continue;
      double t = model.index(row, 0).data().toDouble();
      QCOMPARE(v.toDouble(), 0.5 + 0.04 * t);
      ++rows_with_hits;
    }
    QCOMPARE(rows_with_hits, 10);
    QCOMPARE(model.ColumnOf("no-such-series"), -1);
    int requests = model.ColumnOfAxis(SeriesAxis::kRequests);
    QVERIFY(requests > 0);
    QCOMPARE(model.headerData(requests, Qt::Horizontal).toString(), QString("t (requests)"));
    QCOMPARE(model.headerData(model.ColumnOfAxis(SeriesAxis::kBytes), Qt::Horizontal).toString(), QString("t (bytes)"));
    int scans = model.ColumnOf("scan_requests"), scan_rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
      QVariant v = model.index(row, scans).data();
      if (!v.isValid()) continue;
      qlonglong at = model.index(row, requests).data().toLongLong();  // 10,000 requests per window
      QVERIFY(at % 10000 == 0);
      QCOMPARE(v.toDouble(), (at / 10000) % 2 ? 0.0 : 4000.0);
      QVERIFY(!model.index(row, 0).data().isValid());  // no time: t (s) is empty
      ++scan_rows;
    }
    QCOMPARE(scan_rows, 10);
  }

  void readerToleratesMissingFileAndRun() {
    StoreReader missing(dir_.filePath("absent.db"));
    QString error;
    QVERIFY(missing.ListRuns(&error).empty());
    QVERIFY(error.isEmpty());
    QVERIFY(!StoreReader(db_).Load(42, &error).has_value());
    QVERIFY(!error.isEmpty());
  }
};

QTEST_MAIN(GuiModelsTest)
#include "gui_models_test.moc"
