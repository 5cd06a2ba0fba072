// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/signindialog.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSysInfo>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
const QString RecentServersKey = QStringLiteral("signIn/recentServers");
constexpr int MaxRecentServers = 8;
} // namespace

SignInDialog::SignInDialog(ClientSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_server(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_displayNameLabel(new QLabel(tr("Display name:"), this))
    , m_create(new QCheckBox(tr("Create a new account"), this))
    , m_remember(new QCheckBox(tr("Remember me on this computer"), this))
    , m_status(new QLabel(this))
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
    m_displayName->setPlaceholderText(tr("Optional"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Username:"), m_username);
    form->addRow(tr("Password:"), m_password);
    form->addRow(m_displayNameLabel, m_displayName);
    auto *layout = new QVBoxLayout(this);
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
    connect(&m_session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Reconnecting && !m_buttons->isEnabled())
            setBusy(false, tr("Cannot reach the server. Check the address and try again."));
    });
    // A certificate the library refused (invalid, or not the pinned one): say why.
    connect(&m_session, &ClientSession::errorOccurred, this, [this](const Error &error) {
        if (error.failure != ClientFailure::None && !m_buttons->isEnabled())
            setBusy(false, ErrorText::describe(error));
    });
    connect(&m_session, &ClientSession::certificateRefused, this, [this] {
        setBusy(false, tr("The server's certificate has changed, so Banter did not connect."));
    });
    updateMode();
}

bool SignInDialog::rememberMe() const
{
    return m_remember->isChecked();
}

void SignInDialog::updateMode()
{
    const bool create = m_create->isChecked();
    m_displayName->setVisible(create);
    m_displayNameLabel->setVisible(create);
    m_buttons->button(QDialogButtonBox::Ok)->setText(create ? tr("Create account") : tr("Sign in"));
}

void SignInDialog::setBusy(bool busy, const QString &status)
{
    m_buttons->setEnabled(!busy);
    m_status->setText(status);
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

void SignInDialog::submit()
{
    const QUrl url = serverUrl(m_server->currentText());
    if (!url.isValid()
        || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        setBusy(false, tr("The server address must look like wss://host:7654."));
        return;
    }
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        setBusy(false, tr("Enter your username and password."));
        return;
    }
    setBusy(true, tr("Connecting…"));
    auto signIn = [this, url] {
        setBusy(true, tr("Signing in…"));
        const QString device = QSysInfo::machineHostName();
        auto reply = m_create->isChecked()
            ? m_session.registerUser(m_username->text().trimmed().toLower(), m_password->text(),
                                     m_displayName->text().trimmed(), device)
            : m_session.login(m_username->text().trimmed().toLower(), m_password->text(), device);
        reply.then(this, [this, url](Result<Protocol::AuthGrant> grant) {
            if (!grant) {
                setBusy(false, grant.error().message);
                return;
            }
            rememberServer(url.toString());
            m_password->clear(); // never kept
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
