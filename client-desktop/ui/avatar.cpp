// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/avatar.h"

#include <QChar>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QRect>

namespace Banter::Desktop::Avatar {

namespace {
// Scripts whose names are not made of words that initials could be taken from.
bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}
} // namespace

QString initials(const QString &name)
{
    QString result;
    int letters = 0;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        // Code points, not UTF-16 units: a letter outside the BMP is one letter.
        const QList<uint> points = word.toUcs4();
        const char32_t first = points.isEmpty() ? 0 : char32_t(points.first());
        if (!QChar::isLetter(first))
            continue;
        if (isCjk(first))
            return letters == 0 ? QString::fromUcs4(&first, 1) : result;
        result += QString::fromUcs4(&first, 1).toUpper();
        if (++letters == 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QColor color(const QString &name)
{
    return QColor::fromHsl(int(qHash(name) % 360), 140, 120);
}

void paint(QPainter *painter, const QRect &rect, const QString &name, const QImage &picture)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (!picture.isNull()) {
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        QPainterPath circle;
        circle.addEllipse(QRectF(rect));
        painter->setClipPath(circle, Qt::IntersectClip);
        painter->drawImage(rect, picture);
        painter->restore();
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(name));
    painter->drawEllipse(rect);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials(name));
    painter->restore();
}

QImage render(const QString &name, int size, const QImage &picture)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QFont font = painter.font();
    font.setPixelSize(qMax(6, size * 2 / 5));
    font.setBold(true);
    painter.setFont(font);
    paint(&painter, QRect(0, 0, size, size), name, picture);
    return image;
}

} // namespace Banter::Desktop::Avatar
