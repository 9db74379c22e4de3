#include "gui/app/demo_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "gui/charts/chart_catalog.h"
#include "gui/charts/demo_chart_choice.h"
#include "gui/models/demo_guide.h"

namespace cachelab::gui {

DemoPage::DemoPage(const QString& cli, QWidget* parent) : QWidget(parent), cli_(cli) {
  auto* back = new QPushButton(tr("← Runs"));
  connect(back, &QPushButton::clicked, this, &DemoPage::backRequested);
  run_ = new QPushButton(tr("Run this demo"));
  run_->setObjectName("run-demo");
  run_->setEnabled(!cli.isEmpty());
  connect(run_, &QPushButton::clicked, this, &DemoPage::RunDemo);
  status_ = new QLabel;
  auto* bar = new QHBoxLayout;
  bar->addWidget(back);
  bar->addWidget(status_, 1);
  bar->addWidget(run_);

  text_ = new QTextBrowser;
  text_->setOpenExternalLinks(false);
  text_->setMinimumWidth(460);  // room for the variants table beside the prose
  charts_ = new ChartTabs;
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(text_);
  split->addWidget(charts_);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(split, 1);

  connect(&process_, &RunProcess::finished, this,
          [this](bool ok, const QString& message, const QList<qlonglong>&) { OnFinished(ok, message); });
}

bool DemoPage::Open(const QString& demo, int64_t first_id, QString* error) {
  demo_ = demo;
  QString err;
  std::vector<DemoInvocation> all = GroupDemoRuns(store_.ListRuns(&err));
  const DemoInvocation* found = nullptr;
  for (const auto& d : all)
    if (d.demo == demo && (first_id == 0 || d.ids.front() == first_id)) {
      found = &d;
      break;
    }
  if (!found) {
    if (err.isEmpty()) err = tr("no stored runs of demo '%1' in %2; run it with \"Run this demo\"").arg(demo, store_.path());
    inv_ = DemoInvocation{demo, {}, {}, {}, {}, {}};
    text_->setHtml("<h2>" + demo.toHtmlEscaped() + "</h2><p>" + err.toHtmlEscaped() + "</p>");
    charts_->SetRuns({});
    status_->setText(err);
    if (error) *error = err;
    return false;
  }
  inv_ = *found;
  std::vector<LoadedRun> runs = store_.LoadMany(inv_.ids, &err);
  for (size_t i = 0; i < runs.size() && i < static_cast<size_t>(inv_.variants.size()); ++i)
    runs[i].name = inv_.variants[static_cast<qsizetype>(i)];
  ChartChoice choice = ChooseDemoChart(GuideFor(demo).charts, runs);
  text_->setHtml(DemoPageHtml(inv_, runs, choice.note));
  charts_->SetRuns(std::move(runs));
  charts_->ShowChart(choice.chart);
  status_->setText(err.isEmpty() ? tr("demo %1: %n run(s)", nullptr, static_cast<int>(inv_.ids.size())).arg(demo) : err);
  if (error) *error = err;
  return err.isEmpty();
}

void DemoPage::RunDemo() {
  if (demo_.isEmpty() || !process_.StartCommand(cli_, {"demo", demo_, "--db", store_.path()})) return;
  run_->setEnabled(false);
  status_->setText(tr("running `cachelab demo %1`…").arg(demo_));
}

void DemoPage::OnFinished(bool ok, const QString& message) {
  run_->setEnabled(true);
  if (ok) Open(demo_);  // the newest invocation: the one just stored
  else status_->setText(tr("demo failed: %1").arg(message));
  emit demoRunFinished(ok, message);
}

}  // namespace cachelab::gui
