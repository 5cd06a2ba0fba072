// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/devicespage.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int SessionRole = Qt::UserRole + 1;
constexpr int CurrentRole = Qt::UserRole + 2;
} // namespace

DevicesPage::DevicesPage(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_revoke(new QPushButton(this))
    , m_result(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("deviceList"));
    m_revoke->setObjectName(QStringLiteral("revokeDeviceButton"));
    m_result->setObjectName(QStringLiteral("devicesResult"));
    m_result->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_revoke, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    connect(m_list, &QListWidget::currentRowChanged, this, &DevicesPage::updateButton);
    connect(m_revoke, &QPushButton::clicked, this, &DevicesPage::revokeSelected);
    retranslate();
    reload();
}

void DevicesPage::reload()
{
    // The session is the context: this page may close before the answer (Qt 6.4 asserts on a
    // continuation whose context is gone).
    m_session.sessions().then(&m_session,
                              [self = QPointer(this)](Result<Protocol::SessionsReply> reply) {
                                  if (self)
                                      self->fill(reply);
                              });
}

void DevicesPage::fill(const Result<Protocol::SessionsReply> &reply)
{
    if (!reply) {
        m_result->setText(
            tr("Could not list the devices: %1").arg(ErrorText::describe(reply.error())));
        return;
    }
    m_list->clear();
    const QLocale locale;
    for (const Protocol::SessionInfo &s : reply->sessions) {
        const QString used = locale.toString(
            QDateTime::fromMSecsSinceEpoch(s.lastUsedAtMs ? s.lastUsedAtMs : s.createdAtMs),
            QLocale::ShortFormat);
        const QString text = s.current ? tr("%1 (this device)").arg(s.device)
                                       : tr("%1 — last used %2").arg(s.device, used);
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(SessionRole, s.id);
        item->setData(CurrentRole, s.current);
    }
    updateButton();
    Q_EMIT loaded();
}

void DevicesPage::updateButton()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_revoke->setEnabled(item && !item->data(CurrentRole).toBool());
}

void DevicesPage::revokeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || item->data(CurrentRole).toBool())
        return;
    m_revoke->setEnabled(false);
    m_session.revokeSession(item->data(SessionRole).toLongLong())
        .then(&m_session, [self = QPointer(this)](Result<Done> done) {
            if (!self)
                return;
            self->m_result->setText(done ? tr("Signed out.")
                                         : tr("Could not sign the device out: %1")
                                               .arg(ErrorText::describe(done.error())));
            self->reload();
        });
}

void DevicesPage::retranslate()
{
    m_revoke->setText(tr("Sign out this device"));
    m_revoke->setToolTip(tr("Signs the selected device out of your account"));
}

void DevicesPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
