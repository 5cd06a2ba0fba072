// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagecontent.h>
#include <banter/domain/user.h>

#include <QStringDecoder>
#include <QTextBoundaryFinder>

#include <algorithm>

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

bool isDisguisingCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x061C || u == 0x200E || u == 0x200F
        || u == 0x2028 || u == 0x2029 || (u >= 0x202A && u <= 0x202E)
        || (u >= 0x2066 && u <= 0x2069);
}

bool isSafeName(const QString &name)
{
    return std::none_of(name.cbegin(), name.cend(), isDisguisingCharacter);
}

QString neutralisedName(const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        if (isDisguisingCharacter(c))
            c = QChar::ReplacementCharacter;
    }
    return safe;
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

Status validateEmoji(const QString &emoji)
{
    if (emoji.isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("emoji must not be empty"));
    if (emoji.toUtf8().size() > MaxEmojiBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("emoji is longer than %1 bytes").arg(MaxEmojiBytes));
    if (!isWellFormedText(emoji))
        return makeError(ErrorCode::BadRequest, QStringLiteral("emoji is not valid text"));
    for (qsizetype i = 0; i < emoji.size(); ++i) {
        const char32_t c = emoji.at(i).isHighSurrogate() && i + 1 < emoji.size()
            ? QChar::surrogateToUcs4(emoji.at(i), emoji.at(i + 1))
            : char32_t(emoji.at(i).unicode());
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || QChar::isSpace(c)
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("emoji must not contain control or space characters"));
    }
    // One grapheme cluster: the first boundary after the start is the end of the string.
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, emoji);
    if (finder.toNextBoundary() != emoji.size())
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("a reaction is a single emoji (one grapheme cluster)"));
    return success();
}

Status validateEditText(const QString &text)
{
    Message edited;
    edited.id = QUuid::createUuid();
    edited.content = text;
    return validateForSend(edited);
}

QStringList mentionedUsernames(const QString &text)
{
    QStringList names;
    const auto isNameChar = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'.' || c == u'_' || c == u'-';
    };
    for (qsizetype at = text.indexOf(u'@'); at >= 0 && names.size() < MaxMentions;
         at = text.indexOf(u'@', at + 1)) {
        // "a@b" is an address, not a mention.
        if (at > 0 && isNameChar(text.at(at - 1)))
            continue;
        qsizetype end = at + 1;
        while (end < text.size() && isNameChar(text.at(end)))
            ++end;
        QString name = text.mid(at + 1, end - at - 1).toLower();
        // A sentence may end right after a name: "thanks @bob."
        while (name.endsWith(u'.') || name.endsWith(u'-'))
            name.chop(1);
        if (UserRules::validateUsername(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace Banter::MessageContent
