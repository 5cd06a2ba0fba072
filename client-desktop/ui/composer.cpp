// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer.h"

#include "core/draftstore.h"
#include "ui/mentioncompleter.h"
#include <banter/domain/messagecontent.h>

#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>

namespace Banter::Desktop {

namespace {
// How long after the last key the draft is handed to the store (which writes later still).
constexpr int KeepDelayMs = 400;
} // namespace

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_ownStore(new DraftStore(this))
    , m_store(m_ownStore)
    , m_completer(new MentionCompleter(this))
{
    setPlaceholderText(tr("Write a message…"));
    setTabChangesFocus(true);
    m_keep.setSingleShot(true);
    m_keep.setInterval(KeepDelayMs);
    connect(&m_keep, &QTimer::timeout, this, &Composer::keepDraft);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_mode != Mode::Editing && m_conversation != 0)
            m_keep.start();
    });
}

Composer::~Composer()
{
    keepDraft(); // the store writes it when it goes
}

void Composer::setDraftStore(DraftStore *store)
{
    keepDraft();
    if (m_store && m_store != m_ownStore)
        m_store->disconnect(this);
    m_store = store ? store : m_ownStore;
    // A file read after the conversation showed (the account became known later): its
    // draft appears unless something was typed meanwhile.
    connect(m_store, &DraftStore::loaded, this, [this] {
        if (m_conversation != 0 && m_mode != Mode::Editing && toPlainText().isEmpty()) {
            const DraftStore::Draft draft = m_store->draft(m_conversation);
            showText(draft.text, draft.cursor);
        }
    });
}

DraftStore *Composer::draftStore() const
{
    return m_store ? m_store.get() : m_ownStore;
}

void Composer::keepDraft()
{
    m_keep.stop();
    if (m_conversation == 0 || !m_store)
        return;
    if (m_mode == Mode::Editing)
        m_store->setDraft(m_conversation, m_savedText, m_savedCursor);
    else
        m_store->setDraft(m_conversation, toPlainText(), textCursor().position());
}

void Composer::showText(const QString &text, int cursorAt)
{
    setPlainText(text);
    QTextCursor cursor = textCursor();
    cursor.setPosition(qBound(0, cursorAt, int(text.size())));
    setTextCursor(cursor);
}

void Composer::setConversation(ConversationId id)
{
    if (id == m_conversation)
        return;
    cancel(); // a reply or an edit belongs to the conversation it was started in
    keepDraft();
    DraftStore *store = draftStore();
    store->flush(); // a switch is a natural moment to write: nothing waits on it
    m_conversation = id;
    const DraftStore::Draft draft = store->draft(id);
    showText(draft.text, draft.cursor);
    m_keep.stop(); // shown, not typed
}

QString Composer::draft(ConversationId id) const
{
    if (id != m_conversation)
        return draftStore()->draft(id).text;
    return m_mode == Mode::Editing ? m_savedText : toPlainText();
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

void Composer::setMembers(const QList<Participant> &members, UserId me)
{
    m_members = members;
    m_completer->setMembers(members, me);
}

QString Composer::memberName(UserId user) const
{
    for (const Participant &p : m_members) {
        if (p.userId == user)
            return p.displayName.isEmpty() ? p.username : p.displayName;
    }
    return tr("Someone");
}

QList<UserId> Composer::mentions() const
{
    return m_completer->mentionsIn(toPlainText());
}

void Composer::setMode(Mode mode, const Message &target)
{
    m_target = target;
    if (m_mode == mode && mode == Mode::Writing)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void Composer::startReply(const Message &message)
{
    if (message.conversationId != m_conversation || message.id.isNull())
        return;
    if (m_mode == Mode::Editing)
        cancel();
    setMode(Mode::Replying, message);
    setFocus(Qt::OtherFocusReason);
}

void Composer::startEdit(const Message &message)
{
    if (message.conversationId != m_conversation || message.type != MessageType::Text
        || message.isDeleted())
        return;
    if (m_mode != Mode::Editing) {
        m_keep.stop();
        m_savedText = toPlainText();
        m_savedCursor = textCursor().position();
    }
    setMode(Mode::Editing, message);
    showText(message.content, int(message.content.size()));
    setFocus(Qt::OtherFocusReason);
}

void Composer::cancel()
{
    if (m_mode == Mode::Writing)
        return;
    const bool editing = m_mode == Mode::Editing;
    setMode(Mode::Writing, {});
    if (editing) {
        showText(std::exchange(m_savedText, {}), m_savedCursor);
        m_keep.stop();
    }
}

void Composer::submit()
{
    const QString text = toPlainText();
    if (m_mode == Mode::Editing) {
        if (text.trimmed().isEmpty()) {
            Q_EMIT refused(tr("An edited message cannot be empty. To take it back, delete it."));
            return;
        }
        if (QString reason; !checkLength(&reason)) {
            Q_EMIT refused(reason);
            return;
        }
        // The box stays in edit mode with the text until the server stored it (finishEdit()),
        // so nothing is lost if it refuses.
        Q_EMIT editRequested(m_target, text);
        return;
    }
    if (text.trimmed().isEmpty() && !m_sendsWithoutText)
        return;
    // Nothing typed is discarded: text that cannot go stays, and the reason is shown.
    if (QString reason; !checkLength(&reason)) {
        Q_EMIT refused(reason);
        return;
    }
    Q_EMIT sendRequested(text.trimmed().isEmpty() ? QString() : text);
    clear();
    setMode(Mode::Writing, {});
    m_keep.stop();
    draftStore()->remove(m_conversation); // sent: no draft left behind, even after a crash
}

bool Composer::event(QEvent *event)
{
    // Keys the window would take as shortcuts (Esc) or for moving the focus (Tab) belong to
    // the box while the member list shows or a reply or edit is under way.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && (m_completer->isActive() || m_mode != Mode::Writing)) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress
        && m_completer->handleKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_mode != Mode::Writing) {
        event->accept();
        cancel();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier
        && m_mode != Mode::Editing && document()->isEmpty()) {
        Q_EMIT lastMessageWanted();
        if (m_mode == Mode::Editing) {
            event->accept();
            return;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        submit();
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
