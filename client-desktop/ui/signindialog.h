// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Server address (recently used ones remembered), then sign in or create an account. The
// dialog drives the session itself and closes once signed in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(ClientSession &session, QWidget *parent = nullptr);

    QComboBox *serverField() const { return m_server; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QCheckBox *createAccountBox() const { return m_create; }
    QCheckBox *rememberBox() const { return m_remember; }
    bool rememberMe() const;
    // What the user typed as a URL; a bare "host" or "host:port" means wss://.
    static QUrl serverUrl(const QString &typed);

private:
    void submit();
    void setBusy(bool busy, const QString &status = {});
    void updateMode();
    void rememberServer(const QString &url);

    ClientSession &m_session;
    QComboBox *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_displayName;
    QLabel *m_displayNameLabel;
    QCheckBox *m_create;
    QCheckBox *m_remember;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPointer<QObject> m_waitForConnection; // at most one pending connect-then-sign-in
};

} // namespace Banter::Desktop
