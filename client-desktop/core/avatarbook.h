// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/ids.h>

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// The pictures people show, for every view that draws an avatar. It learns which picture
// each user shows (their avatar_version) from the conversation list, conversation updates
// and user_updated, and hands out decoded images; the bytes are fetched and kept by the
// ClientSession (once per version), the decoded images here in a bounded cache. Users
// without a picture get a null image: draw the initials.
class AvatarBook : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDecoded = 300; // decoded pictures kept at once

    explicit AvatarBook(ClientSession &session, QObject *parent = nullptr);

    // The user's picture, or a null image when they have none or it has not arrived yet
    // (changed() follows when it does). A caller that knows the user's avatar_version (a
    // member's, in a conversation it holds) passes it; it counts when the book has not yet
    // heard of the user.
    QImage picture(UserId user, qint64 known = 0);
    // Records which picture the user shows now.
    void note(UserId user, qint64 version);
    void noteMembers(const Conversation &conversation);

    // A picture the protocol accepts, made client-side from any image: the centred square,
    // scaled down to AvatarRules::MaxSide, as PNG when that fits in AvatarRules::MaxBytes,
    // else as JPEG of the best quality that fits. Empty for a null image.
    static QByteArray encode(const QImage &image);

Q_SIGNALS:
    // The user's picture changed, arrived or went away: repaint what shows it.
    void changed(Banter::UserId user);

private:
    void onAvatarReceived(UserId user, qint64 version, const QByteArray &data);

    ClientSession &m_session;
    QHash<UserId, qint64> m_versions; // the people the server told us about
    QCache<UserId, QImage> m_decoded{MaxDecoded};
    QHash<UserId, qint64> m_decodedVersion;
};

} // namespace Banter::Desktop
