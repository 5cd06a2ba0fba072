// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QString>

class QPainter;
class QRect;

namespace Banter::Desktop {

// The round avatar every list and header draws for a person or a conversation: the person's
// picture when they have one (AvatarBook), else initials, so that a name looks the same
// (letters and colour) wherever it appears.
namespace Avatar {

// The first letters of the first two words that begin with a letter ("Bob Martin" → "BM",
// "Peer 01" → "P", "@bob" → "?"), upper-cased; a name written in Chinese, Japanese or Korean
// shows its first character only ("张伟" → "张"). "?" when no word begins with a letter.
QString initials(const QString &name);
// A stable colour per name, so a person keeps their colour.
QColor color(const QString &name);
// Draws the avatar of `name` filling `rect`: `picture` cut to a circle, or without one a
// circle with white initials in the painter's font.
void paint(QPainter *painter, const QRect &rect, const QString &name,
           const QImage &picture = QImage());
// The avatar of `name` as a `size`×`size` image, transparent outside the circle (for the
// account badge and the desktop notifications' image-data).
QImage render(const QString &name, int size, const QImage &picture = QImage());

} // namespace Avatar
} // namespace Banter::Desktop
