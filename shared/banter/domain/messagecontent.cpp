// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagecontent.h>

#include <QStringDecoder>

namespace Banter::MessageContent {

int characterCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isWellFormedText(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isNull())
            return false;
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

Result<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return makeError(ErrorCode::BadRequest, QStringLiteral("text is not valid UTF-8"));
    return text;
}

Status validateAttachment(MessageType type, const Attachment &attachment)
{
    if (attachment.fileId.isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("attachment.file_id is required"));
    if (attachment.name.trimmed().isEmpty() || characterCount(attachment.name) > MaxFileNameLength
        || !isWellFormedText(attachment.name))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("attachment.name must be 1 to %1 valid characters")
                             .arg(MaxFileNameLength));
    if (attachment.size <= 0)
        return makeError(ErrorCode::BadRequest, QStringLiteral("attachment.size must be positive"));
    if (attachment.thumbnail.size() > MaxThumbnailBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("attachment.thumbnail is too large"));
    if (type == MessageType::Image && (attachment.width <= 0 || attachment.height <= 0))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("image attachments need a positive width and height"));
    return success();
}

Status validateForSend(const Message &message)
{
    if (message.id.isNull())
        return makeError(ErrorCode::BadRequest, QStringLiteral("message id must be a UUID"));
    if (!isWellFormedText(message.content))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("content contains invalid characters (NUL or broken "
                                        "surrogates)"));
    if (characterCount(message.content) > MaxTextLength)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("content is longer than %1 characters").arg(MaxTextLength));
    switch (message.type) {
    case MessageType::Text:
        if (message.content.trimmed().isEmpty())
            return makeError(ErrorCode::BadRequest, QStringLiteral("content must not be empty"));
        if (!message.attachment.isNull())
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("text messages cannot carry an attachment"));
        return success();
    case MessageType::Image:
    case MessageType::File:
        return validateAttachment(message.type, message.attachment);
    case MessageType::System:
        break;
    }
    return makeError(ErrorCode::BadRequest, QStringLiteral("system messages are server-made"));
}

} // namespace Banter::MessageContent
