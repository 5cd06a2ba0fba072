// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <QPersistentModelIndex>

namespace Banter::Desktop {

class MessageDelegate;
class MessageListModel;

// The messages of the open conversation, kept where the reader expects them:
// - a conversation opens at its newest message, or with the "new messages" divider of the
//   first unread one at the top;
// - at the bottom it stays at the bottom as messages arrive and as the window resizes;
//   elsewhere the message being read stays where it is, also while older pages are inserted
//   above it;
// - near the top the next older page loads by itself (near the bottom, the next newer one
//   when the window was scrolled away from the newest), so scrolling never gets stuck;
// - Home, End, PageUp, PageDown, Ctrl+Home and Ctrl+End scroll it, also from the composer.
class MessageView : public QListView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // The scroll keys typed in `editor` (the composer) scroll this view; Home and End only
    // while it is empty, where they would move nothing.
    void followKeysFrom(QWidget *editor);
    // Whether the view follows the newest message.
    bool isAtBottom() const { return m_stick; }
    // To the newest message, loading it if the window was scrolled away from it.
    void scrollToNewest();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void updateGeometries() override;

private:
    bool scrollKey(const QKeyEvent *event, bool fromEditor);
    void onUserScroll();
    void rememberAnchor();
    void restoreAnchor();
    void positionAtOpen();
    void scheduleLoad();
    void loadIfNeeded();

    MessageListModel *m_model = nullptr;
    MessageDelegate *m_delegate;
    QWidget *m_editor = nullptr;
    bool m_stick = true; // follows the newest message
    bool m_restoring = false; // scroll bar moves made by the view itself
    bool m_userMoved = false; // the reader scrolled: a layout now keeps their position
    bool m_loadScheduled = false;
    QPersistentModelIndex m_anchor; // the row being read, when not at the bottom
    int m_anchorOffset = 0; // its top, from the viewport's top
};

} // namespace Banter::Desktop
