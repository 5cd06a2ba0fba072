// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/windowstate.h"

#include "core/appsettings.h"

#include <QEvent>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QWidget>

namespace Banter::Desktop {

WindowState::WindowState(QWidget *window, QSplitter *splitter, AppSettings &settings)
    : QObject(window)
    , m_window(window)
    , m_splitter(splitter)
    , m_settings(settings)
{
    if (const QByteArray geometry = m_settings.windowGeometry(); !geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    if (const QByteArray state = m_settings.splitterState(); !state.isEmpty())
        m_splitter->restoreState(state);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (!m_collapsed)
            m_settings.setSplitterState(m_splitter->saveState());
    });
    m_window->installEventFilter(this);
    updateSidebar();
}

void WindowState::save()
{
    m_settings.setWindowGeometry(m_window->saveGeometry());
    m_settings.setSplitterState(m_collapsed ? m_wideSplitter : m_splitter->saveState());
}

bool WindowState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Resize:
            updateSidebar();
            break;
        case QEvent::Hide:
        case QEvent::Close:
            save();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void WindowState::updateSidebar()
{
    const bool narrow = m_window->width() < NarrowWidth;
    if (narrow == m_collapsed)
        return;
    QWidget *sidebar = m_splitter->widget(0);
    if (narrow)
        m_wideSplitter = m_splitter->saveState();
    m_collapsed = narrow;
    // Avatars only: the tabs and the search box have no room, and the conversation list's
    // delegate draws just the avatar in a column this narrow.
    if (auto *tabs = qobject_cast<QTabWidget *>(sidebar)) {
        tabs->tabBar()->setVisible(!narrow);
        if (narrow)
            tabs->setCurrentIndex(0);
    }
    if (auto *search = sidebar->findChild<QLineEdit *>(QStringLiteral("conversationSearch")))
        search->setVisible(!narrow);
    // Rows keep their wide layout; the column shows their avatars, with no scroll bar.
    if (auto *list = sidebar->findChild<QListView *>(QStringLiteral("conversationView")))
        list->setHorizontalScrollBarPolicy(narrow ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    if (narrow) {
        sidebar->setFixedWidth(CollapsedSidebarWidth);
        // The rest of the window goes to the conversation.
        m_splitter->setSizes({CollapsedSidebarWidth, m_window->width()});
    } else {
        sidebar->setMinimumWidth(0);
        sidebar->setMaximumWidth(QWIDGETSIZE_MAX);
        m_splitter->restoreState(m_wideSplitter);
    }
}

} // namespace Banter::Desktop
