// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/errorcode.h>

#include <QString>

#include <utility>
#include <variant>

namespace Banter {

/// Why the client library itself gave up on something (defined in
/// <banter/client/clientfailure.h>; declared here so that Error can carry it).
enum class ClientFailure : int;

/// An expected failure, carried as a value: a stable code plus a human message.
struct Error
{
    ErrorCode code = ErrorCode::Internal; ///< what went wrong, for code to switch on
    QString message; ///< English developer text; applications word errors from the code
    qint64 retryAfterMs = 0; ///< when to try again: ErrorCode::RateLimited, and
                             ///< ErrorCode::Unavailable from a stopping server
    /// Set (not ClientFailure::None) when the client library detected the failure itself:
    /// what an application words for its users.
    ClientFailure failure{};

    friend bool operator==(const Error &, const Error &) = default;
};

/// An Error with that code, message and (for ErrorCode::RateLimited) retry delay.
inline Error makeError(ErrorCode code, QString message, qint64 retryAfterMs = 0)
{
    return Error{code, std::move(message), retryAfterMs};
}

/// A value of type T or an Error: the result of an operation that can fail in an expected
/// way. std::expected is C++23; this is the small subset Banter needs, on C++20.
///
/// Check it before use: value(), `*` and `->` on a failed result (and error() on a
/// successful one) throw std::bad_variant_access.
/// \code
/// Result<User> user = findUser(id);
/// if (!user)
///     return user.error();
/// use(user->displayName);
/// \endcode
// The implicit move assignment may throw exactly when T's may, as std::variant's does.
template<typename T>
class Result // NOLINT(bugprone-exception-escape)
{
public:
    /// A successful result holding \a value.
    Result(T value)
        : m_value(std::move(value))
    { }
    /// A failed result holding \a error.
    Result(Error error)
        : m_value(std::move(error))
    { }

    /// True when the result holds a value.
    bool ok() const { return std::holds_alternative<T>(m_value); }
    /// Same as ok().
    explicit operator bool() const { return ok(); }

    /// The value; the result must be ok().
    const T &value() const & { return std::get<T>(m_value); }
    /// \overload
    T &value() & { return std::get<T>(m_value); }
    /// The value, moved out of a temporary result; the result must be ok().
    T &&value() && { return std::get<T>(std::move(m_value)); }
    /// Member access to the value; the result must be ok().
    const T *operator->() const { return &value(); }
    /// \overload
    T *operator->() { return &value(); }
    /// The value; the result must be ok().
    const T &operator*() const & { return value(); }
    /// \overload
    T &operator*() & { return value(); }

    /// The error; the result must not be ok().
    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

/// The value of a successful Status: nothing but success.
struct Done
{
    friend bool operator==(Done, Done) = default;
};
/// Result of an operation that yields nothing but success or an error.
using Status = Result<Done>;

/// A successful Status.
inline Status success()
{
    return Done{};
}

} // namespace Banter
