// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/accountbadge.h"

#include "core/avatarbook.h"
#include "core/ownpresence.h"
#include "ui/avatar.h"
#include <banter/client/clientsession.h>

#include <QActionGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Banter::Desktop {

namespace {
constexpr int AvatarSize = 36;

// The server as people say it: host, and the port when it is not the default one.
QString serverName(const QUrl &url)
{
    if (url.host().isEmpty())
        return {};
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

// A small filled circle in the status colour, for the status button and menu.
QIcon statusDot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}
} // namespace

AccountBadge::AccountBadge(ClientSession &session, OwnPresence &presence, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_presence(presence)
    , m_avatar(new QLabel(this))
    , m_name(new QLabel(this))
    , m_server(new QLabel(this))
    , m_status(new QToolButton(this))
{
    m_avatar->setObjectName(QStringLiteral("accountAvatar"));
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_name->setObjectName(QStringLiteral("accountName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_server->setObjectName(QStringLiteral("accountServer"));
    m_server->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("statusButton"));
    m_status->setPopupMode(QToolButton::InstantPopup);
    m_status->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status->setAutoRaise(true);

    auto *menu = new QMenu(m_status);
    auto *group = new QActionGroup(menu);
    m_online = menu->addAction(statusDot(QColor(0x2e, 0xb8, 0x5c)), QString(), this,
                               [this] { m_presence.setStatus(PresenceStatus::Online); });
    m_online->setObjectName(QStringLiteral("statusOnlineAction"));
    m_away = menu->addAction(statusDot(QColor(0xe0, 0xa8, 0x20)), QString(), this,
                             [this] { m_presence.setStatus(PresenceStatus::Away); });
    m_away->setObjectName(QStringLiteral("statusAwayAction"));
    for (QAction *action : {m_online, m_away}) {
        action->setCheckable(true);
        group->addAction(action);
    }
    m_status->setMenu(menu);

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_name);
    text->addWidget(m_server);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    layout->addWidget(m_status);

    connect(&session, &ClientSession::authenticated, this, &AccountBadge::refresh);
    connect(&session, &ClientSession::userUpdated, this, [this](const User &user) {
        if (user.id == m_session.currentUser().id)
            refresh();
    });
    connect(&presence, &OwnPresence::statusChanged, this, &AccountBadge::refresh);
    retranslate();
}

void AccountBadge::setAvatars(AvatarBook *avatars)
{
    m_avatars = avatars;
    connect(avatars, &AvatarBook::changed, this, [this](UserId user) {
        if (user == m_session.currentUser().id)
            refresh();
    });
    refresh();
}

void AccountBadge::refresh()
{
    const User me = m_session.currentUser();
    const QString name = me.shownName();
    m_name->setText(name);
    m_name->setToolTip(me.username.isEmpty() ? QString() : u'@' + me.username);
    m_server->setText(serverName(m_session.url()));
    const qreal ratio = devicePixelRatioF();
    const QImage picture = m_avatars ? m_avatars->picture(me.id, me.avatarVersion) : QImage();
    QPixmap avatar =
        QPixmap::fromImage(Avatar::render(name, int(std::lround(AvatarSize * ratio)), picture));
    avatar.setDevicePixelRatio(ratio);
    m_avatar->setPixmap(avatar);
    const bool away = m_presence.status() == PresenceStatus::Away;
    m_online->setChecked(!away);
    m_away->setChecked(away);
    m_status->setText(away ? m_away->text() : m_online->text());
    m_status->setIcon(away ? m_away->icon() : m_online->icon());
    m_status->setToolTip(tr("Your status, as others see it"));
}

void AccountBadge::retranslate()
{
    m_online->setText(tr("Online"));
    m_away->setText(tr("Away"));
    refresh();
}

void AccountBadge::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
