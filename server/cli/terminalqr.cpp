// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminalqr.h"

#include <qrencode.h>

#include <memory>

namespace Banter::Server {

namespace {
constexpr int QuietZone = 2; // modules of light border; 4 is the standard, 2 scans fine on screens

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QString terminalQrCode(const QByteArray &text)
{
    const std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M));
    if (!code)
        return {};
    const int width = code->width;
    // Bit 0 of each module byte is "dark". Outside the symbol is the light quiet zone.
    const auto dark = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= width)
            return false;
        return (code->data[y * width + x] & 1) != 0;
    };
    // A terminal shows light text on a dark background as often as the reverse; drawing the
    // light modules as blocks keeps the code readable on dark terminals, where most scanners
    // also read inverted codes. Draw light as blocks, dark as spaces.
    QString out;
    for (int y = -QuietZone; y < width + QuietZone; y += 2) {
        for (int x = -QuietZone; x < width + QuietZone; ++x) {
            const bool top = !dark(x, y);
            const bool bottom = !dark(x, y + 1);
            out += top && bottom ? u'█' : top ? u'▀' : bottom ? u'▄' : u' ';
        }
        out += u'\n';
    }
    return out;
}

} // namespace Banter::Server
