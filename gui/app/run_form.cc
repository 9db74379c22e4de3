#include "gui/app/run_form.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cachelab::gui {

RunForm::RunForm(QString cli, std::vector<ParamSpec> params, QWidget* parent)
    : QWidget(parent), cli_(std::move(cli)), params_(std::move(params)) {
  auto* layout = new QVBoxLayout(this);
  auto* groups = new QTabWidget;
  groups->setDocumentMode(true);
  QMap<QString, QFormLayout*> forms;
  for (const auto& p : params_) {
    QFormLayout*& form = forms[p.group];
    if (!form) {
      auto* page = new QWidget;
      form = new QFormLayout(page);
      groups->addTab(page, p.group.isEmpty() ? tr("other") : p.group);
    }
    auto* edit = new QLineEdit(p.default_value);
    edit->setObjectName(p.name);
    edit->setPlaceholderText(p.default_value);
    edit->setToolTip(QStringLiteral("--%1: %2 (default %3)").arg(p.name, p.help, p.default_value));
    auto* label = new QLabel(p.name);
    label->setToolTip(edit->toolTip());
    form->addRow(label, edit);
    fields_[p.name] = edit;
  }
  layout->addWidget(groups);
  if (params_.empty()) layout->addWidget(new QLabel(tr("No parameters: is the cachelab CLI available?")));

  start_ = new QPushButton(tr("Start run"));
  cancel_ = new QPushButton(tr("Cancel"));
  auto* reset = new QPushButton(tr("Defaults"));
  cancel_->setEnabled(false);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(cancel_);
  buttons->addWidget(reset);
  layout->addLayout(buttons);
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  layout->addWidget(progress_);
  status_ = new QLabel(tr("CLI: %1").arg(cli_));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(status_);
  layout->addStretch();

  connect(start_, &QPushButton::clicked, this, &RunForm::Start);
  connect(cancel_, &QPushButton::clicked, &process_, &RunProcess::Cancel);
  connect(reset, &QPushButton::clicked, this, &RunForm::ResetDefaults);
  connect(&process_, &RunProcess::progressed, this, [this](double f, const QString& text) {
    progress_->setValue(static_cast<int>(f * 1000));
    status_->setText(text);
  });
  connect(&process_, &RunProcess::liveUpdated, this, [this] { emit liveUpdated(process_.live()); });
  connect(&process_, &RunProcess::finished, this, &RunForm::OnFinished);
}

bool RunForm::SetValue(const QString& name, const QString& value) {
  auto it = fields_.find(name);
  if (it == fields_.end()) return false;
  (*it)->setText(value);
  return true;
}

QStringList RunForm::Arguments() const {
  QStringList args;
  for (const auto& p : params_) {
    QString v = fields_[p.name]->text().trimmed();
    if (!v.isEmpty() && v != p.default_value) args << "--" + p.name << v;
  }
  return args;
}

QString RunForm::status() const { return status_->text(); }

void RunForm::Start() {
  if (process_.running()) return;
  start_->setEnabled(false);
  cancel_->setEnabled(true);
  progress_->setValue(0);
  status_->setStyleSheet({});
  status_->setText(tr("starting: cachelab run %1").arg(Arguments().join(' ')));
  process_.Start(cli_, db_, Arguments());
}

void RunForm::OnFinished(bool ok, const QString& message, const QList<qlonglong>& ids) {
  start_->setEnabled(true);
  cancel_->setEnabled(false);
  progress_->setValue(ok ? 1000 : 0);
  QStringList id_text;
  for (qlonglong id : ids) id_text << QString::number(id);
  status_->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
  status_->setText(ok ? tr("done: run %1 saved").arg(id_text.join(", ")) : tr("run failed: %1").arg(message));
  emit runFinished(ok, ids);
}

void RunForm::ResetDefaults() {
  for (const auto& p : params_) fields_[p.name]->setText(p.default_value);
}

}  // namespace cachelab::gui
