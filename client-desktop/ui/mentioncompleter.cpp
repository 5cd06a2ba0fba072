// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mentioncompleter.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

namespace Banter::Desktop {

namespace {
bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-';
}

QString labelOf(const Participant &p)
{
    if (p.displayName.isEmpty() || p.displayName == p.username)
        return u'@' + p.username;
    return p.displayName + QStringLiteral("  @") + p.username;
}
} // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_popup(new QListWidget(editor))
{
    m_popup->setObjectName(QStringLiteral("mentionPopup"));
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setVisible(false);
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
    connect(m_popup, &QListWidget::itemClicked, this, [this] { complete(); });
}

void MentionCompleter::setMembers(const QList<Participant> &members, UserId me)
{
    m_members = members;
    m_me = me;
    update();
}

QList<Participant> MentionCompleter::matches(const QList<Participant> &members,
                                             const QString &prefix, UserId me)
{
    QList<Participant> byUsername;
    QList<Participant> byName;
    for (const Participant &p : members) {
        if (p.userId == me || p.username.isEmpty())
            continue;
        if (p.username.startsWith(prefix, Qt::CaseInsensitive))
            byUsername.append(p);
        else if (p.displayName.startsWith(prefix, Qt::CaseInsensitive))
            byName.append(p);
    }
    const auto byUser = [](const Participant &a, const Participant &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    };
    std::sort(byUsername.begin(), byUsername.end(), byUser);
    std::sort(byName.begin(), byName.end(), byUser);
    return (byUsername + byName).mid(0, MaxShown);
}

QList<UserId> MentionCompleter::mentionsIn(const QString &text) const
{
    QList<UserId> ids;
    for (const Participant &p : m_members) {
        if (p.userId == m_me || p.username.isEmpty())
            continue;
        const QString token = u'@' + p.username;
        for (qsizetype at = text.indexOf(token, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(token, at + 1, Qt::CaseInsensitive)) {
            const qsizetype end = at + token.size();
            const bool startsWord = at == 0 || !isNameCharacter(text.at(at - 1));
            const bool endsWord = end == text.size() || !isNameCharacter(text.at(end));
            if (startsWord && endsWord) {
                ids.append(p.userId);
                break;
            }
        }
    }
    return ids;
}

bool MentionCompleter::isActive() const
{
    return m_popup->isVisible();
}

void MentionCompleter::close()
{
    m_popup->hide();
}

// Whether the text just before the cursor is "@" and the start of a name, and if so which
// members it may be.
void MentionCompleter::update()
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString block = cursor.block().text();
    const int inBlock = cursor.positionInBlock();
    int at = inBlock - 1;
    while (at >= 0 && inBlock - at <= MaxPrefix && isNameCharacter(block.at(at)))
        --at;
    const bool typing = !cursor.hasSelection() && at >= 0 && block.at(at) == u'@'
        && (at == 0 || block.at(at - 1).isSpace());
    const int start = typing ? cursor.block().position() + at : -1;
    if (start != m_start)
        m_dismissed = false;
    m_start = start;
    if (!typing || m_dismissed || m_members.isEmpty()) {
        close();
        return;
    }
    const QString prefix = block.mid(at + 1, inBlock - at - 1);
    const QList<Participant> found = matches(m_members, prefix, m_me);
    if (found.isEmpty()) {
        close();
        return;
    }
    m_popup->clear();
    for (const Participant &p : found) {
        auto *item = new QListWidgetItem(labelOf(p), m_popup);
        item->setData(Qt::UserRole, p.username);
    }
    m_popup->setCurrentRow(0);
    place();
    m_popup->show();
    m_popup->raise();
}

// Just above the cursor, as wide as the longest name, inside the window.
void MentionCompleter::place()
{
    QWidget *window = m_editor->window();
    if (m_popup->parentWidget() != window)
        m_popup->setParent(window);
    const int rows = m_popup->count();
    const int height = rows * m_popup->sizeHintForRow(0) + 2 * m_popup->frameWidth() + 2;
    const int width = qMin(window->width(),
                           qMax(200,
                                m_popup->sizeHintForColumn(0) + 2 * m_popup->frameWidth()
                                    + m_popup->verticalScrollBar()->sizeHint().width()));
    const QPoint cursorTop = m_editor->viewport()->mapTo(window, m_editor->cursorRect().topLeft());
    const int x = qBound(0, cursorTop.x(), qMax(0, window->width() - width));
    const int y = qMax(0, cursorTop.y() - height - 2);
    m_popup->setGeometry(x, y, width, height);
}

bool MentionCompleter::handleKey(QKeyEvent *event)
{
    if (!isActive())
        return false;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int step = event->key() == Qt::Key_Up ? -1 : 1;
        const int rows = m_popup->count();
        m_popup->setCurrentRow((m_popup->currentRow() + step + rows) % rows);
        return true;
    }
    case Qt::Key_Tab:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        complete();
        return true;
    case Qt::Key_Escape:
        m_dismissed = true;
        close();
        return true;
    default:
        return false;
    }
}

void MentionCompleter::complete()
{
    const QListWidgetItem *item = m_popup->currentItem();
    if (!item || m_start < 0)
        return;
    const QString username = item->data(Qt::UserRole).toString();
    QTextCursor cursor = m_editor->textCursor();
    const int end = cursor.position();
    cursor.setPosition(m_start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    close();
    cursor.insertText(u'@' + username + u' ');
    m_editor->setTextCursor(cursor);
}

} // namespace Banter::Desktop
