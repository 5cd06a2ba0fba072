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
struct DiscoveredServer;
struct Error;
struct InvitationLink;
} // namespace Banter

namespace Banter::Desktop {

class CertificateGuard;
class LanServerList;

// Server address (recently used ones remembered), then sign in or create an account. The
// dialog drives the session itself and closes once signed in.
//
// It opens on the first empty field. Every problem is a sentence in the user's language
// (ErrorText; never a raw code), said under the form, and goes away as soon as the field it
// is about changes. A new account's password is typed twice; a mismatch is said beside the
// second field. A sign-in the server rate-limits says when to try again.
//
// A banter:// invitation link (opened from outside, or pasted into the server or invitation
// field) fills in the server and the invitation, switches to "create account", and has the
// certificate guard trust the certificate the link names, so no fingerprint has to be
// compared by eye; a link naming another certificate than one already trusted is refused.
//
// Under the address, "Servers on your network" lists the servers found on the local network
// while the dialog shows (LanServerList). Choosing one fills in its address; its
// certificate still goes through the first-use question, which then says that it was found
// by unauthenticated discovery and compares the fingerprint it claimed (CertificateGuard).
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(ClientSession &session, QWidget *parent = nullptr);

    QComboBox *serverField() const { return m_server; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *confirmField() const { return m_confirm; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QCheckBox *createAccountBox() const { return m_create; }
    QCheckBox *rememberBox() const { return m_remember; }
    QLineEdit *invitationField() const { return m_invite; }
    LanServerList *lanServers() const { return m_lanServers; }
    // The sentence about the link in use (objectName "linkNote"); empty without one.
    QString linkNote() const;
    // Where the certificate of a link is trusted; without one, links fill in fields only.
    void setCertificateGuard(CertificateGuard *guard) { m_guard = guard; }
    // Reads a banter:// link and fills the form from it; false (with the reason shown) for
    // a link that is not valid or names another certificate than the trusted one.
    bool openLink(const QString &text);
    // The problem shown under the form (objectName "status"), and beside the repeated
    // password ("confirmError").
    QString statusText() const;
    QString confirmError() const;
    bool rememberMe() const;
    // What the user typed as a URL; a bare "host" or "host:port" means wss://.
    static QUrl serverUrl(const QString &typed);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void submit();
    bool validate();
    void setBusy(bool busy, const QString &status = {});
    // Shows `text` as the problem with `field` (null: with no one field); it clears when
    // that field changes.
    void showError(QWidget *field, const QString &text);
    void fieldChanged(QWidget *field);
    void showServerError(const Error &error);
    void updateMode();
    void focusFirstEmpty();
    void rememberServer(const QString &url);
    void applyLink(const InvitationLink &link);
    void chooseDiscovered(const DiscoveredServer &server);

    ClientSession &m_session;
    QComboBox *m_server;
    // Made right after the address, so that Tab goes from the address to the list it fills.
    LanServerList *m_lanServers;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_confirmLabel;
    QLabel *m_confirmError;
    QLineEdit *m_displayName;
    QLabel *m_displayNameLabel;
    QCheckBox *m_create;
    QCheckBox *m_remember;
    QLineEdit *m_invite;
    QLabel *m_inviteLabel;
    QLabel *m_linkNote;
    QString m_chosenUrl; // the address last filled in from the list
    CertificateGuard *m_guard = nullptr;
    QLabel *m_status;
    QPointer<QWidget> m_statusField; // the field the status is about, if one
    QDialogButtonBox *m_buttons;
    QPointer<QObject> m_waitForConnection; // at most one pending connect-then-sign-in
};

} // namespace Banter::Desktop
