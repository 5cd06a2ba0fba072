// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

class QSplitter;
class QWidget;

namespace Banter::Desktop {

class AppSettings;

// The main window's size, position and splitter as the user left them (AppSettings), and
// the sidebar that collapses to a column of avatars when the window is too narrow for both
// panes, and opens again when it is wide enough.
class WindowState : public QObject
{
    Q_OBJECT
public:
    // Below this width the sidebar shows avatars only.
    static constexpr int NarrowWidth = 700;
    static constexpr int CollapsedSidebarWidth = 64;

    // Restores what `settings` remembers onto `window` (whose central splitter's first
    // pane is the sidebar) and keeps it up to date from then on. Call after the window is
    // built, before it is shown.
    WindowState(QWidget *window, QSplitter *splitter, AppSettings &settings);

    bool isSidebarCollapsed() const { return m_collapsed; }
    // Writes the geometry and splitter now (also done when the window hides or closes).
    void save();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSidebar();

    QWidget *m_window;
    QSplitter *m_splitter;
    AppSettings &m_settings;
    bool m_collapsed = false;
    QByteArray m_wideSplitter; // the splitter as it was before the sidebar collapsed
};

} // namespace Banter::Desktop
