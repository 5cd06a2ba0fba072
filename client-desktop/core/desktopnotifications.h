// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QHash>
#include <QImage>
#include <QObject>

namespace Banter::Desktop {

// Notifications through the freedesktop notification service (org.freedesktop.Notifications
// on the session bus), one per conversation: a new message replaces the conversation's
// notification instead of piling up (replaces_id), shows the sender's name and picture
// (image-data), and clicking it (the "default" action) asks for that conversation with
// activated(). Without the service show() returns false and the caller uses the tray.
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    static constexpr int AvatarSize = 64;

    explicit DesktopNotifications(QObject *parent = nullptr);

    // The service is on the session bus (running, or started on demand).
    bool isAvailable() const;
    // The daemon's name as it gives it (GetServerInformation), empty without one.
    QString serverName() const;
    // Shows, or replaces, the conversation's notification; false when it could not.
    bool show(ConversationId conversation, const QString &title, const QString &body,
              const QImage &avatar);
    // The daemon's id of the conversation's notification on screen (0: none).
    quint32 idOf(ConversationId conversation) const { return m_ids.value(conversation); }

Q_SIGNALS:
    void shown(Banter::ConversationId conversation, quint32 id);
    void activated(Banter::ConversationId conversation);

private Q_SLOTS:
    void onActionInvoked(quint32 id, const QString &action);
    void onClosed(quint32 id, quint32 reason);

private:
    QHash<ConversationId, quint32> m_ids;
};

} // namespace Banter::Desktop
