// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSystemTrayIcon>

namespace Banter::Desktop {

// The application icon in the system tray, with the number of unread messages drawn on it
// and said in the tooltip.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);

    void setUnread(qint64 unread);
    qint64 unread() const { return m_unread; }
    // The icon as drawn for a count (exposed for tests and screenshots).
    static QIcon iconFor(qint64 unread);

private:
    qint64 m_unread = -1;
};

} // namespace Banter::Desktop
