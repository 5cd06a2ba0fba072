// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trayicon.h"

#include <QFont>
#include <QPainter>

#include <atomic>

namespace Banter::Desktop {

namespace {
std::atomic<int> renders{0};
// Everything above 99 is drawn as "99+".
constexpr qint64 BadgeCap = 100;
} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QSystemTrayIcon(parent)
{
    setUnread(0);
}

int TrayIcon::renderCount()
{
    return renders.load();
}

QIcon TrayIcon::iconFor(qint64 unread)
{
    ++renders;
    const QIcon app(QStringLiteral(":/icons/banter.svg"));
    if (unread <= 0)
        return app;
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = app.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QString text = unread >= BadgeCap ? QStringLiteral("99+") : QString::number(unread);
        const qreal d = size * 0.62;
        const QRectF badge(size - d, 0, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xdc, 0x26, 0x26)); // an alert red, legible on any panel
        painter.drawEllipse(badge);
        QFont font;
        font.setBold(true);
        font.setPixelSize(qMax(6, int(d * (text.size() > 2 ? 0.36 : 0.62))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon TrayIcon::badgeIcon(qint64 unread)
{
    const int key = int(qBound<qint64>(0, unread, BadgeCap));
    auto cached = m_icons.constFind(key);
    if (cached == m_icons.cend())
        cached = m_icons.insert(key, iconFor(key));
    return *cached;
}

void TrayIcon::setUnread(qint64 unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    setIcon(badgeIcon(unread));
    setToolTip(unread > 0 ? tr("Banter — unread messages: %1").arg(unread)
                          : tr("Banter — no unread messages"));
}

} // namespace Banter::Desktop
