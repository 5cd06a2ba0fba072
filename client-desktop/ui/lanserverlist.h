// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/serverbrowser.h>

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;

namespace Banter::Desktop {

class LanServerModel;

// "Servers on your network" in the sign-in dialog: a live list of the Banter servers found on
// the local network (name, address:port, and in words whether it uses TLS), or while there is
// none a sentence saying it is searching, then that none was found yet. Browsing runs only
// between start() and stop() (the dialog's show and hide). Choosing a server (click, or Enter
// on the focused list) emits chosen(); what it claims is unauthenticated, so the dialog still
// connects with first-use trust.
class LanServerList : public QWidget
{
    Q_OBJECT
public:
    explicit LanServerList(QWidget *parent = nullptr);

    // Options for the browser (tests aim it at their own port); used by the next start().
    void setBrowserOptions(const ServerBrowser::Options &options);
    void start();
    void stop();

    LanServerModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    // The sentence shown while the list is empty (objectName "lanServersEmpty"); empty when
    // servers are listed.
    QString emptyText() const;

Q_SIGNALS:
    void chosen(const Banter::DiscoveredServer &server);

private:
    void updateEmptyState();

    LanServerModel *m_model;
    QStackedWidget *m_pages;
    QListView *m_view;
    QLabel *m_empty;
    QTimer m_searching; // how long "Searching…" is said before "none found yet"
};

} // namespace Banter::Desktop
