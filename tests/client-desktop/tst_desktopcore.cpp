// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client's rules without widgets or a server: which messages notify, how system
// events are worded, and the settings round trip through QSettings.
#include "core/appsettings.h"
#include "core/notifier.h"
#include "core/systemeventtext.h"
#include <banter/client/clientsession.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<Banter::SystemEvent>)

class TestDesktopCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNotify_data();
    void shouldNotify();
    void muteListEmitsChanges();
    void systemEventsAreWorded_data();
    void systemEventsAreWorded();
    void settingsRoundTrip();
    void settingsDefaults();
};

void TestDesktopCore::shouldNotify_data()
{
    QTest::addColumn<UserId>("sender");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("muted");
    QTest::addColumn<bool>("active");
    QTest::addColumn<ConversationId>("open");
    QTest::addColumn<bool>("expected");
    const int text = int(MessageType::Text);
    // Me = 1, the message is in conversation 10.
    QTest::newRow("inactive window")
        << UserId(2) << text << true << false << false << ConversationId(10) << true;
    QTest::newRow("active, other conversation open")
        << UserId(2) << text << true << false << true << ConversationId(11) << true;
    QTest::newRow("active, this conversation open")
        << UserId(2) << text << true << false << true << ConversationId(10) << false;
    QTest::newRow("muted") << UserId(2) << text << true << true << false << ConversationId(0)
                           << false;
    QTest::newRow("notifications off")
        << UserId(2) << text << false << false << false << ConversationId(0) << false;
    QTest::newRow("my own message (another device)")
        << UserId(1) << text << true << false << false << ConversationId(0) << false;
    QTest::newRow("system event") << UserId(2) << int(MessageType::System) << true << false << false
                                  << ConversationId(0) << false;
    QTest::newRow("file") << UserId(2) << int(MessageType::File) << true << false << false
                          << ConversationId(0) << true;
}

void TestDesktopCore::shouldNotify()
{
    QFETCH(UserId, sender);
    QFETCH(int, type);
    QFETCH(bool, enabled);
    QFETCH(bool, muted);
    QFETCH(bool, active);
    QFETCH(ConversationId, open);
    QFETCH(bool, expected);
    Message message;
    message.conversationId = 10;
    message.seq = 5;
    message.senderId = sender;
    message.type = MessageType(type);
    message.content = u"hi"_s;
    QCOMPARE(Notifier::shouldNotify(message, {1, enabled, muted, active, open}), expected);
}

void TestDesktopCore::muteListEmitsChanges()
{
    ClientSession session;
    Notifier notifier(session);
    QSignalSpy changed(&notifier, &Notifier::mutedChanged);
    notifier.setMuted(7, true);
    notifier.setMuted(7, true); // no change, no signal
    QCOMPARE(changed.count(), 1);
    QVERIFY(notifier.isMuted(7));
    QVERIFY(!notifier.isMuted(8));
    notifier.setMuted(7, false);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(1).toBool(), false);
    QVERIFY(notifier.mutedConversations().isEmpty());
}

void TestDesktopCore::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"banter.conf"_s);
    {
        AppSettings settings(file);
        settings.setLanguage(u"zh_CN"_s);
        settings.setTheme(AppSettings::Theme::Dark);
        settings.setNotificationsEnabled(false);
        settings.setStartMinimised(true);
        settings.setMutedConversations({3, 42});
        settings.sync();
    }
    AppSettings again(file);
    QCOMPARE(again.language(), u"zh_CN"_s);
    QCOMPARE(again.theme(), AppSettings::Theme::Dark);
    QCOMPARE(again.notificationsEnabled(), false);
    QCOMPARE(again.startMinimised(), true);
    QCOMPARE(again.mutedConversations(), (QSet<ConversationId>{3, 42}));
}

void TestDesktopCore::settingsDefaults()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"empty.conf"_s));
    QVERIFY(settings.language().isEmpty());
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QVERIFY(settings.notificationsEnabled());
    QVERIFY(!settings.startMinimised());
    QVERIFY(settings.mutedConversations().isEmpty());
}

void TestDesktopCore::systemEventsAreWorded_data()
{
    QTest::addColumn<std::optional<SystemEvent>>("event");
    QTest::addColumn<QString>("expected");
    QTest::newRow("group_created") << std::optional(SystemEvent::groupCreated(u"Team"_s, {2, 3}))
                                   << u"Alice created the group “Team”"_s;
    QTest::newRow("members_added")
        << std::optional(SystemEvent::membersAdded({4})) << u"Alice added members"_s;
    QTest::newRow("member_removed")
        << std::optional(SystemEvent::memberRemoved(4)) << u"Alice removed a member"_s;
    QTest::newRow("member_left") << std::optional(SystemEvent::memberLeft(1)) << u"Alice left"_s;
    QTest::newRow("renamed") << std::optional(SystemEvent::renamed(u"Crew"_s))
                             << u"Alice renamed the group to “Crew”"_s;
    SystemEvent unknown;
    unknown.unknownKind = u"reacted"_s;
    QTest::newRow("a kind from a newer server")
        << std::optional(unknown) << u"Alice changed the conversation"_s;
    QTest::newRow("no event at all")
        << std::optional<SystemEvent>() << u"Alice changed the conversation"_s;
}

// The model hands views this text; views no longer read the event.
void TestDesktopCore::systemEventsAreWorded()
{
    QFETCH(std::optional<SystemEvent>, event);
    QFETCH(QString, expected);
    QCOMPARE(SystemEventText::describe(event, u"Alice"_s), expected);
}

QTEST_GUILESS_MAIN(TestDesktopCore)
#include "tst_desktopcore.moc"
