// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/avatarimage.h"

#include <QFont>
#include <QPainter>

namespace Banter::Desktop::AvatarImage {

namespace {
// Han, kana and hangul: a name in these scripts is shown by its first character alone.
bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0x20000 && c <= 0x2A6DF);
}
} // namespace

QString initials(const QString &name)
{
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString result;
    for (const QString &word : words) {
        const char32_t first = word.toUcs4().value(0);
        if (isCjk(first))
            return result.isEmpty() ? QString::fromUcs4(&first, 1) : result;
        if (!QChar::isLetter(first))
            continue;
        result += QString::fromUcs4(&first, 1).toUpper();
        if (result.size() >= 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QColor color(const QString &name)
{
    return QColor::fromHsl(int(qHash(name) % 360), 140, 120);
}

QImage render(const QString &name, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color(name));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = painter.font();
    font.setPixelSize(qMax(6, size * 2 / 5));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, initials(name));
    return image;
}

} // namespace Banter::Desktop::AvatarImage
