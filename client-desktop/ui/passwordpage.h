// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Settings: change the password (the current one, the new one twice). The server signs every
// other device out. objectNames: oldPassword, newPassword, repeatPassword,
// changePasswordButton, passwordResult.
class PasswordPage : public QWidget
{
    Q_OBJECT
public:
    explicit PasswordPage(ClientSession &session, QWidget *parent = nullptr);

    void change();

Q_SIGNALS:
    void passwordChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void finish(const Result<Done> &done);
    void updateButton();
    void showResult(const QString &text, bool error);

    ClientSession &m_session;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QPushButton *m_change;
    QLabel *m_result;
    QLabel *m_oldLabel;
    QLabel *m_newLabel;
    QLabel *m_repeatLabel;
    QLabel *m_note;
};

} // namespace Banter::Desktop
