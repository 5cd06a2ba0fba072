// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/message.h>

#include <QPlainTextEdit>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace Banter::Desktop {

class DraftStore;
class MentionCompleter;

// The local files among dropped or pasted URLs (remote URLs are text, not attachments).
QStringList localFiles(const QMimeData *data);

// The message box: Enter sends, Shift+Enter starts a new line. Pasting or dropping an
// image or files does not insert text: it asks for them to be sent.
//
// The text belongs to a conversation: each one keeps its own draft (text and cursor) while
// another is open, so what was typed to Bob is never sent to the group; with a DraftStore
// opened on a file the drafts outlive the program. Text over the length limit stays in the
// box; Enter then says why it cannot be sent (refused()).
//
// It also answers and corrects: startReply() makes the next send a reply to a message,
// startEdit() puts one of my messages in the box and Enter sends its new text (Up in an
// empty box asks for my last one: lastMessageWanted()); Esc leaves either, an edit putting
// back the draft that was there. Typing @ offers the conversation's members (setMembers()).
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class Mode { Writing, Replying, Editing };
    Q_ENUM(Mode)

    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    // Keeps the current text as the draft of the conversation open until now and shows the
    // draft of `id` (empty for none; 0 is "no conversation"). A reply or edit under way ends.
    void setConversation(ConversationId id);
    ConversationId conversation() const { return m_conversation; }
    // Where drafts are kept (not owned; null: in memory, the composer's own).
    void setDraftStore(DraftStore *store);
    DraftStore *draftStore() const;
    // The draft kept for a conversation that is not open (the box's text for the open one).
    QString draft(ConversationId id) const;
    // Whether the text can be sent as it is; otherwise `reason` says why, for the user.
    bool checkLength(QString *reason = nullptr) const;
    // Whether Enter sends with no text (attachments are waiting to go with a caption).
    void setSendsWithoutText(bool sends) { m_sendsWithoutText = sends; }
    // What Enter does: sendRequested() (or editRequested()) and, for a send, an empty box.
    void submit();

    // The open conversation's members, for @-completion and to name whom a reply answers.
    void setMembers(const QList<Participant> &members, UserId me);
    QString memberName(UserId user) const;
    // The members the text mentions (@username), for the message's `mentions`.
    QList<UserId> mentions() const;
    MentionCompleter *mentionCompleter() const { return m_completer; }

    Mode mode() const { return m_mode; }
    // The message the next send answers, or the one being edited.
    const Message &target() const { return m_target; }
    // The next send answers `message` (of the open conversation); the text stays.
    void startReply(const Message &message);
    // Puts my text message in the box to correct it; the draft waits until it ends.
    void startEdit(const Message &message);
    // Back to writing: an edit's text goes, the draft it replaced comes back.
    void cancel();
    // The edit was stored (editRequested() succeeded): as cancel().
    void finishEdit() { cancel(); }

Q_SIGNALS:
    void sendRequested(const QString &text);
    // Enter while editing: the new text of target().
    void editRequested(const Banter::Message &message, const QString &text);
    // Up in an empty box: the owner finds my last text message and calls startEdit().
    void lastMessageWanted();
    // Writing, replying or editing changed (the bar above the box follows).
    void modeChanged(Banter::Desktop::Composer::Mode mode);
    // Enter was pressed on text that cannot be sent; it stays in the box.
    void refused(const QString &reason);
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void keepDraft(); // the open conversation's text into the store
    void showText(const QString &text, int cursor);
    void setMode(Mode mode, const Message &target);

    ConversationId m_conversation = 0;
    DraftStore *m_ownStore;
    QPointer<DraftStore> m_store; // may go before the composer (the account's)
    QTimer m_keep; // keeps the draft a moment after typing stops, not on every key
    bool m_sendsWithoutText = false;
    QList<Participant> m_members;
    MentionCompleter *m_completer;
    Mode m_mode = Mode::Writing;
    Message m_target;
    // While editing: the draft that was in the box, back when the edit ends.
    QString m_savedText;
    int m_savedCursor = 0;
};

} // namespace Banter::Desktop
