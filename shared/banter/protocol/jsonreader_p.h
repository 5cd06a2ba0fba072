// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace Banter::Protocol {

// Strict, type-checked field access for decoding. The first problem is kept as a
// bad_request (or too_large) Error naming the field; later reads return defaults, so a
// decoder reads every field and then asks finish() once.
class BANTERSHARED_EXPORT JsonReader
{
public:
    enum Presence { Required, Optional };

    explicit JsonReader(const QJsonObject &object, QString context = {});

    bool has(QLatin1String key) const;
    QString string(QLatin1String key, int maxChars, Presence presence = Required);
    // Positive integer id (1 .. 2^53-1).
    qint64 id(QLatin1String key, Presence presence = Required);
    qint64 integer(QLatin1String key, qint64 min, qint64 max, Presence presence = Required,
                   qint64 fallback = 0);
    bool boolean(QLatin1String key, Presence presence = Required, bool fallback = false);
    QUuid uuid(QLatin1String key, Presence presence = Required);
    QList<qint64> idList(QLatin1String key, int maxCount, Presence presence = Required);
    QJsonObject object(QLatin1String key, Presence presence = Required);
    QJsonArray array(QLatin1String key, int maxCount, Presence presence = Required);
    QByteArray base64(QLatin1String key, int maxBytes, Presence presence = Optional);

    // A nested object decoded by `decode` (Result<T>(const QJsonObject &)).
    template<typename T, typename Decode>
    T nested(QLatin1String key, Decode decode, Presence presence = Required)
    {
        const QJsonObject value = object(key, presence);
        if (!ok() || !has(key))
            return T{};
        Result<T> decoded = decode(value);
        if (!decoded) {
            fail(decoded.error());
            return T{};
        }
        return std::move(decoded).value();
    }

    void fail(ErrorCode code, const QString &message);
    // Propagates an error from a nested decoder.
    void fail(const Error &error);
    bool ok() const { return !m_error.has_value(); }
    const std::optional<Error> &error() const { return m_error; }

    template<typename T>
    Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    QJsonValue take(QLatin1String key, Presence presence, bool *present);
    QString field(QLatin1String key) const;

    QJsonObject m_object;
    QString m_context;
    std::optional<Error> m_error;
};

// True when no value is nested deeper than maxDepth objects/arrays.
BANTERSHARED_EXPORT bool withinDepth(const QJsonValue &value, int maxDepth);

} // namespace Banter::Protocol
