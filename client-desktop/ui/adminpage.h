// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/confirmer.h"
#include <banter/domain/result.h>
#include <banter/protocol/adminmessages.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTableView;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class AdminSessionsDialog;
class AdminUsersModel;
class ResetPasswordDialog;

// Server administration for server admins (issue 15): the server's accounts page by page,
// and for the selected one: disable or enable, grant or take admin rights (both confirmed),
// reset the password, see and end sessions. One change at a time: the buttons wait for the
// answer. Failures are told in words and leave the page as it was. Your own account cannot be
// disabled, demoted or reset here (that would lock you out; Settings has your password and
// devices). The filter asks the server (after a short pause in typing), so it finds accounts
// not loaded yet. objectNames: adminFilter, adminReloadButton, adminUserTable, adminLoadMoreButton,
// adminCount, adminDisableButton, adminAdminButton, adminResetButton, adminSessionsButton,
// adminResult.
class AdminPage : public QWidget
{
    Q_OBJECT
public:
    // How long typing in the filter pauses before the server is asked.
    static constexpr int FilterPauseMs = 300;

    explicit AdminPage(ClientSession &session, QWidget *parent = nullptr);

    AdminUsersModel *users() const { return m_users; }
    // Replaces the Yes/No message box (tests).
    void setConfirmer(Confirmer confirm) { m_confirm = std::move(confirm); }
    // Selects the account's row if it is loaded; false otherwise.
    bool selectUser(const QString &username);
    QString selectedUsername() const;

    void toggleDisabled();
    void toggleAdmin();
    ResetPasswordDialog *resetPassword();
    AdminSessionsDialog *showSessions();

Q_SIGNALS:
    // The server answered `forbidden`: this account is no longer a server admin.
    void forbidden();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the interface language changed while the window is open
    void fitColumns(); // each column but the last as wide as what it shows
    void finish(const QString &username, const Result<Protocol::AdminAccount> &result,
                const QString &success);
    // Shows `text`; a `forbidden` also says so (forbidden()).
    void fail(const QString &text, const Error &error);
    const Protocol::AdminAccount *selected() const;
    bool isOwn(const Protocol::AdminAccount &account) const;
    void updateButtons();

    ClientSession &m_session;
    AdminUsersModel *m_users;
    QLineEdit *m_filter;
    QTimer *m_filterPause; // typing pauses before a query goes to the server
    QPushButton *m_reload;
    QTableView *m_table;
    QLabel *m_count;
    QPushButton *m_loadMore;
    QPushButton *m_disable;
    QPushButton *m_admin;
    QPushButton *m_reset;
    QPushButton *m_sessions;
    QLabel *m_result;
    Confirmer m_confirm;
    bool m_busy = false; // a change is on its way: no second one until it is answered
};

} // namespace Banter::Desktop
