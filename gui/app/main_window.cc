#include "gui/app/main_window.h"

#include <QCursor>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>
#include <map>

#include "gui/models/demo_guide.h"

namespace cachelab::gui {

MainWindow::MainWindow(const QString& db, const QString& cli, QWidget* parent)
    : QMainWindow(parent), store_(db) {
  setWindowTitle(tr("cachelab dashboard"));
  proxy_.setSourceModel(&model_);
  proxy_.setFilterKeyColumn(-1);  // the filter matches any column
  proxy_.setFilterCaseSensitivity(Qt::CaseInsensitive);
  proxy_.setSortRole(Qt::EditRole);  // numbers sort as numbers

  filter_ = new QLineEdit;
  filter_->setPlaceholderText(tr("filter runs (any column), e.g. cache-aside"));
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, &proxy_, &QSortFilterProxyModel::setFilterFixedString);
  table_ = new QTableView;
  table_->setModel(&proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(RunListModel::kId, Qt::DescendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  for (int c = 0; c < RunListModel::kColumnCount; ++c)
    table_->setColumnHidden(c, !RunListModel::ShownByDefault(c));
  // The column chooser: right-click the header.
  table_->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
          [this](const QPoint& at) { ColumnMenu()->exec(table_->horizontalHeader()->mapToGlobal(at)); });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::ShowSelected);

  charts_ = new ChartTabs;
  connect(charts_, &ChartTabs::runsRequested, this, [this](const QList<qlonglong>& ids) {
    SelectRuns(ids);
    charts_->ShowChart("summary");  // the cell's runs side by side
  });
  auto* data_view = new QTableView;
  data_view->setModel(&data_model_);
  charts_->addTab(data_view, tr("Data"));

  auto* top = new QWidget;
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(filter_);
  top_layout->addWidget(table_);
  split_ = new QSplitter(Qt::Vertical);
  split_->addWidget(top);
  split_->addWidget(charts_);
  split_->setStretchFactor(1, 2);
  demo_page_ = new DemoPage(cli);
  demo_page_->SetDb(db);
  stack_ = new QStackedWidget;
  stack_->addWidget(split_);
  stack_->addWidget(demo_page_);
  setCentralWidget(stack_);
  connect(demo_page_, &DemoPage::backRequested, this, [this] { stack_->setCurrentIndex(0); });
  connect(demo_page_, &DemoPage::demoRunFinished, this, [this] { Refresh(); });

  QString error;
  form_ = new RunForm(cli, LoadParams(cli, &error));
  if (!error.isEmpty()) statusBar()->showMessage(error);
  form_->SetDb(db);
  auto* scroll = new QScrollArea;
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  auto* dock = new QDockWidget(tr("New experiment"));
  dock->setWidget(scroll);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  connect(form_, &RunForm::liveUpdated, this, &MainWindow::ShowLive);
  connect(form_, &RunForm::runFinished, this, [this](bool ok, const QList<qlonglong>& ids) {
    Refresh();
    if (ok) SelectRuns(ids);
    else ShowSelected();  // drop the live curves of the failed run
  });

  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open results..."), QKeySequence::Open, this, &MainWindow::OpenDialog);
  file->addAction(tr("Open &demo..."), QKeySequence(tr("Ctrl+D")), this, &MainWindow::OpenDemoDialog);
  file->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::Refresh);
  file->addAction(tr("&Export chart (PNG/SVG)..."), QKeySequence(tr("Ctrl+E")), this, &MainWindow::ExportDialog);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  file->addAction(dock->toggleViewAction());
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("Table &columns..."), this, [this] { ColumnMenu()->exec(QCursor::pos()); });
  demos_menu_ = menuBar()->addMenu(tr("&Demos"));
  RebuildDemosMenu({});

  poll_.setInterval(2000);
  connect(&poll_, &QTimer::timeout, this, &MainWindow::Refresh);
  poll_.start();
  resize(1400, 900);
  OpenStore(db);
}

void MainWindow::OpenStore(const QString& db) {
  store_ = StoreReader(db);
  form_->SetDb(db);
  demo_page_->SetDb(db);
  stack_->setCurrentIndex(0);
  model_.SetRuns({});
  shown_.clear();
  Refresh();
  if (model_.rowCount() > 0) SelectRuns({model_.run(model_.rowCount() - 1).id});
  else charts_->SetRuns({});
}

void MainWindow::Refresh() {
  QString error;
  std::vector<RunSummary> runs = store_.ListRuns(&error);
  bool same = static_cast<int>(runs.size()) == model_.rowCount() &&
              (runs.empty() || runs.back().id == model_.run(model_.rowCount() - 1).id);
  if (!same) {
    QList<qlonglong> keep = SelectedIds();
    RebuildDemosMenu(runs);
    model_.SetRuns(std::move(runs));
    SelectRuns(keep);
  }
  statusBar()->showMessage(error.isEmpty() ? tr("%1 — %n run(s)", nullptr, model_.rowCount()).arg(store_.path())
                                           : error);
}

void MainWindow::SelectRuns(const QList<qlonglong>& ids) {
  QItemSelection sel;
  for (qlonglong id : ids) {
    int row = model_.RowOfId(id);
    if (row < 0) continue;
    QModelIndex left = proxy_.mapFromSource(model_.index(row, 0));
    QModelIndex right = proxy_.mapFromSource(model_.index(row, RunListModel::kColumnCount - 1));
    if (left.isValid()) sel.select(left, right);
  }
  table_->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
  if (!sel.isEmpty()) table_->scrollTo(sel.indexes().front(), QAbstractItemView::PositionAtCenter);
  ShowSelected();
}

QMenu* MainWindow::ColumnMenu() {
  auto* menu = new QMenu(this);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  for (int c = 0; c < RunListModel::kColumnCount; ++c) {
    QAction* a = menu->addAction(model_.headerData(c, Qt::Horizontal).toString());
    a->setCheckable(true);
    a->setChecked(!table_->isColumnHidden(c));
    connect(a, &QAction::toggled, this, [this, c](bool on) { table_->setColumnHidden(c, !on); });
  }
  return menu;
}

void MainWindow::FitSplit(bool charted) {
  // No chart open: the table takes most of the height; charts open: they do.
  int h = std::max(split_->height(), 600);
  split_->setSizes(charted ? QList<int>{h * 3 / 10, h * 7 / 10} : QList<int>{h * 85 / 100, h * 15 / 100});
}

QList<qlonglong> MainWindow::SelectedIds() const {
  QList<qlonglong> ids;
  for (const QModelIndex& i : table_->selectionModel()->selectedRows())
    ids << i.data(RunListModel::kRunIdRole).toLongLong();
  std::sort(ids.begin(), ids.end());
  return ids;
}

void MainWindow::ShowSelected() {
  QList<qlonglong> ids = SelectedIds();
  if (ids == shown_ && !form_->process().running()) return;
  shown_ = ids;
  QString error;
  std::vector<LoadedRun> runs = store_.LoadMany({ids.begin(), ids.end()}, &error);
  if (!error.isEmpty()) statusBar()->showMessage(error);
  data_model_.SetRun(runs.empty() ? RunReport{} : runs.front().report);
  if (int charted = runs.empty() ? 0 : 1; charted != split_state_) {
    split_state_ = charted;
    FitSplit(charted);
  }
  charts_->SetRuns(std::move(runs));
}

void MainWindow::ShowLive(const RunReport& partial) {
  std::vector<LoadedRun> runs = charts_->runs();
  std::erase_if(runs, [](const LoadedRun& r) { return r.id == 0; });
  runs.push_back({0, LegendName(0, partial), partial});
  charts_->SetRuns(std::move(runs));
}

void MainWindow::OpenDialog() {
  QString path = QFileDialog::getOpenFileName(this, tr("Open results"), store_.path(),
                                              tr("cachelab results (*.db *.sqlite);;All files (*)"));
  if (!path.isEmpty()) OpenStore(path);
}

bool MainWindow::OpenDemo(const QString& demo, int64_t first_id) {
  QString error;
  bool ok = demo_page_->Open(demo, first_id, &error);
  stack_->setCurrentWidget(demo_page_);  // even when absent: the page offers "Run this demo"
  if (!ok) statusBar()->showMessage(error);
  return ok;
}

void MainWindow::OpenDemoDialog() {
  QStringList names;
  for (const auto& inv : GroupDemoRuns(store_.ListRuns())) names << inv.demo;
  names += KnownDemos();
  names.removeDuplicates();  // stored ones first
  bool ok = false;
  QString demo = QInputDialog::getItem(this, tr("Open demo"), tr("Demo:"), names, 0, false, &ok);
  if (ok && !demo.isEmpty()) OpenDemo(demo);
}

// One submenu per demo name, its invocations newest first.
void MainWindow::RebuildDemosMenu(const std::vector<RunSummary>& runs) {
  demos_menu_->clear();
  std::vector<DemoInvocation> all = GroupDemoRuns(runs);
  for (const QString& name : KnownDemos())
    if (!LatestInvocation(all, name)) all.push_back({name, {}, {}, {}, {}, {}});
  std::map<QString, QMenu*> sub;
  for (const auto& inv : all) {
    QMenu*& m = sub[inv.demo];
    if (!m) m = demos_menu_->addMenu(inv.demo);
    if (inv.ids.empty()) {
      m->addAction(tr("not stored yet: open to run it"), this, [this, d = inv.demo] { OpenDemo(d); });
      continue;
    }
    QString text = tr("runs #%1–#%2, %3").arg(inv.ids.front()).arg(inv.ids.back()).arg(inv.created_at);
    m->addAction(text, this, [this, d = inv.demo, id = inv.ids.front()] { OpenDemo(d, id); });
  }
}

void MainWindow::ExportDialog() {
  QString name = charts_->CurrentChart();
  if (name.isEmpty()) {
    QMessageBox::information(this, tr("Export"), tr("Choose a chart tab first."));
    return;
  }
  QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), name + ".png",
                                              tr("PNG image (*.png);;SVG drawing (*.svg)"));
  if (path.isEmpty()) return;
  QString error;
  if (!charts_->ExportCurrent(path, &error)) QMessageBox::warning(this, tr("Export"), error);
  else statusBar()->showMessage(tr("wrote %1").arg(path));
}

}  // namespace cachelab::gui
