// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

class QSettings;

namespace Banter::Desktop {

// The desktop client's preferences in QSettings: by default the standard per-user location
// for the organization and application names main() sets, or a given INI file (tests).
class AppSettings
{
public:
    enum class Theme { System, Light, Dark };

    AppSettings();
    explicit AppSettings(const QString &iniFile);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    // A locale name such as "zh_CN" or "en"; empty follows the system. Applies at next start.
    QString language() const;
    void setLanguage(const QString &language);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    bool startMinimised() const;
    void setStartMinimised(bool minimised);
    Theme theme() const;
    void setTheme(Theme theme);
    QSet<ConversationId> mutedConversations() const;
    void setMutedConversations(const QSet<ConversationId> &muted);
    // The SHA-256 of each server's self-signed certificate, by CertificatePin::serverKey,
    // pinned the first time the server was met. An empty sha256 forgets the server's pin.
    QHash<QString, QByteArray> pinnedCertificates() const;
    void setPinnedCertificate(const QString &server, const QByteArray &sha256);
    // The conversation open when Banter last ran (0: none); it opens again at start.
    ConversationId lastConversation() const;
    void setLastConversation(ConversationId id);
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Banter::Desktop
