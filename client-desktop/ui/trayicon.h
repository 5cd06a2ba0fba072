// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSystemTrayIcon>

namespace Banter::Desktop {

// The application icon in the system tray, with the number of unread messages drawn on it
// and said in the tooltip. Each distinct badge ("1" … "99", "99+") is drawn once and kept:
// a catch-up that moves the count thousands of times must not redraw the SVG each time.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);

    void setUnread(qint64 unread);
    qint64 unread() const { return m_unread; }
    // The icon for a count, drawn on first use and then taken from this icon's cache.
    QIcon badgeIcon(qint64 unread);
    // The icon as drawn for a count, uncached (exposed for tests and screenshots).
    static QIcon iconFor(qint64 unread);
    // How many icons iconFor() has drawn in this process (tests bound it).
    static int renderCount();

private:
    qint64 m_unread = -1;
    QHash<int, QIcon> m_icons; // by badge value, 100 standing for "99+"
};

} // namespace Banter::Desktop
