// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"

#include "core/appsettings.h"
#include "ui/devicespage.h"
#include "ui/passwordpage.h"
#include "ui/profilepage.h"
#include "ui/theme.h"
#include "ui/uilanguage.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Banter::Desktop {

SettingsDialog::SettingsDialog(AppSettings &settings, ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_notifications(new QCheckBox(tr("Show a notification for new messages"), this))
    , m_startMinimised(new QCheckBox(tr("Start minimised to the system tray"), this))
{
    setWindowTitle(tr("Settings"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/settings.svg")));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildGeneral(session), tr("General"));
    if (session) {
        auto *profile = new ProfilePage(*session, this);
        profile->setObjectName(QStringLiteral("profilePage"));
        m_tabs->addTab(profile, tr("Profile"));
        auto *password = new PasswordPage(*session, this);
        password->setObjectName(QStringLiteral("passwordPage"));
        m_tabs->addTab(password, tr("Password"));
        auto *devices = new DevicesPage(*session, this);
        devices->setObjectName(QStringLiteral("devicesPage"));
        m_tabs->addTab(devices, tr("Devices"));
        // A new password signs the other devices out: show the list as it now is.
        connect(password, &PasswordPage::passwordChanged, devices, &DevicesPage::reload);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

QWidget *SettingsDialog::buildGeneral(const ClientSession *session)
{
    auto *page = new QWidget(this);
    m_language->addItem(tr("System language"), QString());
    // Each language is named in itself, so it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language())));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(m_settings.theme()))));
    m_notifications->setChecked(m_settings.notificationsEnabled());
    m_startMinimised->setChecked(m_settings.startMinimised());
    auto *form = new QFormLayout(page);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Notifications:"), m_notifications);
    form->addRow(tr("Start-up:"), m_startMinimised);
    if (session) {
        auto *server = new QLabel(session->url().toString(), page);
        auto *connection = new QLabel(describeConnection(*session), page);
        connection->setObjectName(QStringLiteral("connection"));
        connection->setWordWrap(true);
        // Selectable, so the fingerprint can be compared with the one banterd logs.
        for (QLabel *label : {server, connection})
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Server:"), server);
        form->addRow(tr("Connection:"), connection);
    }
    return page;
}

QString SettingsDialog::describeConnection(const ClientSession &session)
{
    if (session.url().scheme() != QLatin1String("wss"))
        return tr("Not encrypted: anyone on the network can read it.");
    const QSslCertificate certificate = session.pinnedPeerCertificate();
    if (certificate.isNull())
        return session.isReady()
            ? tr("Encrypted; the server's certificate is vouched for by a trusted authority.")
            : tr("Encrypted (not connected now).");
    return tr("Encrypted; the server's own certificate, trusted since the first connection."
              "\nSHA-256: %1")
        .arg(CertificatePin::formatFingerprint(CertificatePin::fingerprint(certificate)));
}

void SettingsDialog::accept()
{
    const QString language = m_language->currentData().toString();
    const auto theme = AppSettings::Theme(m_theme->currentData().toInt());
    const bool languageChanged = language != m_settings.language();
    const bool themeChanged = theme != m_settings.theme();
    m_settings.setLanguage(language);
    m_settings.setTheme(theme);
    m_settings.setNotificationsEnabled(m_notifications->isChecked());
    m_settings.setStartMinimised(m_startMinimised->isChecked());
    m_settings.sync();
    // At once, without a restart: every widget words and paints itself again.
    if (themeChanged)
        applyTheme(theme);
    if (languageChanged)
        UiLanguage::apply(language);
    QDialog::accept();
}

} // namespace Banter::Desktop
