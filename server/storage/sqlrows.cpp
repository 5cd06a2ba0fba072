// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlrows.h"

#include <banter/protocol/domainjson.h>
#include <banter/protocol/systemevent.h>

#include <QJsonDocument>

namespace Banter::Server::SqlRows {

QList<qint64> ids(SqlCursor &q)
{
    QList<qint64> result;
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

User user(const SqlCursor &q, int first)
{
    User u;
    u.id = q.value(first).toLongLong();
    u.username = q.value(first + 1).toString();
    u.displayName = q.value(first + 2).toString();
    u.createdAtMs = q.value(first + 3).toLongLong();
    u.avatarVersion = q.value(first + 4).toLongLong();
    return u;
}

Message message(const SqlCursor &q, int first)
{
    Message m;
    m.id = QUuid::fromString(q.value(first).toString());
    m.conversationId = q.value(first + 1).toLongLong();
    m.seq = q.value(first + 2).toLongLong();
    m.senderId = q.value(first + 3).toLongLong();
    m.type = messageTypeFromName(q.value(first + 4).toString()).value_or(MessageType::Text);
    m.content = q.value(first + 5).toString();
    const QByteArray attachment = q.value(first + 6).toString().toUtf8();
    if (!attachment.isEmpty()) {
        // Written by this server from a validated Attachment, so it decodes.
        if (auto decoded =
                Protocol::attachmentFromJson(QJsonDocument::fromJson(attachment).object()))
            m.attachment = *decoded;
    }
    const QByteArray event = q.value(first + 7).toString().toUtf8();
    if (!event.isEmpty()) {
        // Written by this server from a SystemEvent, so it decodes.
        if (auto decoded = Protocol::systemEventFromJson(QJsonDocument::fromJson(event).object()))
            m.event = *decoded;
    }
    m.createdAtMs = q.value(first + 8).toLongLong();
    if (const QString replyTo = q.value(first + 9).toString(); !replyTo.isEmpty()) {
        m.replyTo = QUuid::fromString(replyTo);
        ReplyPreview preview;
        // The original is gone from the table only if its conversation went with it.
        preview.senderId = q.value(first + 14).toLongLong();
        preview.seq = q.value(first + 18).toLongLong();
        preview.type =
            messageTypeFromName(q.value(first + 15).toString()).value_or(MessageType::Text);
        preview.deleted = q.value(first + 17).toLongLong() > 0 || q.value(first + 14).isNull();
        if (!preview.deleted)
            preview.snippet = q.value(first + 16).toString();
        m.replyPreview = preview;
    }
    m.editedAtMs = q.value(first + 10).toLongLong();
    m.deletedAtMs = q.value(first + 11).toLongLong();
    const QString mentions = q.value(first + 12).toString();
    for (QStringView id : QStringView(mentions).split(u',', Qt::SkipEmptyParts))
        m.mentions.append(id.toLongLong());
    return m;
}

QVariant mentionsText(const QList<UserId> &mentions)
{
    if (mentions.isEmpty())
        return {};
    QStringList ids;
    for (UserId id : mentions)
        ids.append(QString::number(id));
    return ids.join(u',');
}

QString attachmentText(const Attachment &attachment)
{
    if (attachment.isNull())
        return {};
    return QString::fromUtf8(
        QJsonDocument(Protocol::toJson(attachment)).toJson(QJsonDocument::Compact));
}

QString eventText(const SystemEvent &event)
{
    return QString::fromUtf8(QJsonDocument(Protocol::toJson(event)).toJson(QJsonDocument::Compact));
}

QString likePrefixPattern(const QString &prefix)
{
    QString pattern = prefix.toLower();
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return pattern + u'%';
}

} // namespace Banter::Server::SqlRows
