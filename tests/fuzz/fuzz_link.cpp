// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Links a stranger can hand a user. The banter:// invitation parser arrives with issue 14;
// until then this target fuzzes what a server link becomes today: a URL, strictly parsed, and
// the key the certificate pin is stored under. When the link parser lands, call it here
// (the seeds in corpus/link/ are already invitation links).

#include "fuzzcheck.h"
#include <banter/client/certificatepin.h>

#include <QUrl>

using namespace Banter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return 0;
    const QString key = CertificatePin::serverKey(url);
    Fuzz::check(key == CertificatePin::serverKey(QUrl(url.toString(), QUrl::StrictMode)),
                "a link printed and read again pins the same server");
    return 0;
}
