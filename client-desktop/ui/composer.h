// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QHash>
#include <QPlainTextEdit>

namespace Banter::Desktop {

// The local files among dropped or pasted URLs (remote URLs are text, not attachments).
QStringList localFiles(const QMimeData *data);

// The message box: Enter sends, Shift+Enter starts a new line. Pasting or dropping an
// image or files does not insert text: it asks for them to be sent.
//
// The text belongs to a conversation: each one keeps its own draft (text and cursor) while
// another is open, so what was typed to Bob is never sent to the group. Text over the
// length limit stays in the box; Enter then says why it cannot be sent (refused()).
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    // Keeps the current text as the draft of the conversation open until now and shows the
    // draft of `id` (empty for none; 0 is "no conversation").
    void setConversation(ConversationId id);
    ConversationId conversation() const { return m_conversation; }
    // The draft kept for a conversation that is not open (the box's text for the open one).
    QString draft(ConversationId id) const;
    // Whether the text can be sent as it is; otherwise `reason` says why, for the user.
    bool checkLength(QString *reason = nullptr) const;
    // Whether Enter sends with no text (attachments are waiting to go with a caption).
    void setSendsWithoutText(bool sends) { m_sendsWithoutText = sends; }

Q_SIGNALS:
    void sendRequested(const QString &text);
    // Enter was pressed on text that cannot be sent; it stays in the box.
    void refused(const QString &reason);
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    struct Draft
    {
        QString text;
        int cursor = 0;
    };
    ConversationId m_conversation = 0;
    QHash<ConversationId, Draft> m_drafts;
    bool m_sendsWithoutText = false;
};

} // namespace Banter::Desktop
