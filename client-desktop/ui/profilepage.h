// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/domain/user.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Settings: what others see of the user — the display name (update_profile), with the
// username it falls back to. objectNames: profileDisplayName, saveProfileButton,
// profileResult.
class ProfilePage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilePage(ClientSession &session, QWidget *parent = nullptr);

    void save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void finish(const Result<User> &saved);

    ClientSession &m_session;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_usernameLabel;
    QLabel *m_username;
    QPushButton *m_save;
    QLabel *m_result;
};

} // namespace Banter::Desktop
