// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>

#include <QString>

namespace Banter {

/**
 * @brief Why the client library itself gave up on something, for the application to word.
 *
 * The library never shows text to users: an Error it produces on its own carries one of
 * these in Error::failure (with an English developer message for logs), and the application
 * translates the reason into its users' language. Errors the server sent carry None.
 * The values are stable: append new ones, never renumber.
 */
enum class ClientFailure : int {
    None = 0, ///< not a local failure (the server's error, or no error)
    CertificateInvalid = 1, ///< the TLS certificate is broken, expired or for another host
    CertificateNotTrustedYet = 2, ///< self-signed, not pinned, and trust on first use is off
    CertificateChanged = 3, ///< self-signed and different from the pinned certificate
    FileUnreadable = 4, ///< an upload's local file cannot be read
    FileEmpty = 5, ///< an upload's local file is empty
    FileChangedWhileSending = 6, ///< an upload's local file changed while it was sent
    FileUnwritable = 7, ///< a download's target (or its .part file) cannot be written
    DownloadOutOfStep = 8, ///< a download kept receiving chunks it did not expect
    DownloadDamaged = 9, ///< a download's bytes do not match the file's hash
    TransferCertificateMismatch = 10, ///< the transfer connection met an unpinned certificate
};

/**
 * @brief An Error for a failure the client detected itself.
 * @param failure the reason an application words for its users
 * @param code the closest protocol error code (for callers that only switch on codes)
 * @param developerMessage English text for logs, never shown to users as is
 */
BANTERSHARED_EXPORT Error clientError(ClientFailure failure, ErrorCode code,
                                      QString developerMessage);

/// @brief The enumerator's name ("CertificateChanged"), for logs and tests.
BANTERSHARED_EXPORT QString clientFailureName(ClientFailure failure);

} // namespace Banter
