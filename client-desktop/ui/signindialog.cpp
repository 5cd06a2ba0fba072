// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/signindialog.h"

#include "core/errortext.h"
#include "ui/certificateguard.h"
#include "ui/lanserverlist.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/client/invitationlink.h>
#include <banter/client/serverbrowser.h>
#include <banter/domain/user.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QSysInfo>
#include <QVBoxLayout>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
const QString RecentServersKey = QStringLiteral("signIn/recentServers");
constexpr int MaxRecentServers = 8;

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    label->setPalette(palette);
    return label;
}
} // namespace

SignInDialog::SignInDialog(ClientSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_server(new QComboBox(this))
    , m_lanServers(new LanServerList(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_confirmLabel(new QLabel(tr("Repeat password:"), this))
    , m_confirmError(errorLabel(QStringLiteral("confirmError"), this))
    , m_displayName(new QLineEdit(this))
    , m_displayNameLabel(new QLabel(tr("Display name:"), this))
    , m_create(new QCheckBox(tr("Create a new account"), this))
    , m_remember(new QCheckBox(tr("Remember me on this computer"), this))
    , m_invite(new QLineEdit(this))
    , m_inviteLabel(new QLabel(tr("Invitation:"), this))
    , m_linkNote(new QLabel(this))
    , m_status(errorLabel(QStringLiteral("status"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to Banter"));
    setMinimumWidth(420);
    m_server->setEditable(true);
    m_server->addItems(
        QSettings()
            .value(RecentServersKey, QStringList{QStringLiteral("wss://127.0.0.1:7654")})
            .toStringList());
    m_username->setPlaceholderText(tr("e.g. alice"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_displayName->setPlaceholderText(tr("Optional"));
    m_confirmError->setVisible(false);
    m_invite->setObjectName(QStringLiteral("invitation"));
    m_invite->setPlaceholderText(tr("Paste an invitation link, if the server needs one"));
    m_linkNote->setObjectName(QStringLiteral("linkNote"));
    m_linkNote->setWordWrap(true);
    m_linkNote->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(QString(), m_lanServers);
    form->addRow(tr("Username:"), m_username);
    form->addRow(tr("Password:"), m_password);
    auto *confirmRow = new QVBoxLayout;
    confirmRow->setContentsMargins(0, 0, 0, 0);
    confirmRow->addWidget(m_confirm);
    confirmRow->addWidget(m_confirmError);
    form->addRow(m_confirmLabel, confirmRow);
    form->addRow(m_displayNameLabel, m_displayName);
    form->addRow(m_inviteLabel, m_invite);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_linkNote);
    layout->addLayout(form);
    layout->addWidget(m_create);
    m_remember->setToolTip(
        tr("Keeps a sign-in token (never your password) in the system keychain."));
    layout->addWidget(m_remember);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_create, &QCheckBox::toggled, this, &SignInDialog::updateMode);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_lanServers, &LanServerList::chosen, this, &SignInDialog::chooseDiscovered);
    connect(m_server, &QComboBox::editTextChanged, this, [this](const QString &text) {
        fieldChanged(m_server);
        // Typed over: what the list's announcement claimed is no longer about this address.
        if (!m_chosenUrl.isEmpty() && text != m_chosenUrl) {
            m_chosenUrl.clear();
            if (m_guard)
                m_guard->forgetDiscovered();
        }
        // A link pasted where the address goes: use it (the field then shows the address).
        if (text.trimmed().startsWith(u"banter://"_s, Qt::CaseInsensitive))
            openLink(text);
    });
    connect(m_invite, &QLineEdit::textChanged, this, [this](const QString &text) {
        fieldChanged(m_invite);
        if (text.trimmed().startsWith(u"banter://"_s, Qt::CaseInsensitive))
            openLink(text);
    });
    for (QLineEdit *field : {m_username, m_password, m_confirm, m_displayName}) {
        connect(field, &QLineEdit::textChanged, this, [this, field] { fieldChanged(field); });
    }
    connect(&m_session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Reconnecting && !m_buttons->isEnabled()) {
            setBusy(false);
            showError(m_server, tr("Cannot reach the server. Check the address and try again."));
        }
    });
    // A certificate the library refused (invalid, not trusted yet, or not the pinned one):
    // say why. A first meeting is asked about by CertificateGuard; once the user trusts the
    // certificate the session connects and the sign-in goes on by itself.
    connect(&m_session, &ClientSession::errorOccurred, this, [this](const Error &error) {
        if (error.failure != ClientFailure::None && !m_buttons->isEnabled()) {
            setBusy(false);
            showError(m_server, ErrorText::describe(error));
        }
    });
    connect(&m_session, &ClientSession::certificateRefused, this,
            [this](const QString &, const QByteArray &pinned) {
                setBusy(false);
                showError(m_server,
                          pinned.isEmpty()
                              ? ErrorText::forFailure(ClientFailure::CertificateNotTrustedYet)
                              : tr("The server's certificate has changed, so Banter did not "
                                   "connect."));
            });
    updateMode();
}

bool SignInDialog::rememberMe() const
{
    return m_remember->isChecked();
}

QString SignInDialog::linkNote() const
{
    return m_linkNote->isVisible() ? m_linkNote->text() : QString();
}

bool SignInDialog::openLink(const QString &text)
{
    const Result<InvitationLink> link = InvitationLink::parse(text);
    if (!link) {
        m_invite->clear();
        showError(m_invite->isVisible() ? static_cast<QWidget *>(m_invite) : m_server,
                  tr("This is not a valid Banter invitation link. Ask for a new one."));
        return false;
    }
    if (m_guard && !m_guard->trustLink(*link)) {
        m_server->setEditText(link->serverUrl.toString());
        showError(m_server,
                  tr("This link names another certificate than the one Banter already trusts "
                     "for %1, so it was not used. Ask the person who sent it, or the server's "
                     "administrator.")
                      .arg(CertificatePin::serverKey(link->serverUrl)));
        return false;
    }
    applyLink(*link);
    return true;
}

void SignInDialog::applyLink(const InvitationLink &link)
{
    m_server->setEditText(link.serverUrl.toString());
    const QString server = link.serverName.isEmpty() ? link.serverUrl.host() : link.serverName;
    QString note = link.hasInvitation()
        ? tr("You are invited to “%1”. Choose a username and a password.").arg(server)
        : tr("Server “%1”.").arg(server);
    if (!link.fingerprint.isEmpty())
        note += u' '
            + tr("Banter trusts its certificate because the link names it (SHA-256 %1).")
                  .arg(CertificatePin::formatFingerprint(link.fingerprint).left(23) + u"…");
    m_linkNote->setText(note);
    m_linkNote->setVisible(true);
    if (link.hasInvitation()) {
        m_create->setChecked(true);
        const QSignalBlocker quiet(m_invite); // the token is not a link to open again
        m_invite->setText(link.token);
        m_invite->setCursorPosition(0);
    }
    updateMode();
    if (isVisible())
        focusFirstEmpty();
}

QString SignInDialog::statusText() const
{
    return m_status->text();
}

QString SignInDialog::confirmError() const
{
    return m_confirmError->isVisible() ? m_confirmError->text() : QString();
}

void SignInDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (event->spontaneous())
        return; // restored from minimised: the list is still running
    m_lanServers->start(); // nothing is sent on the network while the dialog is not shown
    focusFirstEmpty();
}

void SignInDialog::hideEvent(QHideEvent *event)
{
    if (!event->spontaneous())
        m_lanServers->stop();
    QDialog::hideEvent(event);
}

void SignInDialog::chooseDiscovered(const DiscoveredServer &server)
{
    const QString url = server.url().toString();
    m_server->setEditText(url);
    m_chosenUrl = url;
    if (m_guard)
        m_guard->noteDiscovered(server);
    focusFirstEmpty();
}

void SignInDialog::focusFirstEmpty()
{
    QWidget *first = m_buttons->button(QDialogButtonBox::Ok);
    if (m_server->currentText().trimmed().isEmpty())
        first = m_server;
    else if (m_username->text().trimmed().isEmpty())
        first = m_username;
    else if (m_password->text().isEmpty())
        first = m_password;
    else if (m_create->isChecked() && m_confirm->text().isEmpty())
        first = m_confirm;
    first->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::updateMode()
{
    const bool create = m_create->isChecked();
    const QList<QWidget *> newAccountOnly{m_displayName,  m_displayNameLabel, m_confirm,
                                          m_confirmLabel, m_invite,           m_inviteLabel};
    for (QWidget *w : newAccountOnly)
        w->setVisible(create);
    m_confirmError->setVisible(create && !m_confirmError->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setText(create ? tr("Create account") : tr("Sign in"));
}

void SignInDialog::setBusy(bool busy, const QString &status)
{
    m_buttons->setEnabled(!busy);
    m_statusField = nullptr;
    m_status->setForegroundRole(busy ? QPalette::PlaceholderText : QPalette::WindowText);
    m_status->setText(status);
}

void SignInDialog::showError(QWidget *field, const QString &text)
{
    if (field == m_confirm) {
        m_confirmError->setText(text);
        m_confirmError->setVisible(true);
    } else {
        m_status->setForegroundRole(QPalette::WindowText);
        m_status->setText(text);
        m_statusField = field;
    }
    if (field && isVisible())
        field->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::fieldChanged(QWidget *field)
{
    // The problem was about this field: the user is fixing it, so it is no longer said.
    if (field && field == m_statusField) {
        m_status->clear();
        m_statusField = nullptr;
    }
    if (field == m_confirm || (field == m_password && !m_confirmError->text().isEmpty())) {
        m_confirmError->clear();
        m_confirmError->setVisible(false);
    }
}

void SignInDialog::showServerError(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidCredentials:
        return showError(m_password, tr("Wrong username or password."));
    case ErrorCode::Conflict:
        return showError(m_username, tr("That username is taken; choose another one."));
    case ErrorCode::InvitationInvalid:
    case ErrorCode::InvitationExpired:
    case ErrorCode::InvitationUsed:
        return showError(m_invite, ErrorText::describe(error));
    case ErrorCode::RateLimited:
        return showError(nullptr,
                         tr("Too many attempts to sign in.") + u' '
                             + ErrorText::tryAgainIn(error.retryAfterMs));
    default:
        return showError(nullptr, ErrorText::describe(error));
    }
}

void SignInDialog::rememberServer(const QString &url)
{
    QStringList recent = QSettings().value(RecentServersKey).toStringList();
    recent.removeAll(url);
    recent.prepend(url);
    QSettings().setValue(RecentServersKey, recent.mid(0, MaxRecentServers));
}

QUrl SignInDialog::serverUrl(const QString &typed)
{
    // "chat.lan" or "192.168.1.5:7654" means the encrypted default, not http.
    const QString text = typed.trimmed();
    return QUrl::fromUserInput(text.contains(u"://") ? text : u"wss://" + text);
}

// What can be checked here is checked here: the answer comes at once, in the user's
// language, beside the field concerned.
bool SignInDialog::validate()
{
    const QUrl url = serverUrl(m_server->currentText());
    if (!url.isValid()
        || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        showError(m_server, tr("The server address must look like wss://host:7654."));
        return false;
    }
    if (m_username->text().trimmed().isEmpty()) {
        showError(m_username, tr("Enter your username."));
        return false;
    }
    if (m_password->text().isEmpty()) {
        showError(m_password, tr("Enter your password."));
        return false;
    }
    if (!m_create->isChecked())
        return true;
    using namespace UserRules;
    if (!validateUsername(m_username->text().trimmed().toLower())) {
        showError(m_username,
                  tr("A username has %1 to %2 characters: letters a–z, digits, “.”, “_” or “-”, "
                     "starting with a letter or digit.")
                      .arg(MinUsernameLength)
                      .arg(MaxUsernameLength));
        return false;
    }
    if (!validatePassword(m_password->text())) {
        showError(m_password,
                  tr("A password needs at least %1 characters.").arg(MinPasswordLength));
        return false;
    }
    if (m_confirm->text() != m_password->text()) {
        showError(m_confirm, tr("The two passwords are not the same."));
        return false;
    }
    if (!validateDisplayName(m_displayName->text().trimmed())) {
        showError(m_displayName,
                  tr("A display name has at most %1 characters.").arg(MaxDisplayNameLength));
        return false;
    }
    return true;
}

void SignInDialog::submit()
{
    if (!validate())
        return;
    const QUrl url = serverUrl(m_server->currentText());
    setBusy(true, tr("Connecting…"));
    auto signIn = [this, url] {
        setBusy(true, tr("Signing in…"));
        const QString device = QSysInfo::machineHostName();
        auto reply = m_create->isChecked()
            ? m_session.registerUser(m_username->text().trimmed().toLower(), m_password->text(),
                                     m_displayName->text().trimmed(), device,
                                     m_invite->text().trimmed())
            : m_session.login(m_username->text().trimmed().toLower(), m_password->text(), device);
        reply.then(this, [this, url](Result<Protocol::AuthGrant> grant) {
            if (!grant) {
                setBusy(false);
                showServerError(grant.error());
                return;
            }
            rememberServer(url.toString());
            m_password->clear(); // never kept
            m_confirm->clear();
            accept();
        });
    };
    if (m_session.state() == ClientSession::State::Connected && m_session.url() == url) {
        signIn();
        return;
    }
    delete m_waitForConnection;
    m_waitForConnection = new QObject(this);
    connect(&m_session, &ClientSession::stateChanged, m_waitForConnection,
            [this, signIn](ClientSession::State state) {
                if (state == ClientSession::State::Connected) {
                    m_waitForConnection->deleteLater();
                    signIn();
                }
            });
    m_session.connectToServer(url);
}

} // namespace Banter::Desktop
