// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/desktopnotifications.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>

namespace Banter::Desktop {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
// A local daemon answers in milliseconds; never hold the window up for long.
constexpr int CallTimeoutMs = 1000;

// The image-data hint: (iiibiiay), RGBA bytes row by row.
struct ImageData
{
    QImage image;
};

QDBusArgument &operator<<(QDBusArgument &argument, const ImageData &data)
{
    const QImage rgba = data.image.convertToFormat(QImage::Format_RGBA8888);
    argument.beginStructure();
    argument << rgba.width() << rgba.height() << int(rgba.bytesPerLine()) << true << 8 << 4;
    argument << QByteArray(reinterpret_cast<const char *>(rgba.constBits()),
                           qsizetype(rgba.sizeInBytes()));
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, ImageData &)
{
    return argument; // only ever sent
}
} // namespace

} // namespace Banter::Desktop

Q_DECLARE_METATYPE(Banter::Desktop::ImageData)

namespace Banter::Desktop {

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    qDBusRegisterMetaType<ImageData>();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(quint32, QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(quint32, quint32)));
}

bool DesktopNotifications::isAvailable() const
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    return bus.interface()->isServiceRegistered(Service).value()
        || bus.interface()->activatableServiceNames().value().contains(Service);
}

QString DesktopNotifications::serverName() const
{
    if (!isAvailable())
        return {};
    const QDBusMessage reply = QDBusConnection::sessionBus().call(
        QDBusMessage::createMethodCall(Service, Path, Interface,
                                       QStringLiteral("GetServerInformation")),
        QDBus::Block, CallTimeoutMs);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        ? reply.arguments().constFirst().toString()
        : QString();
}

bool DesktopNotifications::show(ConversationId conversation, const QString &title,
                                const QString &body, const QImage &avatar)
{
    if (!isAvailable())
        return false;
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.banter.Banter"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    if (!avatar.isNull())
        hints.insert(QStringLiteral("image-data"), QVariant::fromValue(ImageData{avatar}));
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    call << QStringLiteral("Banter") << quint32(m_ids.value(conversation)) << QString() << title
         << body << QStringList{QStringLiteral("default"), tr("Open")} << hints << qint32(-1);
    const QDBusMessage reply =
        QDBusConnection::sessionBus().call(call, QDBus::Block, CallTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false; // the caller falls back to the tray balloon
    const quint32 id = reply.arguments().constFirst().toUInt();
    m_ids.insert(conversation, id);
    Q_EMIT shown(conversation, id);
    return true;
}

void DesktopNotifications::onActionInvoked(quint32 id, const QString &action)
{
    if (action != QStringLiteral("default"))
        return;
    for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it) {
        if (it.value() == id) {
            Q_EMIT activated(it.key());
            return;
        }
    }
}

void DesktopNotifications::onClosed(quint32 id, quint32)
{
    // Gone from the screen: the conversation's next message gets a fresh notification.
    for (auto it = m_ids.begin(); it != m_ids.end(); ++it) {
        if (it.value() == id) {
            m_ids.erase(it);
            return;
        }
    }
}

} // namespace Banter::Desktop
