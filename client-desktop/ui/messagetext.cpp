// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagetext.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRegularExpression>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace Banter::Desktop {

namespace {
// QTextLayout breaks lines only at this character; it keeps the text's length, so offsets
// into the original text stay valid.
QString forLayout(const QString &text)
{
    QString shown = text;
    shown.replace(u'\n', QChar::LineSeparator);
    return shown;
}
} // namespace

QList<MessageText::Link> MessageText::links(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<![\w@])(?:https?://|mailto:|banter://conversation/)[^\s<>"]+)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QList<Link> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString candidate = match.captured();
        // "See https://example.org." ends the sentence, not the address; a closing
        // parenthesis belongs to it only when it opened one.
        while (!candidate.isEmpty()) {
            const QChar last = candidate.back();
            if (QStringLiteral(".,;:!?'").contains(last)
                || (last == u')' && candidate.count(u'(') < candidate.count(u')')))
                candidate.chop(1);
            else
                break;
        }
        const QUrl url(candidate, QUrl::StrictMode);
        if (!url.isValid() || !(isAllowed(url) || messageTarget(url))
            || (url.scheme() != u"mailto" && url.host().isEmpty()))
            continue;
        found.append({int(match.capturedStart()), int(candidate.size()), url});
    }
    return found;
}

QUrl MessageText::messageLink(qint64 conversation, qint64 seq)
{
    QUrl url;
    url.setScheme(QStringLiteral("banter"));
    url.setHost(QStringLiteral("conversation"));
    url.setPath(u'/' + QString::number(conversation) + u'/' + QString::number(seq));
    return url;
}

std::optional<MessageText::MessageTarget> MessageText::messageTarget(const QUrl &url)
{
    if (!url.isValid() || url.scheme().compare(u"banter", Qt::CaseInsensitive) != 0
        || url.host() != u"conversation" || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty() || url.port() != -1)
        return std::nullopt;
    const QStringList parts = url.path().split(u'/');
    if (parts.size() != 3 || !parts.at(0).isEmpty())
        return std::nullopt;
    bool conversationOk = false;
    bool seqOk = false;
    // Digits only: toLongLong() would also take "+5" or " 5".
    auto digits = [](const QString &s) {
        return !s.isEmpty() && s.size() <= 18 && std::all_of(s.cbegin(), s.cend(), [](QChar c) {
            return c.isDigit() && c < u'\x80';
        });
    };
    if (!digits(parts.at(1)) || !digits(parts.at(2)))
        return std::nullopt;
    const qint64 conversation = parts.at(1).toLongLong(&conversationOk);
    const qint64 seq = parts.at(2).toLongLong(&seqOk);
    if (!conversationOk || !seqOk || conversation <= 0 || seq <= 0)
        return std::nullopt;
    return MessageTarget{conversation, seq};
}

bool MessageText::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https" || scheme == u"mailto");
}

qreal MessageText::lay(QTextLayout &layout, int width, qreal *height)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const int lineHeight = QFontMetrics(layout.font()).height();
    qreal widest = 0;
    int lines = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, qreal(lines) * lineHeight));
        widest = qMax(widest, line.naturalTextWidth());
        ++lines;
    }
    layout.endLayout();
    *height = qreal(qMax(1, lines)) * lineHeight;
    return widest;
}

QSize MessageText::measure(const QString &text, const QFont &font, int width,
                           const QList<QTextLayout::FormatRange> &formats)
{
    QTextLayout layout(forLayout(text), font);
    layout.setFormats(formats);
    qreal height = 0;
    const qreal widest = lay(layout, width, &height);
    return {qMin(width, int(std::ceil(widest))), int(height)};
}

void MessageText::draw(QPainter *painter, const QRect &rect, const QString &text, const QFont &font,
                       const QList<QTextLayout::FormatRange> &formats)
{
    QTextLayout layout(forLayout(text), font);
    layout.setFormats(formats);
    qreal height = 0;
    lay(layout, rect.width(), &height);
    layout.draw(painter, rect.topLeft());
}

QUrl MessageText::linkAt(const QString &text, const QFont &font, int width,
                         const QList<QTextLayout::FormatRange> &formats, QPointF pos)
{
    const QList<Link> found = links(text);
    if (found.isEmpty())
        return {};
    QTextLayout layout(forLayout(text), font);
    layout.setFormats(formats);
    qreal height = 0;
    lay(layout, width, &height);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (pos.y() < line.y() || pos.y() >= line.y() + line.height())
            continue;
        if (pos.x() < 0 || pos.x() > line.naturalTextWidth())
            return {};
        const int at = line.xToCursor(pos.x(), QTextLine::CursorOnCharacter);
        for (const Link &link : found) {
            if (at >= link.start && at < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

QPointF MessageText::positionOf(const QString &text, const QFont &font, int width,
                                const QList<QTextLayout::FormatRange> &formats, int at)
{
    QTextLayout layout(forLayout(text), font);
    layout.setFormats(formats);
    qreal height = 0;
    lay(layout, width, &height);
    const QTextLine line = layout.lineForTextPosition(at);
    if (!line.isValid())
        return {};
    return {line.cursorToX(at), line.y() + line.height() / 2};
}

} // namespace Banter::Desktop
