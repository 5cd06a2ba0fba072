// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/domain/messagecontent.h>
#include <banter/protocol/jsonreader_p.h>

#include <QSet>

#include <cmath>

namespace Banter::Protocol {

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

bool JsonReader::has(QLatin1String key) const
{
    return m_object.contains(key) && !m_object.value(key).isNull();
}

QString JsonReader::field(QLatin1String key) const
{
    return m_context.isEmpty() ? QString(key) : m_context + u'.' + key;
}

void JsonReader::fail(ErrorCode code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, message);
}

void JsonReader::fail(const Error &error)
{
    if (!m_error)
        m_error = error;
}

QJsonValue JsonReader::take(QLatin1String key, Presence presence, bool *present)
{
    QJsonValue value = m_object.value(key);
    *present = !(value.isUndefined() || value.isNull());
    if (!*present && presence == Required)
        fail(ErrorCode::BadRequest, QStringLiteral("missing field '%1'").arg(field(key)));
    return value;
}

QString JsonReader::string(QLatin1String key, int maxChars, Presence presence)
{
    bool present = false;
    const QJsonValue value = take(key, presence, &present);
    if (!present)
        return {};
    if (!value.isString()) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be a string").arg(field(key)));
        return {};
    }
    QString text = value.toString();
    if (!MessageContent::isWellFormedText(text)) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("'%1' contains invalid characters").arg(field(key)));
        return {};
    }
    if (MessageContent::characterCount(text) > maxChars) {
        fail(ErrorCode::TooLarge,
             QStringLiteral("'%1' is longer than %2 characters").arg(field(key)).arg(maxChars));
        return {};
    }
    return text;
}

qint64 JsonReader::integer(QLatin1String key, qint64 min, qint64 max, Presence presence,
                           qint64 fallback)
{
    bool present = false;
    const QJsonValue value = take(key, presence, &present);
    if (!present)
        return fallback;
    const double d = value.toDouble();
    if (!value.isDouble() || std::floor(d) != d || d < double(min) || d > double(max)) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("'%1' must be an integer from %2 to %3")
                 .arg(field(key))
                 .arg(min)
                 .arg(max));
        return fallback;
    }
    return qint64(d);
}

qint64 JsonReader::id(QLatin1String key, Presence presence)
{
    return integer(key, 1, MaxJsonSafeInteger, presence, 0);
}

bool JsonReader::boolean(QLatin1String key, Presence presence, bool fallback)
{
    bool present = false;
    const QJsonValue value = take(key, presence, &present);
    if (!present)
        return fallback;
    if (!value.isBool()) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be true or false").arg(field(key)));
        return fallback;
    }
    return value.toBool();
}

QUuid JsonReader::uuid(QLatin1String key, Presence presence)
{
    const bool present = has(key);
    const QString text = string(key, 38, presence);
    if (!present || !ok())
        return {};
    const QUuid id = QUuid::fromString(text);
    if (id.isNull()) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be a UUID").arg(field(key)));
        return {};
    }
    return id;
}

QList<qint64> JsonReader::idList(QLatin1String key, int maxCount, Presence presence)
{
    const QJsonArray items = array(key, maxCount, presence);
    QList<qint64> ids;
    ids.reserve(items.size());
    QSet<qint64> seen; // order kept, duplicates dropped in linear time
    seen.reserve(items.size());
    for (const auto &item : items) {
        const double d = item.toDouble();
        if (!item.isDouble() || std::floor(d) != d || d < 1 || d > double(MaxJsonSafeInteger)) {
            fail(ErrorCode::BadRequest,
                 QStringLiteral("'%1' must be a list of positive integer ids").arg(field(key)));
            return {};
        }
        if (!seen.contains(qint64(d))) {
            seen.insert(qint64(d));
            ids.append(qint64(d));
        }
    }
    return ids;
}

QJsonObject JsonReader::object(QLatin1String key, Presence presence)
{
    bool present = false;
    const QJsonValue value = take(key, presence, &present);
    if (!present)
        return {};
    if (!value.isObject()) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be an object").arg(field(key)));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(QLatin1String key, int maxCount, Presence presence)
{
    bool present = false;
    const QJsonValue value = take(key, presence, &present);
    if (!present)
        return {};
    if (!value.isArray()) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be an array").arg(field(key)));
        return {};
    }
    QJsonArray items = value.toArray();
    if (items.size() > maxCount) {
        fail(ErrorCode::TooLarge,
             QStringLiteral("'%1' has more than %2 entries").arg(field(key)).arg(maxCount));
        return {};
    }
    return items;
}

QByteArray JsonReader::base64(QLatin1String key, int maxBytes, Presence presence)
{
    const QString text = string(key, (maxBytes / 3 + 1) * 4, presence);
    if (text.isEmpty())
        return {};
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        fail(ErrorCode::BadRequest, QStringLiteral("'%1' must be base64").arg(field(key)));
        return {};
    }
    if (decoded.decoded.size() > maxBytes) {
        fail(ErrorCode::TooLarge, QStringLiteral("'%1' is too large").arg(field(key)));
        return {};
    }
    return decoded.decoded;
}

bool withinDepth(const QJsonValue &value, int maxDepth)
{
    if (value.isObject() || value.isArray()) {
        if (maxDepth <= 0)
            return false;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!withinDepth(it.value(), maxDepth - 1))
                    return false;
            }
        } else {
            const QJsonArray array = value.toArray();
            for (const auto &item : array) {
                if (!withinDepth(item, maxDepth - 1))
                    return false;
            }
        }
    }
    return true;
}

} // namespace Banter::Protocol
