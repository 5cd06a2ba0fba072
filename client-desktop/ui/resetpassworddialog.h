// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// A server admin sets a new password for an account (admin_reset_password): typed in, or
// left empty for a one-time password the server makes. The new password is then shown once,
// with a Copy button; the account's sessions have ended. objectNames: resetPasswordField,
// resetPasswordButton, resetPasswordResult, newPasswordField, copyPasswordButton.
class ResetPasswordDialog : public QDialog
{
    Q_OBJECT
public:
    ResetPasswordDialog(ClientSession &session, const QString &username, QWidget *parent = nullptr);

    void reset();
    // The password now set, once the server answered (empty until then).
    QString newPassword() const;

Q_SIGNALS:
    void passwordReset(const QString &username);

private:
    QWidget *buildAsk();
    QWidget *buildShow();
    void showPassword(const QString &password);
    void showError(const QString &text);

    ClientSession &m_session;
    const QString m_username;
    QStackedWidget *m_stages;
    QLineEdit *m_typed;
    QPushButton *m_reset;
    QLabel *m_result;
    QLineEdit *m_password;
    QPushButton *m_copy;
};

} // namespace Banter::Desktop
