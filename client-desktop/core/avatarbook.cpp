// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/avatarbook.h"

#include <banter/client/clientsession.h>
#include <banter/domain/user.h>

#include <QBuffer>
#include <QPainter>

namespace Banter::Desktop {

AvatarBook::AvatarBook(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::authenticated, this,
            [this](const User &me) { note(me.id, me.avatarVersion); });
    connect(&session, &ClientSession::userUpdated, this,
            [this](const User &user) { note(user.id, user.avatarVersion); });
    connect(&session, &ClientSession::conversationsListed, this,
            [this](const QList<ConversationSummary> &summaries) {
                for (const ConversationSummary &s : summaries)
                    noteMembers(s.conversation);
            });
    connect(&session, &ClientSession::conversationUpdated, this, &AvatarBook::noteMembers);
    connect(&session, &ClientSession::avatarReceived, this, &AvatarBook::onAvatarReceived);
    note(session.currentUser().id, session.currentUser().avatarVersion);
}

QImage AvatarBook::picture(UserId user, qint64 known)
{
    if (user <= 0)
        return {};
    // Only for people this book has not heard of: its own sources (user_updated, the
    // conversation list) are newer than a view's copy, which may still show a removed
    // picture's version. No signal: views call this while painting.
    if (known > 0 && !m_versions.contains(user))
        m_versions.insert(user, known);
    const qint64 version = m_versions.value(user);
    if (version <= 0)
        return {};
    if (const QImage *decoded = m_decoded.object(user);
        decoded && m_decodedVersion.value(user) == version)
        return *decoded;
    // Held by the session, or fetched now (avatarReceived, then changed()).
    const QByteArray bytes = m_session.avatar(user, version);
    if (bytes.isEmpty())
        return {};
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return {};
    m_decoded.insert(user, new QImage(image));
    m_decodedVersion.insert(user, version);
    return image;
}

void AvatarBook::note(UserId user, qint64 version)
{
    if (user <= 0)
        return;
    const auto known = m_versions.constFind(user);
    if (known != m_versions.cend() && *known == version)
        return;
    const bool hadPicture = known != m_versions.cend() && *known > 0;
    m_versions.insert(user, version);
    // The session either holds that picture already (show it now) or fetches it
    // (avatarReceived, then changed()).
    if (version > 0 ? !m_session.avatar(user, version).isEmpty() : hadPicture)
        Q_EMIT changed(user);
}

void AvatarBook::noteMembers(const Conversation &conversation)
{
    for (const Participant &p : conversation.participants)
        note(p.userId, p.avatarVersion);
}

void AvatarBook::onAvatarReceived(UserId user, qint64 version, const QByteArray &data)
{
    Q_UNUSED(data);
    if (m_versions.value(user) > version && version > 0)
        return; // an older picture than the one already announced
    m_versions.insert(user, version);
    m_decoded.remove(user);
    m_decodedVersion.remove(user);
    Q_EMIT changed(user);
}

QByteArray AvatarBook::encode(const QImage &image)
{
    if (image.isNull())
        return {};
    const int side = qMin(image.width(), image.height());
    QImage square = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side);
    if (side > AvatarRules::MaxSide)
        square = square.scaled(AvatarRules::MaxSide, AvatarRules::MaxSide, Qt::IgnoreAspectRatio,
                               Qt::SmoothTransformation);
    const auto write = [&square](const char *format, int quality) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        return square.save(&buffer, format, quality) ? bytes : QByteArray();
    };
    QByteArray png = write("PNG", -1);
    if (!png.isEmpty() && png.size() <= AvatarRules::MaxBytes)
        return png;
    // Photos: JPEG has no alpha, so transparency becomes white rather than black.
    QImage opaque(square.size(), QImage::Format_RGB32);
    opaque.fill(Qt::white);
    {
        QPainter painter(&opaque);
        painter.drawImage(0, 0, square);
    }
    square = opaque;
    for (int quality = 90; quality >= 30; quality -= 10) {
        const QByteArray jpeg = write("JPEG", quality);
        if (!jpeg.isEmpty() && jpeg.size() <= AvatarRules::MaxBytes)
            return jpeg;
    }
    return {};
}

} // namespace Banter::Desktop
