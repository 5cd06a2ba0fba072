// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Links a stranger can hand a user: the banter:// invitation parser (InvitationLink), and what
// a server address becomes, a URL strictly parsed and the key its certificate pin is stored
// under. A link the parser accepts prints as a link that reads back the same.

#include "fuzzcheck.h"
#include <banter/client/certificatepin.h>
#include <banter/client/invitationlink.h>

#include <QUrl>

using namespace Banter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    if (const Result<InvitationLink> link = InvitationLink::parse(text)) {
        const Result<InvitationLink> again = InvitationLink::parse(link->toString());
        Fuzz::check(again && *again == *link, "an invitation link printed reads back the same");
        Fuzz::check(link->fingerprint.isEmpty() || link->fingerprint.size() == 32,
                    "a fingerprint is a SHA-256");
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return 0;
    // Printed fully encoded: the default, "pretty" form decodes %20 in a user name to a space,
    // which a strict parse then refuses (found by this target: banter://a%20b@8).
    const QString key = CertificatePin::serverKey(url);
    Fuzz::check(
        key == CertificatePin::serverKey(QUrl(url.toString(QUrl::FullyEncoded), QUrl::StrictMode)),
        "a link printed and read again pins the same server");
    return 0;
}
