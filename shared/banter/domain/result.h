// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <banter/domain/errorcode.h>
#include <utility>
#include <variant>

namespace Banter {

// Why the client library itself gave up on something (defined in
// <banter/client/clientfailure.h>; declared here so that Error can carry it).
enum class ClientFailure : int;

// An expected failure, carried as a value: a stable code plus a human message.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    qint64 retryAfterMs = 0; // only for ErrorCode::RateLimited
    // Set (not ClientFailure::None) when the client library detected the failure itself:
    // what an application words for its users; `message` is English developer text.
    ClientFailure failure{};

    friend bool operator==(const Error &, const Error &) = default;
};

inline Error makeError(ErrorCode code, QString message, qint64 retryAfterMs = 0)
{
    return Error{code, std::move(message), retryAfterMs};
}

// std::expected is C++23; this is the small subset Banter needs, on C++20.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// Result of an operation that yields nothing but success or an error.
struct Done
{
    friend bool operator==(Done, Done) = default;
};
using Status = Result<Done>;

inline Status success()
{
    return Done{};
}

} // namespace Banter
