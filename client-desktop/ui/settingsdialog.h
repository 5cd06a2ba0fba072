// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QTabWidget;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class AppSettings;

// Preferences: language and theme (applied at once when accepted), notifications, and
// whether to start minimised to the tray. Saved to the settings when accepted. With a
// session, it also shows the connection (the server, and whether and how it is encrypted)
// and has pages to change the password and to see and sign out the account's devices.
// objectName of the tabs: settingsTabs; pages: profilePage, passwordPage, devicesPage.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings &settings, ClientSession *session = nullptr,
                            QWidget *parent = nullptr);
    // How the connection is secured, in words (for the dialog and its tests).
    static QString describeConnection(const ClientSession &session);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *notificationsBox() const { return m_notifications; }
    QCheckBox *startMinimisedBox() const { return m_startMinimised; }

    QTabWidget *tabs() const { return m_tabs; }
    void accept() override;

private:
    QWidget *buildGeneral(const ClientSession *session);

    AppSettings &m_settings;
    QTabWidget *m_tabs;
    QComboBox *m_language;
    QComboBox *m_theme;
    QCheckBox *m_notifications;
    QCheckBox *m_startMinimised;
};

} // namespace Banter::Desktop
