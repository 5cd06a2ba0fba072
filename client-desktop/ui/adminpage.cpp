// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/adminpage.h"

#include "core/adminusersmodel.h"
#include "core/errortext.h"
#include "ui/adminsessionsdialog.h"
#include "ui/resetpassworddialog.h"
#include <banter/client/clientsession.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Banter::Desktop {

AdminPage::AdminPage(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_users(new AdminUsersModel(session, this))
    , m_filter(new QLineEdit(this))
    , m_filterPause(new QTimer(this))
    , m_reload(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_loadMore(new QPushButton(this))
    , m_disable(new QPushButton(this))
    , m_admin(new QPushButton(this))
    , m_reset(new QPushButton(this))
    , m_sessions(new QPushButton(this))
    , m_result(new QLabel(this))
    , m_confirm(messageBoxConfirmer(this))
{
    m_filter->setObjectName(QStringLiteral("adminFilter"));
    m_reload->setObjectName(QStringLiteral("adminReloadButton"));
    m_table->setObjectName(QStringLiteral("adminUserTable"));
    m_count->setObjectName(QStringLiteral("adminCount"));
    m_loadMore->setObjectName(QStringLiteral("adminLoadMoreButton"));
    m_disable->setObjectName(QStringLiteral("adminDisableButton"));
    m_admin->setObjectName(QStringLiteral("adminAdminButton"));
    m_reset->setObjectName(QStringLiteral("adminResetButton"));
    m_sessions->setObjectName(QStringLiteral("adminSessionsButton"));
    m_result->setObjectName(QStringLiteral("adminResult"));

    m_filter->setClearButtonEnabled(true);
    m_filterPause->setSingleShot(true);
    m_filterPause->setInterval(FilterPauseMs);
    m_table->setModel(m_users);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab moves on to the buttons
    m_table->verticalHeader()->hide();
    // One line per account, each column as wide as what it holds, the last one taking the
    // rest; widths the admin drags stay until the next page or reload. (Qt's own
    // ResizeToContents only measured the headers: rows arriving later did not widen a column,
    // and dates wrapped into "7 Dec / 2026 …".)
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_reload);
    auto *paging = new QHBoxLayout;
    paging->addWidget(m_count, 1);
    paging->addWidget(m_loadMore);
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_disable, m_admin, m_reset, m_sessions})
        actions->addWidget(button);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(paging);
    layout->addLayout(actions);
    layout->addWidget(m_result);

    connect(m_filter, &QLineEdit::textChanged, m_filterPause, qOverload<>(&QTimer::start));
    connect(m_filterPause, &QTimer::timeout, this, [this] { m_users->setQuery(m_filter->text()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_filterPause->stop(); // Enter asks at once
        m_users->setQuery(m_filter->text());
    });
    connect(m_reload, &QPushButton::clicked, m_users, &AdminUsersModel::reload);
    connect(m_loadMore, &QPushButton::clicked, m_users, &AdminUsersModel::loadMore);
    connect(m_users, &AdminUsersModel::stateChanged, this, &AdminPage::updateButtons);
    connect(m_users, &AdminUsersModel::failed, this, [this](const Error &error) {
        fail(tr("Could not list the accounts: %1").arg(ErrorText::describe(error)), error);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AdminPage::updateButtons);
    connect(m_users, &QAbstractItemModel::modelReset, this, &AdminPage::updateButtons);
    connect(m_users, &QAbstractItemModel::modelReset, this, &AdminPage::fitColumns);
    connect(m_users, &QAbstractItemModel::rowsInserted, this, &AdminPage::fitColumns);
    connect(m_users, &QAbstractItemModel::dataChanged, this, &AdminPage::fitColumns);
    connect(m_disable, &QPushButton::clicked, this, &AdminPage::toggleDisabled);
    connect(m_admin, &QPushButton::clicked, this, &AdminPage::toggleAdmin);
    connect(m_reset, &QPushButton::clicked, this, &AdminPage::resetPassword);
    connect(m_sessions, &QPushButton::clicked, this, &AdminPage::showSessions);
    retranslate();
    m_users->reload();
}

void AdminPage::retranslate()
{
    m_filter->setPlaceholderText(tr("Find accounts by name"));
    m_filter->setAccessibleName(tr("Filter accounts"));
    m_table->setAccessibleName(tr("Accounts"));
    m_reload->setText(tr("Reload"));
    m_loadMore->setText(tr("Load more"));
    m_reset->setText(tr("Reset password…"));
    m_sessions->setText(tr("Sessions…"));
    m_sessions->setToolTip(tr("The devices the account is signed in on"));
    Q_EMIT m_users->headerDataChanged(Qt::Horizontal, 0, AdminUsersModel::ColumnCount - 1);
    updateButtons(); // the texts that follow the selection
}

void AdminPage::fitColumns()
{
    // Not the last: sized by hand it would stop taking the rest of the width.
    for (int column = 0; column + 1 < AdminUsersModel::ColumnCount; ++column)
        m_table->resizeColumnToContents(column);
}

void AdminPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

const Protocol::AdminAccount *AdminPage::selected() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_users->account(current.row()) : nullptr;
}

QString AdminPage::selectedUsername() const
{
    const Protocol::AdminAccount *account = selected();
    return account ? account->user.username : QString();
}

bool AdminPage::selectUser(const QString &username)
{
    const int row = m_users->rowOf(username);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_users->index(row, 0));
    return true;
}

bool AdminPage::isOwn(const Protocol::AdminAccount &account) const
{
    return account.user.id == m_session.currentUser().id;
}

void AdminPage::updateButtons()
{
    const Protocol::AdminAccount *account = selected();
    const bool other = account && !isOwn(*account);
    m_disable->setText(account && account->disabled ? tr("Enable") : tr("Disable"));
    m_admin->setText(account && account->admin ? tr("Remove admin") : tr("Make admin"));
    m_disable->setEnabled(!m_busy && other);
    m_admin->setEnabled(!m_busy && other);
    m_reset->setEnabled(!m_busy && other);
    m_sessions->setEnabled(!m_busy && account);
    const QString own = account && !other
        ? tr("This is your own account: change your password and devices in Settings.")
        : QString();
    for (QPushButton *button : {m_disable, m_admin})
        button->setToolTip(own);
    m_reset->setToolTip(
        own.isEmpty() ? tr("Sets a new password and signs the account out everywhere") : own);
    m_loadMore->setEnabled(m_users->hasMore() && !m_users->isLoading());
    m_reload->setEnabled(!m_users->isLoading());
    const int loaded = m_users->rowCount();
    m_count->setText(m_users->isLoading() ? tr("Loading…")
                         : m_users->hasMore()
                         ? tr("%n account(s) loaded; there are more.", nullptr, loaded)
                         : tr("%n account(s).", nullptr, loaded));
}

void AdminPage::toggleDisabled()
{
    const Protocol::AdminAccount *account = selected();
    if (!account || m_busy || isOwn(*account))
        return;
    const QString name = account->user.username;
    const bool disable = !account->disabled;
    const QString question = disable
        ? tr("Disable %1? They are signed out on every device and cannot sign in until the "
             "account is enabled again.")
              .arg(name)
        : tr("Enable %1 again? They can then sign in with their password.").arg(name);
    if (!m_confirm(disable ? tr("Disable account") : tr("Enable account"), question))
        return;
    m_busy = true;
    updateButtons();
    m_session.adminSetDisabled(name, disable)
        .then(&m_session,
              [self = QPointer(this), name, disable](const Result<Protocol::AdminAccount> &r) {
                  if (self)
                      self->finish(
                          name, r,
                          disable ? tr("%1 is disabled and was signed out everywhere.").arg(name)
                                  : tr("%1 is enabled again.").arg(name));
              });
}

void AdminPage::toggleAdmin()
{
    const Protocol::AdminAccount *account = selected();
    if (!account || m_busy || isOwn(*account))
        return;
    const QString name = account->user.username;
    const bool grant = !account->admin;
    const QString question = grant
        ? tr("Make %1 a server admin? They can then disable accounts, reset passwords and "
             "end sessions, yours included.")
              .arg(name)
        : tr("Take the server admin rights from %1?").arg(name);
    if (!m_confirm(grant ? tr("Make admin") : tr("Remove admin"), question))
        return;
    m_busy = true;
    updateButtons();
    m_session.adminSetAdmin(name, grant)
        .then(&m_session,
              [self = QPointer(this), name, grant](const Result<Protocol::AdminAccount> &r) {
                  if (self)
                      self->finish(name, r,
                                   grant ? tr("%1 is now a server admin.").arg(name)
                                         : tr("%1 is no longer a server admin.").arg(name));
              });
}

void AdminPage::finish(const QString &username, const Result<Protocol::AdminAccount> &result,
                       const QString &success)
{
    m_busy = false;
    if (result) {
        m_users->update(*result);
        m_result->setText(success);
    } else {
        fail(tr("Could not change %1: %2").arg(username, ErrorText::describe(result.error())),
             result.error());
    }
    updateButtons();
}

void AdminPage::fail(const QString &text, const Error &error)
{
    m_result->setText(text);
    if (error.code == ErrorCode::Forbidden)
        Q_EMIT forbidden();
}

ResetPasswordDialog *AdminPage::resetPassword()
{
    const Protocol::AdminAccount *account = selected();
    if (!account || isOwn(*account))
        return nullptr;
    auto *dialog = new ResetPasswordDialog(m_session, account->user.username, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResetPasswordDialog::passwordReset, this, [this](const QString &name) {
        m_result->setText(tr("The password of %1 was reset; they were signed out.").arg(name));
    });
    dialog->open();
    return dialog;
}

AdminSessionsDialog *AdminPage::showSessions()
{
    const Protocol::AdminAccount *account = selected();
    if (!account)
        return nullptr;
    auto *dialog = new AdminSessionsDialog(m_session, account->user.username, m_confirm, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace Banter::Desktop
