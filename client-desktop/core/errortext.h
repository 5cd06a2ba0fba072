// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/clientfailure.h>
#include <banter/domain/result.h>

#include <QCoreApplication>
#include <QString>

namespace Banter::Desktop {

// The user's words for failures BanterShared detects itself (Error::failure): the library
// returns reasons, the application words them in the user's language.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Banter::Desktop::ErrorText)
public:
    // The sentence for `failure`; `subject` names the file (or server) it concerns, shown
    // where the sentence has a place for it. Empty for ClientFailure::None.
    static QString forFailure(ClientFailure failure, const QString &subject = {});
    // The sentence for any error: the reason's wording when the library set one, otherwise
    // the error's own message (the server's text).
    static QString describe(const Error &error, const QString &subject = {});
};

} // namespace Banter::Desktop
