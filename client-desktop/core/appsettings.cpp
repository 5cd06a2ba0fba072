// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace Banter::Desktop {

namespace {
const QString LanguageKey = QStringLiteral("ui/language");
const QString ThemeKey = QStringLiteral("ui/theme");
const QString StartMinimisedKey = QStringLiteral("ui/startMinimised");
const QString NotificationsKey = QStringLiteral("notifications/enabled");
const QString MutedKey = QStringLiteral("notifications/muted");
const QString PinsKey = QStringLiteral("tls/pinnedCertificates");
const QString LastConversationKey = QStringLiteral("ui/lastConversation");
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

AppSettings::~AppSettings() = default;

QString AppSettings::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(LanguageKey, language);
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings->value(NotificationsKey, true).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    m_settings->setValue(NotificationsKey, enabled);
}

bool AppSettings::startMinimised() const
{
    return m_settings->value(StartMinimisedKey, false).toBool();
}

void AppSettings::setStartMinimised(bool minimised)
{
    m_settings->setValue(StartMinimisedKey, minimised);
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = m_settings->value(ThemeKey).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    static const QString names[] = {QStringLiteral("system"), QStringLiteral("light"),
                                    QStringLiteral("dark")};
    m_settings->setValue(ThemeKey, names[int(theme)]);
}

ConversationId AppSettings::lastConversation() const
{
    return m_settings->value(LastConversationKey).toLongLong();
}

void AppSettings::setLastConversation(ConversationId id)
{
    m_settings->setValue(LastConversationKey, id);
}

QSet<ConversationId> AppSettings::mutedConversations() const
{
    QSet<ConversationId> muted;
    const QStringList ids = m_settings->value(MutedKey).toStringList();
    for (const QString &id : ids) {
        bool ok = false;
        if (const ConversationId value = id.toLongLong(&ok); ok && value > 0)
            muted.insert(value);
    }
    return muted;
}

void AppSettings::setMutedConversations(const QSet<ConversationId> &muted)
{
    QList<ConversationId> sorted(muted.cbegin(), muted.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList ids;
    for (const ConversationId id : sorted)
        ids.append(QString::number(id));
    m_settings->setValue(MutedKey, ids);
}

QHash<QString, QByteArray> AppSettings::pinnedCertificates() const
{
    QHash<QString, QByteArray> pins;
    const QVariantMap stored = m_settings->value(PinsKey).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QByteArray sha256 = QByteArray::fromHex(it.value().toString().toLatin1());
        if (sha256.size() == 32) // anything else was edited by hand: pin again on next use
            pins.insert(it.key(), sha256);
    }
    return pins;
}

void AppSettings::setPinnedCertificate(const QString &server, const QByteArray &sha256)
{
    QVariantMap stored = m_settings->value(PinsKey).toMap();
    if (sha256.isEmpty())
        stored.remove(server);
    else
        stored.insert(server, QString::fromLatin1(sha256.toHex()));
    m_settings->setValue(PinsKey, stored);
    m_settings->sync(); // a pin must survive a crash right after the first connection
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Banter::Desktop
