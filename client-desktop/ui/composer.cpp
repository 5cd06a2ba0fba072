// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer.h"

#include <banter/domain/messagecontent.h>

#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>

namespace Banter::Desktop {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Write a message…"));
    setTabChangesFocus(true);
}

void Composer::setConversation(ConversationId id)
{
    if (id == m_conversation)
        return;
    if (m_conversation != 0) {
        if (toPlainText().isEmpty())
            m_drafts.remove(m_conversation);
        else
            m_drafts.insert(m_conversation, {toPlainText(), textCursor().position()});
    }
    m_conversation = id;
    const Draft draft = m_drafts.take(id);
    setPlainText(draft.text);
    QTextCursor cursor = textCursor();
    cursor.setPosition(qBound(0, draft.cursor, int(draft.text.size())));
    setTextCursor(cursor);
}

QString Composer::draft(ConversationId id) const
{
    return id == m_conversation ? toPlainText() : m_drafts.value(id).text;
}

bool Composer::checkLength(QString *reason) const
{
    const int over = MessageContent::characterCount(toPlainText()) - MessageContent::MaxTextLength;
    if (over <= 0)
        return true;
    if (reason)
        *reason = over == 1 ? tr("Too long to send: remove 1 character.")
                            : tr("Too long to send: remove %1 characters.").arg(over);
    return false;
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        const QString text = toPlainText();
        if (text.trimmed().isEmpty() && !m_sendsWithoutText)
            return;
        // Nothing typed is discarded: text that cannot go stays, and the reason is shown.
        if (QString reason; !checkLength(&reason)) {
            Q_EMIT refused(reason);
            return;
        }
        Q_EMIT sendRequested(text.trimmed().isEmpty() ? QString() : text);
        clear();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && !QFileInfo(url.toLocalFile()).isDir())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !localFiles(source).isEmpty()
        || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    // Files first: a file manager's copy carries the URLs and sometimes an icon image too.
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            Q_EMIT imagePasted(image);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace Banter::Desktop
