// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Whether the signed-in user is a server admin. Nothing the server sends at sign-in says so
// (the user object has no admin flag), so at every sign-in this asks for the smallest
// admin_users page: an answer means admin, `forbidden` means not. Any other failure (the
// connection dropped) keeps what was known, and the next sign-in asks again.
class AdminProbe : public QObject
{
    Q_OBJECT
public:
    explicit AdminProbe(ClientSession &session, QObject *parent = nullptr);

    bool isAdmin() const { return m_admin; }
    // Whether an answer came since the window opened (tests wait for it).
    bool hasAnswer() const { return m_answered; }
    // Asks again now (the admin page does after a `forbidden`: the rights were taken away).
    void check();

Q_SIGNALS:
    // An answer came; `admin` may be the same as before.
    void checked(bool admin);

private:
    ClientSession &m_session;
    bool m_admin = false;
    bool m_answered = false;
};

} // namespace Banter::Desktop
