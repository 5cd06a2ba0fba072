// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversationheader.h"

#include "core/presencebook.h"
#include "core/typingtracker.h"
#include <banter/client/clientsession.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int ClockMs = 30'000;
constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
} // namespace

ConversationHeader::ConversationHeader(ClientSession &session, PresenceBook &presence,
                                       TypingTracker &typing, QLabel *title,
                                       QToolButton *infoButton, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_presence(presence)
    , m_typing(typing)
    , m_status(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("conversationStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextInteractionFlags(Qt::NoTextInteraction);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(title);
    names->addWidget(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 2, 2);
    layout->addLayout(names, 1);
    layout->addWidget(infoButton);

    m_clock.setInterval(ClockMs);
    connect(&m_clock, &QTimer::timeout, this, &ConversationHeader::refresh);
    connect(&presence, &PresenceBook::changed, this, [this](const Presence &p) {
        if (m_conversation.isMember(p.userId))
            refresh();
    });
    connect(&typing, &TypingTracker::changed, this, [this](ConversationId id) {
        if (id == m_conversation.id)
            refresh();
    });
    connect(&session, &ClientSession::stateChanged, this, &ConversationHeader::refresh);
}

void ConversationHeader::setConversation(const Conversation &conversation)
{
    m_conversation = conversation;
    refresh();
}

QString ConversationHeader::statusText() const
{
    return m_status->text();
}

void ConversationHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

UserId ConversationHeader::otherMember() const
{
    const UserId me = m_session.currentUser().id;
    for (const Participant &p : m_conversation.participants) {
        if (p.userId != me)
            return p.userId;
    }
    return 0;
}

QString ConversationHeader::nameOf(UserId user) const
{
    const Participant *p = m_conversation.participant(user);
    if (!p)
        return {};
    return p->displayName.isEmpty() ? p->username : p->displayName;
}

void ConversationHeader::refresh()
{
    if (m_conversation.id == 0) {
        m_status->clear();
        m_clock.stop();
        return;
    }
    QStringList typists;
    for (UserId user : m_typing.typing(m_conversation.id)) {
        if (const QString name = nameOf(user); !name.isEmpty())
            typists.append(name);
    }
    m_showsTyping = !typists.isEmpty();
    QFont font = m_status->font();
    font.setItalic(m_showsTyping);
    m_status->setFont(font);
    m_status->setText(m_showsTyping ? typingText(typists) : presenceText());
    if (!m_clock.isActive())
        m_clock.start();
}

QString ConversationHeader::presenceText() const
{
    if (m_conversation.type == ConversationType::Group) {
        const UserId me = m_session.currentUser().id;
        int online = 0;
        for (const Participant &p : m_conversation.participants) {
            if (p.userId == me ? m_session.isReady() : m_presence.isConnected(p.userId))
                ++online;
        }
        return membersText(int(m_conversation.participants.size()), online);
    }
    const Presence presence = m_presence.presence(otherMember());
    switch (presence.status) {
    case PresenceStatus::Online:
        return tr("online");
    case PresenceStatus::Away:
        return tr("away");
    case PresenceStatus::Offline:
        break;
    }
    if (presence.lastSeenMs <= 0)
        return tr("offline");
    return lastSeenText(presence.lastSeenMs, QDateTime::currentDateTime());
}

QString ConversationHeader::lastSeenText(qint64 lastSeenMs, const QDateTime &now)
{
    const QDateTime seen = QDateTime::fromMSecsSinceEpoch(lastSeenMs).toLocalTime();
    const qint64 ago = qMax<qint64>(0, now.toMSecsSinceEpoch() - lastSeenMs);
    if (ago < MinuteMs)
        return tr("last seen just now");
    if (ago < HourMs)
        return ago < 2 * MinuteMs ? tr("last seen 1 minute ago")
                                  : tr("last seen %1 minutes ago").arg(ago / MinuteMs);
    const QLocale locale;
    const QString time = locale.toString(seen.time(), QLocale::ShortFormat);
    const QDate today = now.toLocalTime().date();
    if (seen.date() == today)
        return tr("last seen today at %1").arg(time);
    if (seen.date() == today.addDays(-1))
        return tr("last seen yesterday at %1").arg(time);
    return tr("last seen on %1").arg(locale.toString(seen.date(), QLocale::ShortFormat));
}

QString ConversationHeader::typingText(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.first());
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%1 people are typing…").arg(names.size());
    }
}

QString ConversationHeader::membersText(int members, int online)
{
    QString count = members == 1 ? tr("1 member") : tr("%1 members").arg(members);
    if (online <= 0)
        return count;
    return tr("%1, %2 online").arg(count).arg(online);
}

} // namespace Banter::Desktop
