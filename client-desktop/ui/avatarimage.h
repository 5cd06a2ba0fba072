// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QString>

namespace Banter::Desktop {

// A person's picture while there is no uploaded one: their initials on a circle of a colour
// that stays theirs. Used by the account badge and the desktop notifications.
namespace AvatarImage {
// The first letters of the first two words that begin with a letter ("Bob Martin" → "BM",
// "Peer 01" → "P"); a CJK name shows its first character; "?" when nothing fits.
QString initials(const QString &name);
// A stable colour per name.
QColor color(const QString &name);
// `size`×`size` pixels, transparent outside the circle.
QImage render(const QString &name, int size);
} // namespace AvatarImage

} // namespace Banter::Desktop
