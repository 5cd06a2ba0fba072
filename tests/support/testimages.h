// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

namespace Banter::Test {

// Something that looks like a photo: a sky, a sun, hills; compresses like one. For the
// desktop suites and the screenshot tool.
QImage landscape(int width, int height);

} // namespace Banter::Test
