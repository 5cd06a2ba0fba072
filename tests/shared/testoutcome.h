// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the data-driven suites expect of a validator or decoder: to accept its input, or to
// refuse it with one particular error code. Failures print the code's wire name and the
// error message, so a wrong row reads at a glance.

#include <banter/domain/errorcode.h>
#include <banter/domain/result.h>

#include <QMetaType>
#include <QString>
#include <QTest>

#include <optional>

namespace Banter {

// QCOMPARE prints ErrorCode values by their wire names (found by argument-dependent lookup).
inline char *toString(ErrorCode code)
{
    return QTest::toString(errorCodeName(code));
}

namespace Test {

using Outcome = std::optional<ErrorCode>; // nullopt: accepted
inline constexpr Outcome Accepted = std::nullopt;

constexpr Outcome fails(ErrorCode code)
{
    return code;
}

template<typename T>
Outcome outcomeOf(const Result<T> &result)
{
    return result ? Accepted : Outcome(result.error().code);
}

inline QString describe(Outcome outcome)
{
    return outcome ? QStringLiteral("rejected with ") + errorCodeName(*outcome)
                   : QStringLiteral("accepted");
}

template<typename T>
QString describe(const Result<T> &result)
{
    if (result)
        return describe(Accepted);
    return describe(outcomeOf(result)) + QStringLiteral(" (\"") + result.error().message
        + QStringLiteral("\")");
}

template<typename T>
QByteArray mismatch(const Result<T> &result, Outcome expected)
{
    return (describe(result) + QStringLiteral(", expected ") + describe(expected)).toUtf8();
}

} // namespace Test
} // namespace Banter

Q_DECLARE_METATYPE(Banter::Test::Outcome)
Q_DECLARE_METATYPE(Banter::ErrorCode)

// Checks that `result` (a Result<T>) matches `expected` (an Outcome); a refusal must also
// explain itself with a message.
#define BANTER_COMPARE_OUTCOME(result, expected) \
    do { \
        const auto &outcomeResult_ = (result); \
        const Banter::Test::Outcome outcomeExpected_ = (expected); \
        QVERIFY2(Banter::Test::outcomeOf(outcomeResult_) == outcomeExpected_, \
                 Banter::Test::mismatch(outcomeResult_, outcomeExpected_).constData()); \
        if (!outcomeResult_) \
            QVERIFY(!outcomeResult_.error().message.isEmpty()); \
    } while (false)
