// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/adminsessionsdialog.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int SessionRole = Qt::UserRole + 1;

QString shortDate(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
              : QString();
}
} // namespace

AdminSessionsDialog::AdminSessionsDialog(ClientSession &session, const QString &username,
                                         Confirmer confirm, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_username(username)
    , m_confirm(std::move(confirm))
    , m_list(new QTreeWidget(this))
    , m_revoke(new QPushButton(tr("Sign out this session"), this))
    , m_revokeAll(new QPushButton(tr("Sign out everywhere"), this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Sessions of %1").arg(username));
    m_list->setObjectName(QStringLiteral("adminSessionList"));
    m_revoke->setObjectName(QStringLiteral("adminRevokeSessionButton"));
    m_revokeAll->setObjectName(QStringLiteral("adminRevokeAllButton"));
    m_result->setObjectName(QStringLiteral("adminSessionsResult"));
    m_list->setHeaderLabels({tr("Device"), tr("Signed in"), tr("Last used")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Sessions of %1").arg(username));
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_revoke->setToolTip(tr("Ends the selected session: that device must sign in again"));
    m_revokeAll->setToolTip(tr("Ends every session of %1").arg(username));
    m_result->setWordWrap(true);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_revokeAll);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AdminSessionsDialog::updateButtons);
    connect(m_revoke, &QPushButton::clicked, this, &AdminSessionsDialog::revokeSelected);
    connect(m_revokeAll, &QPushButton::clicked, this, &AdminSessionsDialog::revokeAll);
    resize(520, 320);
    reload();
}

void AdminSessionsDialog::reload()
{
    setBusy(true);
    m_session.adminSessions(m_username)
        .then(&m_session, [self = QPointer(this)](const Result<Protocol::SessionsReply> &reply) {
            if (self)
                self->fill(reply);
        });
}

void AdminSessionsDialog::fill(const Result<Protocol::SessionsReply> &reply)
{
    setBusy(false);
    if (!reply) {
        m_result->setText(
            tr("Could not list the sessions: %1").arg(ErrorText::describe(reply.error())));
        Q_EMIT loaded();
        return;
    }
    m_list->clear();
    for (const Protocol::SessionInfo &s : reply->sessions) {
        auto *item = new QTreeWidgetItem(
            m_list, {s.device, shortDate(s.createdAtMs), shortDate(s.lastUsedAtMs)});
        item->setData(0, SessionRole, s.id);
    }
    if (reply->sessions.isEmpty() && m_result->text().isEmpty())
        m_result->setText(tr("%1 is not signed in anywhere.").arg(m_username));
    updateButtons();
    Q_EMIT loaded();
}

void AdminSessionsDialog::revokeSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || m_busy
        || !m_confirm(tr("Sign out a session"),
                      tr("Sign %1 out on “%2”? That device must sign in again.")
                          .arg(m_username, item->text(0))))
        return;
    revoke({item->data(0, SessionRole).toLongLong(), {}});
}

void AdminSessionsDialog::revokeAll()
{
    if (m_busy
        || !m_confirm(tr("Sign out everywhere"),
                      tr("Sign %1 out on every device?").arg(m_username)))
        return;
    revoke({0, m_username});
}

void AdminSessionsDialog::revoke(const Protocol::AdminRevokeSessionRequest &request)
{
    setBusy(true);
    m_session.adminRevokeSession(request).then(
        &m_session, [self = QPointer(this)](Result<Protocol::AdminRevokeSessionReply> reply) {
            if (!self)
                return;
            if (reply)
                self->m_result->setText(tr("%n session(s) signed out.", nullptr, reply->revoked));
            else
                self->m_result->setText(
                    tr("Could not sign out: %1").arg(ErrorText::describe(reply.error())));
            // The list as it now is, whatever happened (a session may have ended meanwhile).
            self->reload();
        });
}

void AdminSessionsDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void AdminSessionsDialog::updateButtons()
{
    m_revoke->setEnabled(!m_busy && m_list->currentItem());
    m_revokeAll->setEnabled(!m_busy && m_list->topLevelItemCount() > 0);
}

} // namespace Banter::Desktop
