// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/clientfailure.h>
#include <banter/domain/result.h>

#include <QCoreApplication>
#include <QString>

namespace Banter::Desktop {

// The user's words for failures: those BanterShared detects itself (Error::failure) and
// those the server reports (Error::code). The library returns reasons, the application words
// them in the user's language.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Banter::Desktop::ErrorText)
public:
    // The sentence for `failure`; `subject` names the file (or server) it concerns, shown
    // where the sentence has a place for it. Empty for ClientFailure::None.
    static QString forFailure(ClientFailure failure, const QString &subject = {});
    // The sentence for an error the server sent, by its code (never the code itself, nor the
    // server's English developer text); a rate limit says when to try again.
    static QString forCode(const Error &error);
    // "Try again in 42 seconds." (or minutes, for longer waits); "Try again in a moment."
    // when the server gave no delay.
    static QString tryAgainIn(qint64 retryAfterMs);
    // The sentence for any error: the reason's wording when the library set one, otherwise
    // the wording of its code.
    static QString describe(const Error &error, const QString &subject = {});
};

} // namespace Banter::Desktop
