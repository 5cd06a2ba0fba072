// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>

#include <QObject>

class QKeyEvent;
class QListWidget;
class QPlainTextEdit;

namespace Banter::Desktop {

// @-completion in a text box: typing @ and the start of a member's username or display name
// shows a list of the matching members of the open conversation above the cursor; Up/Down
// choose, Tab or Enter puts "@username " in place of what was typed, Esc closes the list.
//
// The list is a child widget of the window, not a popup window of its own, so the text box
// keeps the keyboard (and its event filters, such as the typing notice) while it shows.
class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxShown = 8;
    static constexpr int MaxPrefix = 64; // longer than any username: not a mention being typed

    explicit MentionCompleter(QPlainTextEdit *editor);

    // The members who can be mentioned (the user is left out).
    void setMembers(const QList<Participant> &members, UserId me);
    // Members whose username or display name starts with `prefix` (any case), usernames
    // first, at most MaxShown.
    static QList<Participant> matches(const QList<Participant> &members, const QString &prefix,
                                      UserId me);
    // The members `text` mentions as @username, for the message's `mentions` list.
    QList<UserId> mentionsIn(const QString &text) const;

    bool isActive() const;
    // A key pressed in the text box while the list shows; true if the list used it.
    bool handleKey(QKeyEvent *event);
    void close();
    QListWidget *popup() const { return m_popup; }

private:
    void update();
    void complete();
    void place();

    QPlainTextEdit *m_editor;
    QListWidget *m_popup;
    QList<Participant> m_members;
    UserId m_me = 0;
    int m_start = -1; // where the @ being completed is in the text
    bool m_dismissed = false; // Esc closed the list for the @ at m_start
};

} // namespace Banter::Desktop
