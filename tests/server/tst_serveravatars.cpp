// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Pictures: update_profile's avatar, avatar_version in users and members, the avatar
// request and who may make it, bad pictures, and the limit on profile changes.
#include "manualclock.h"
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/peoplemessages.h>

#include <QJsonArray>
#include <QTest>
#include <QtEndian>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// A real 8×8 RGB PNG (made with zlib, every CRC right): what a client sends.
const QByteArray RealPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbElEQVR4nBXNQRUAUQhCUaMYhShGeVGIQhSizB+XXA7O"
    "DDtouIHBQ4YOM8suWm5h8ZKl+0CskDiBsIioHhx76LiDw0eO3oN/4FVf+J8h0PduzBqZ8x/bxNQPwgaFy192SGgelC0q"
    "13/CJaXlA8Z7WAGfV950AAAAAElFTkSuQmCC");

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray bigEndian16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

// A PNG header of any size (the server reads headers only, never pixels).
QByteArray pngHeader(quint32 width, quint32 height)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + bigEndian32(13) + "IHDR" + bigEndian32(width)
        + bigEndian32(height) + QByteArray("\x08\x06\x00\x00\x00", 5) + bigEndian32(0);
}

// SOI, a JFIF APP0 segment, then a baseline frame header of that size, then EOI.
QByteArray jpegHeader(quint16 width, quint16 height, bool withFrame = true)
{
    QByteArray jpeg("\xFF\xD8", 2);
    jpeg += QByteArray("\xFF\xE0", 2) + bigEndian16(16)
        + QByteArray("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
    if (withFrame) {
        jpeg += QByteArray("\xFF\xC0", 2) + bigEndian16(11) + '\x08' + bigEndian16(height)
            + bigEndian16(width) + QByteArray("\x01\x01\x11\x00", 4);
    }
    return jpeg + QByteArray("\xFF\xD9", 2);
}

QJsonObject avatarData(const QByteArray &bytes)
{
    return {{u"avatar"_s, QString::fromLatin1(bytes.toBase64())}};
}

qint64 versionOf(const std::optional<Protocol::ServerFrame> &frame)
{
    auto reply = Protocol::UserReply::fromJson(frame->data);
    return reply ? reply->user.avatarVersion : -1;
}
} // namespace

class TestServerAvatars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void avatarReachesPeopleWhoSeeMe();
    void avatarRemovedAndSetAgainCountsUp();
    void strangersAndBlockedPeopleCannotFetch();
    void badPicturesRefused();
    void profileChangesAreLimited();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
};

void TestServerAvatars::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()) && m_bob->open(m_server->url()));
    const auto alice = m_alice->registerUser(u"alice"_s);
    const auto bob = m_bob->registerUser(u"bob"_s);
    QVERIFY(alice && bob);
    m_aliceId = qint64(alice->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    m_bobId = qint64(bob->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    QVERIFY(succeeded(m_alice->request(u"create_private"_s, {{u"user_id"_s, m_bobId}})));
}

void TestServerAvatars::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

// The picture is stored once; the reply, the push and every list carry only its version,
// and the bytes come back unchanged from the avatar request.
void TestServerAvatars::avatarReachesPeopleWhoSeeMe()
{
    RawClient carol; // a stranger to Alice
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(carol.registerUser(u"carol"_s));
    RawClient phone; // Alice's other device
    QVERIFY(phone.open(m_server->url()));
    QVERIFY(phone.login(u"alice"_s));

    const auto reply = m_alice->request(u"update_profile"_s, avatarData(RealPng));
    QVERIFY(succeeded(reply));
    const qint64 version = versionOf(reply);
    QVERIFY(version > 0);
    QVERIFY(!reply->data.value(u"user"_s).toObject().contains(u"avatar"_s));
    for (RawClient *told : {m_bob.get(), &phone}) {
        const auto push = told->waitForPush(u"user_updated"_s);
        QVERIFY(push);
        QCOMPARE(versionOf(push), version);
    }
    QVERIFY(carol.noPush(u"user_updated"_s, 300));

    const auto fetched = m_bob->request(u"avatar"_s, {{u"user_id"_s, m_aliceId}});
    QVERIFY(succeeded(fetched));
    const auto picture = Protocol::AvatarReply::fromJson(fetched->data);
    QVERIFY(picture);
    QCOMPARE(picture->userId, m_aliceId);
    QCOMPARE(picture->avatarVersion, version);
    QCOMPARE(picture->data, RealPng);
    // My own picture, and the version in the lists: conversations' members and search.
    const auto own = m_alice->request(u"avatar"_s, {{u"user_id"_s, m_aliceId}});
    QVERIFY(succeeded(own));
    QCOMPARE(Protocol::AvatarReply::fromJson(own->data)->data, RealPng);
    const auto chats = m_bob->request(u"conversations"_s);
    QVERIFY(succeeded(chats));
    const auto list = Protocol::ConversationsReply::fromJson(chats->data);
    QVERIFY(list && list->conversations.size() == 1);
    const Participant *member = list->conversations.first().conversation.participant(m_aliceId);
    QVERIFY(member);
    QCOMPARE(member->avatarVersion, version);
    QCOMPARE(list->conversations.first().conversation.participant(m_bobId)->avatarVersion, 0);
    const auto found = carol.request(u"users"_s, {{u"query"_s, u"alice"_s}});
    QVERIFY(succeeded(found));
    QCOMPARE(Protocol::UsersReply::fromJson(found->data)->users.value(0).avatarVersion, version);
    // A JPEG is a picture too; the display name stays as it was.
    const auto jpeg = m_alice->request(u"update_profile"_s, avatarData(jpegHeader(128, 128)));
    QVERIFY(succeeded(jpeg));
    QVERIFY(versionOf(jpeg) > version);
    QCOMPARE(Protocol::UserReply::fromJson(jpeg->data)->user.username, u"alice"_s);
}

void TestServerAvatars::avatarRemovedAndSetAgainCountsUp()
{
    const auto set = m_alice->request(u"update_profile"_s, avatarData(RealPng));
    QVERIFY(succeeded(set));
    const qint64 first = versionOf(set);
    QVERIFY(m_bob->waitForPush(u"user_updated"_s));
    const auto removed = m_alice->request(u"update_profile"_s, {{u"avatar"_s, u""_s}});
    QVERIFY(succeeded(removed));
    QCOMPARE(versionOf(removed), 0);
    const auto push = m_bob->waitForPush(u"user_updated"_s);
    QVERIFY(push);
    QCOMPARE(versionOf(push), 0);
    const auto none = m_bob->request(u"avatar"_s, {{u"user_id"_s, m_aliceId}});
    QVERIFY(succeeded(none));
    QCOMPARE(Protocol::AvatarReply::fromJson(none->data)->avatarVersion, 0);
    QVERIFY(Protocol::AvatarReply::fromJson(none->data)->data.isEmpty());
    // A new picture never reuses a version a client may still hold bytes for.
    const auto again = m_alice->request(u"update_profile"_s, avatarData(RealPng));
    QVERIFY(succeeded(again));
    QVERIFY(versionOf(again) > first);
    // Both fields at once.
    QJsonObject both = avatarData(RealPng);
    both.insert(u"display_name"_s, u"Alice Martin"_s);
    const auto changed = m_alice->request(u"update_profile"_s, both);
    QVERIFY(succeeded(changed));
    QVERIFY(versionOf(changed) > versionOf(again));
    QCOMPARE(Protocol::UserReply::fromJson(changed->data)->user.displayName, u"Alice Martin"_s);
}

// Only the people who see my presence and profile may fetch my picture; for anyone else
// the answer is the same as for a user who does not exist.
void TestServerAvatars::strangersAndBlockedPeopleCannotFetch()
{
    QVERIFY(succeeded(m_alice->request(u"update_profile"_s, avatarData(RealPng))));
    RawClient carol;
    QVERIFY(carol.open(m_server->url()));
    const auto registered = carol.registerUser(u"carol"_s);
    QVERIFY(registered);
    const qint64 carolId =
        qint64(registered->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    QCOMPARE(refusal(carol.request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})), ErrorCode::NotFound);
    QCOMPARE(refusal(carol.request(u"avatar"_s, {{u"user_id"_s, 987654}})), ErrorCode::NotFound);
    // Keeping Alice as a contact is not enough; mutual contacts see each other (as for
    // presence, issue 17).
    QVERIFY(succeeded(carol.request(u"add_contact"_s, {{u"user_id"_s, m_aliceId}})));
    QCOMPARE(refusal(carol.request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})), ErrorCode::NotFound);
    QVERIFY(succeeded(m_alice->request(u"add_contact"_s, {{u"user_id"_s, carolId}})));
    QVERIFY(succeeded(carol.request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})));
    // A block either way ends it, for the blocked and for the blocker.
    QVERIFY(succeeded(m_alice->request(u"block"_s, {{u"user_id"_s, carolId}})));
    QCOMPARE(refusal(carol.request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})), ErrorCode::NotFound);
    QVERIFY(succeeded(m_bob->request(u"block"_s, {{u"user_id"_s, m_aliceId}})));
    QCOMPARE(refusal(m_bob->request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})),
             ErrorCode::NotFound);
    QCOMPARE(refusal(m_alice->request(u"avatar"_s, {{u"user_id"_s, m_bobId}})),
             ErrorCode::NotFound);
    // Malformed requests.
    QCOMPARE(refusal(m_bob->request(u"avatar"_s, {})), ErrorCode::BadRequest);
    QCOMPARE(refusal(m_bob->request(u"avatar"_s, {{u"user_id"_s, u"alice"_s}})),
             ErrorCode::BadRequest);
    QCOMPARE(refusal(m_bob->request(u"avatar"_s, {{u"user_id"_s, -1}})), ErrorCode::BadRequest);
    RawClient anonymous;
    QVERIFY(anonymous.open(m_server->url()));
    QCOMPARE(refusal(anonymous.request(u"avatar"_s, {{u"user_id"_s, m_aliceId}})),
             ErrorCode::Unauthenticated);
}

void TestServerAvatars::badPicturesRefused()
{
    const auto refuse = [this](const QJsonObject &data) {
        return refusal(m_alice->request(u"update_profile"_s, data));
    };
    QCOMPARE(refuse({{u"avatar"_s, u"not base64!"_s}}), ErrorCode::BadRequest);
    QCOMPARE(refuse({{u"avatar"_s, 42}}), ErrorCode::BadRequest);
    QCOMPARE(refuse({{u"avatar"_s, QJsonValue::Null}}), ErrorCode::BadRequest);
    QByteArray huge = RealPng;
    huge.append(QByteArray(AvatarRules::MaxBytes + 1 - huge.size(), 'x'));
    QCOMPARE(refuse(avatarData(huge)), ErrorCode::TooLarge);
    QCOMPARE(refuse(avatarData("GIF89a\x08\x00\x08\x00")), ErrorCode::BadRequest);
    QCOMPARE(refuse(avatarData(QByteArray(64, 'x'))), ErrorCode::BadRequest);
    QCOMPARE(refuse(avatarData(RealPng.left(20))), ErrorCode::BadRequest); // cut short
    QCOMPARE(refuse(avatarData(pngHeader(64, 32))), ErrorCode::BadRequest); // not square
    QCOMPARE(refuse(avatarData(pngHeader(512, 512))), ErrorCode::BadRequest); // too big
    QCOMPARE(refuse(avatarData(pngHeader(0, 0))), ErrorCode::BadRequest);
    QCOMPARE(refuse(avatarData(jpegHeader(300, 300))), ErrorCode::BadRequest);
    QCOMPARE(refuse(avatarData(jpegHeader(64, 64, false))), ErrorCode::BadRequest); // no frame
    // A segment length that points past the end is walked safely.
    QCOMPARE(refuse(avatarData(QByteArray("\xFF\xD8\xFF\xE0\xFF\xFF", 6))), ErrorCode::BadRequest);
    // A bad picture changes nothing, not even a display name sent with it.
    QJsonObject both = avatarData(pngHeader(64, 32));
    both.insert(u"display_name"_s, u"Changed"_s);
    QCOMPARE(refuse(both), ErrorCode::BadRequest);
    QVERIFY(m_bob->noPush(u"user_updated"_s, 300));
    const auto me = m_alice->request(u"avatar"_s, {{u"user_id"_s, m_aliceId}});
    QVERIFY(succeeded(me));
    QCOMPARE(Protocol::AvatarReply::fromJson(me->data)->avatarVersion, 0);
    const auto found = m_bob->request(u"users"_s, {{u"query"_s, u"alice"_s}});
    QVERIFY(succeeded(found));
    QCOMPARE(Protocol::UsersReply::fromJson(found->data)->users.value(0).displayName, u"ALICE"_s);
}

// update_profile pushes to everyone who sees me: a loop of them is cut short, and time
// gives the allowance back.
void TestServerAvatars::profileChangesAreLimited()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
    ManualClock clock;
    m_server = std::make_unique<TestServer>();
    m_server->setClock(clock.clock());
    QVERIFY(m_server->start());
    RawClient alice;
    QVERIFY(alice.open(m_server->url()));
    QVERIFY(alice.registerUser(u"alice"_s));
    const Server::ServerLimits &limits = m_server->config().limits;
    for (int i = 0; i < int(limits.profileUpdateBurst); ++i)
        QVERIFY(succeeded(alice.request(u"update_profile"_s, avatarData(RealPng))));
    const auto refused = alice.request(u"update_profile"_s, {{u"display_name"_s, u"x"_s}});
    QCOMPARE(refusal(refused), ErrorCode::RateLimited);
    const qint64 wait = refused->error.retryAfterMs;
    QVERIFY(wait > 0 && wait <= 60'000 / limits.profileUpdatesPerMinute + 1);
    clock.advance(wait);
    QVERIFY(succeeded(alice.request(u"update_profile"_s, {{u"display_name"_s, u"x"_s}})));
    QCOMPARE(refusal(alice.request(u"update_profile"_s, {{u"display_name"_s, u"y"_s}})),
             ErrorCode::RateLimited);
}

QTEST_GUILESS_MAIN(TestServerAvatars)
#include "tst_serveravatars.moc"
