// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/appsettings.h"

#include <QColor>
#include <QPalette>

namespace Banter::Desktop {

// The system palette by default; Light and Dark switch to the Fusion style with a palette of
// their own, so both look the same on every desktop. Delegates derive every colour from the
// palette, never from fixed values, so whatever is applied here is followed everywhere.
void applyTheme(AppSettings::Theme theme);
QPalette lightPalette();
QPalette darkPalette();
// a blended with b: share 0 is a, 1 is b.
QColor mixColors(const QColor &a, const QColor &b, qreal share);

} // namespace Banter::Desktop
