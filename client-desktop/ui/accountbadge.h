// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/presence.h>

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class AvatarBook;
class OwnPresence;

// Who is signed in, at the top of the sidebar: avatar, display name and server, and the
// user's own status with a menu to change it (online, away). objectNames: accountAvatar,
// accountName, accountServer, statusButton, statusOnlineAction, statusAwayAction.
class AccountBadge : public QWidget
{
    Q_OBJECT
public:
    AccountBadge(ClientSession &session, OwnPresence &presence, QWidget *parent = nullptr);
    // Shows the user's picture from `avatars` instead of initials when there is one.
    void setAvatars(AvatarBook *avatars);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    ClientSession &m_session;
    OwnPresence &m_presence;
    AvatarBook *m_avatars = nullptr;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_server;
    QToolButton *m_status;
    QAction *m_online;
    QAction *m_away;
};

} // namespace Banter::Desktop
