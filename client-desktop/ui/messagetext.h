// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QList>
#include <QString>
#include <QTextLayout>
#include <QUrl>

#include <optional>

class QPainter;

namespace Banter::Desktop {

// A bubble's text laid out the same way for measuring, painting and hit testing, with its
// links (http, https and mailto, and links to messages) and mentions marked. Lines are fm.height()
// apart, so a single line is exactly as tall as the font.
class MessageText
{
public:
    struct Link
    {
        int start = 0;
        int length = 0;
        QUrl url;
    };
    // The links in `text`: http://, https:// and mailto: addresses, without the punctuation
    // that ends a sentence after them, and links to messages (messageTarget()).
    static QList<Link> links(const QString &text);

    // A link to a message, as "Copy link to message" makes it:
    // banter://conversation/<conversation id>/<seq>, both positive integers.
    struct MessageTarget
    {
        qint64 conversation = 0;
        qint64 seq = 0;
    };
    static QUrl messageLink(qint64 conversation, qint64 seq);
    // The message `url` points to, if it is such a link; it opens inside Banter, never through
    // the desktop (a message must not start programs).
    static std::optional<MessageTarget> messageTarget(const QUrl &url);
    // Whether a link may be opened: only the schemes above (never file:, javascript:, or an
    // application's own scheme that a message could use to drive it).
    static bool isAllowed(const QUrl &url);

    // The size of `text` wrapped at `width`: the widest line and the lines' height.
    static QSize measure(const QString &text, const QFont &font, int width,
                         const QList<QTextLayout::FormatRange> &formats = {});
    // Paints `text` at `rect`'s top left, wrapped at its width, with `formats` applied.
    static void draw(QPainter *painter, const QRect &rect, const QString &text, const QFont &font,
                     const QList<QTextLayout::FormatRange> &formats);
    // The link under `pos` (relative to where the text is drawn), or an empty URL.
    static QUrl linkAt(const QString &text, const QFont &font, int width,
                       const QList<QTextLayout::FormatRange> &formats, QPointF pos);
    // Where the character `at` is drawn (relative to the text's top left).
    static QPointF positionOf(const QString &text, const QFont &font, int width,
                              const QList<QTextLayout::FormatRange> &formats, int at);

private:
    static qreal lay(QTextLayout &layout, int width, qreal *height);
};

} // namespace Banter::Desktop
