// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/confirmer.h"
#include <banter/domain/result.h>
#include <banter/protocol/adminmessages.h>

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// A server admin's view of one account's sessions (admin_sessions): device, when it signed
// in, when it was last used; ending one or all of them (admin_revoke_session), each after a
// confirmation. objectNames: adminSessionList, adminRevokeSessionButton,
// adminRevokeAllButton, adminSessionsResult.
class AdminSessionsDialog : public QDialog
{
    Q_OBJECT
public:
    AdminSessionsDialog(ClientSession &session, const QString &username, Confirmer confirm,
                        QWidget *parent = nullptr);

    void reload();
    void revokeSelected();
    void revokeAll();

Q_SIGNALS:
    // The list was filled (or could not be: the result label says why).
    void loaded();

private:
    void fill(const Result<Protocol::SessionsReply> &reply);
    void revoke(const Protocol::AdminRevokeSessionRequest &request);
    void setBusy(bool busy);
    void updateButtons();

    ClientSession &m_session;
    const QString m_username;
    Confirmer m_confirm;
    QTreeWidget *m_list;
    QPushButton *m_revoke;
    QPushButton *m_revokeAll;
    QLabel *m_result;
    bool m_busy = false;
};

} // namespace Banter::Desktop
