// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/protocol/sessionmessages.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Settings: the devices signed in to this account (the "sessions" request), this one marked,
// and signing another one out (revoke_session). objectNames: deviceList, revokeDeviceButton,
// devicesResult.
class DevicesPage : public QWidget
{
    Q_OBJECT
public:
    explicit DevicesPage(ClientSession &session, QWidget *parent = nullptr);

    void reload();
    // Signs out the device on the selected row (never this one).
    void revokeSelected();

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButton();
    void fill(const Result<Protocol::SessionsReply> &reply);

    ClientSession &m_session;
    QListWidget *m_list;
    QPushButton *m_revoke;
    QLabel *m_result;
};

} // namespace Banter::Desktop
