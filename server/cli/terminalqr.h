// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Banter::Server {

// `text` as a QR code drawn with Unicode half blocks (two modules per character cell, dark
// on light, with the quiet zone scanners need), one line per two rows; empty if the text is
// too long for a QR code.
QString terminalQrCode(const QByteArray &text);

} // namespace Banter::Server
