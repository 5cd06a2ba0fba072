// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications on a real freedesktop notification daemon (dunst, in the private
// D-Bus session run-with-notifications.sh starts): one per conversation, replaced by the
// next message instead of piling up, with the sender's name and avatar; clicking one (the
// daemon invoking its default action) opens that conversation.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/desktopnotifications.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "ui/mainwindow.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// dunstctl, the daemon's own control tool, over the same session bus.
QString dunstctl(const QStringList &arguments)
{
    QProcess process;
    process.start(u"dunstctl"_s, arguments);
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return u"(dunstctl failed)"_s;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

int displayed()
{
    bool ok = false;
    const int n = dunstctl({u"count"_s, u"displayed"_s}).toInt(&ok);
    return ok ? n : -1;
}
} // namespace

class TestDesktopNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void notificationsReplaceCarryTheSenderAndOpenTheChat();

private:
    QTemporaryDir m_dir;
};

void TestDesktopNotifications::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/client-desktop/run-with-notifications.sh");
}

void TestDesktopNotifications::notificationsReplaceCarryTheSenderAndOpenTheChat()
{
    // What goes over the bus, as any other client of the session bus could see it.
    QProcess monitor;
    monitor.start(u"dbus-monitor"_s,
                  {u"--session"_s, u"interface='org.freedesktop.Notifications',member='Notify'"_s});
    QVERIFY(monitor.waitForStarted());
    QVERIFY(monitor.waitForReadyRead(10'000)); // it says when it is listening

    AppSettings settings(m_dir.filePath(u"settings.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob Martin"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    const auto withBob = await(bob->createPrivate(alice->currentUser().id));
    const auto withCarol = await(carol->createPrivate(alice->currentUser().id));
    QVERIFY(withBob && withCarol);
    MainWindow *window = fixture.showWindow(*alice, settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 2);
    window->openConversation(withCarol->id);
    QWidget elsewhere; // another application's window has the focus
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));

    auto *notifications = window->findChild<DesktopNotifications *>(u"desktopNotifications"_s);
    QVERIFY(notifications);
    QVERIFY(notifications->isAvailable());
    QCOMPARE(notifications->serverName(), u"dunst"_s);
    QSignalSpy shown(notifications, &DesktopNotifications::shown);

    // Two messages from Bob: one notification, replaced.
    QVERIFY(await(bob->sendMessage(withBob->id, u"are you coming?"_s)));
    QTRY_COMPARE(shown.count(), 1);
    const quint32 first = notifications->idOf(withBob->id);
    QVERIFY(first != 0);
    QTRY_COMPARE(displayed(), 1);
    QVERIFY(await(bob->sendMessage(withBob->id, u"the train leaves at 8"_s)));
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(notifications->idOf(withBob->id), first);
    QCOMPARE(displayed(), 1);
    // Carol's conversation has its own.
    QVERIFY(await(carol->sendMessage(withCarol->id, u"hi"_s)));
    QTRY_COMPARE(shown.count(), 3);
    QVERIFY(notifications->idOf(withCarol->id) != first);
    QTRY_COMPARE(displayed(), 2);

    // The Notify calls carried the sender's name, the text, the avatar, and the replaced id.
    QString traffic;
    const auto seen = [&](const QString &part) {
        traffic += QString::fromUtf8(monitor.readAllStandardOutput());
        return traffic.contains(part);
    };
    QTRY_VERIFY(seen(u"string \"hi\""_s)); // the last Notify has arrived: all are there
    QVERIFY2(traffic.contains(u"string \"Bob Martin\""_s), qPrintable(traffic.left(2000)));
    QVERIFY(traffic.contains(u"string \"the train leaves at 8\""_s));
    QVERIFY(traffic.contains(u"string \"image-data\""_s));
    QVERIFY(traffic.contains(u"uint32 %1"_s.arg(first)));

    // Closed by the user: the next message gets a new one; the daemon invokes its default
    // action (dunstctl action, as a click does) and Banter opens Bob's chat.
    dunstctl({u"close-all"_s});
    QTRY_COMPARE(displayed(), 0);
    QTRY_COMPARE(notifications->idOf(withBob->id), 0u);
    QVERIFY(await(bob->sendMessage(withBob->id, u"hello?"_s)));
    QTRY_COMPARE(shown.count(), 4);
    QTRY_COMPARE(displayed(), 1);
    QSignalSpy activated(notifications, &DesktopNotifications::activated);
    dunstctl({u"action"_s, u"0"_s});
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().value<ConversationId>(), withBob->id);
    QTRY_COMPARE(window->account().messages()->conversationId(), withBob->id);
    QVERIFY(window->isVisible());
    monitor.kill();
    monitor.waitForFinished();
}

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
