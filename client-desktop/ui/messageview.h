// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>
#include <banter/domain/message.h>

#include <QListView>
#include <QPersistentModelIndex>
#include <QUrl>

class QLabel;
class QPlainTextEdit;
class QTimer;
class QToolButton;

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
// - scrolled away from the newest, a "jump to latest" button counts what arrived meanwhile.
// Each message has a menu (right-click or the "⋯" button; MessageMenu): reactions, Reply and
// Edit (asked of the composer through replyRequested()/editRequested()), Delete (after a
// confirmation), Copy text, Select text, Copy link (banter://conversation/<id>/<seq>).
// Clicking a reply's quote jumps to the original and highlights it for a moment; clicking
// a reaction chip toggles the user's own; links open in the browser (http, https and mailto
// only).
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
    // Shows the message `seq` of `conversation` (search results, a quote): opens the
    // conversation (conversationRequested()) if another is shown, loads history around it if
    // it is not in the window, scrolls to it and highlights it for a moment.
    void jumpTo(Banter::ConversationId conversation, Banter::Seq seq);
    // The conversation a jump asked for cannot be opened (not one of mine): forget the jump
    // and say why.
    void cancelJump(const QString &why);
    // How many new messages arrived while scrolled up (the jump button's count).
    int unseenCount() const { return m_unseen; }
    // A link of the form this view copies for a message.
    static QUrl messageLink(Banter::ConversationId conversation, Banter::Seq seq);
    // The menu of the message at `index` (what right-click and the "⋯" button open).
    void showMenu(const QModelIndex &index, const QPoint &globalPos);
    // Opens `url` in the browser if it is http, https or mailto; false (and nothing opens)
    // for any other scheme.
    static bool openLink(const QUrl &url);

Q_SIGNALS:
    void replyRequested(const Banter::Message &message);
    void editRequested(const Banter::Message &message);
    // jumpTo() needs this conversation shown first.
    void conversationRequested(Banter::ConversationId conversation);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
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
    void onLocated(Banter::Seq seq);
    void highlight(const QUuid &id);
    void confirmDelete(const QModelIndex &index);
    void pickReaction(const QModelIndex &index, const QPoint &globalPos);
    void selectText(const QModelIndex &index);
    void closeSelector();
    void showNote(const QString &text);
    void updateJumpButton();

    MessageListModel *m_model = nullptr;
    MessageDelegate *m_delegate;
    QWidget *m_editor = nullptr;
    bool m_stick = true; // follows the newest message
    bool m_restoring = false; // scroll bar moves made by the view itself
    bool m_userMoved = false; // the reader scrolled: a layout now keeps their position
    bool m_loadScheduled = false;
    QPersistentModelIndex m_anchor; // the row being read, when not at the bottom
    int m_anchorOffset = 0; // its top, from the viewport's top
    QToolButton *m_jumpButton;
    QLabel *m_note; // a passing message: a failed request, an original not found
    QTimer *m_noteTimer;
    QTimer *m_highlightTimer;
    QPlainTextEdit *m_selector = nullptr; // "Select text": the text in a selectable copy
    int m_unseen = 0;
    Banter::ConversationId m_pendingJumpConversation = 0; // jumpTo() waiting for it to open
    Banter::Seq m_pendingJumpSeq = 0;
};

} // namespace Banter::Desktop
