// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/user.h>

#include <QSet>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class ContactListModel;

// Picks people: the user's contacts, filtered as one types, plus whoever the server's user
// search finds for the typed text. One person, or several with check boxes.
class PeoplePicker : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Single, Multiple };
    PeoplePicker(ClientSession &session, const ContactListModel &contacts, Mode mode,
                 QWidget *parent = nullptr);

    // People not offered (e.g. the group's members, oneself).
    void setExcluded(const QSet<UserId> &excluded);
    QList<UserId> selected() const;
    void clearSelection();
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void selectionChanged();
    void activated(Banter::UserId user);

private:
    void rebuild();
    void searchServer();

    ClientSession &m_session;
    const ContactListModel &m_contacts;
    Mode m_mode;
    QLineEdit *m_search;
    QListWidget *m_list;
    QTimer m_searchDelay;
    QList<User> m_found; // the server's answer for the current text
    QSet<UserId> m_excluded;
    QSet<UserId> m_checked;
};

} // namespace Banter::Desktop
