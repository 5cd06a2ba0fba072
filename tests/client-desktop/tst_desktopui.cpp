// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The real widget tree, offscreen, against a real banterd: sign in through the dialog, see a
// conversation arrive, type a message and press Enter, and the other side receives it.
#include "client/clientsession.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "testserver.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestDesktopUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInChatAndSend();
    void badServerAddressIsExplained();
};

void TestDesktopUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
}

void TestDesktopUi::signInChatAndSend()
{
    TestServer server;
    QVERIFY(server.start());

    ClientSession bob;
    bob.connectToServer(server.url());
    QTRY_COMPARE(bob.state(), ClientSession::State::Connected);
    auto bobGrant = bob.registerUser(u"bob"_s, u"correct horse"_s, u"Bob"_s, u"phone"_s);
    QTRY_VERIFY(bobGrant.isFinished() && bob.isReady());

    ClientSession alice;
    SignInDialog dialog(alice);
    dialog.show();
    dialog.serverField()->setEditText(server.url().toString());
    QTest::keyClicks(dialog.usernameField(), u"alice"_s);
    QTest::keyClicks(dialog.passwordField(), u"correct horse"_s);
    dialog.createAccountBox()->setChecked(true);
    QTest::keyClicks(dialog.displayNameField(), u"Alice"_s);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10'000);
    QVERIFY(dialog.passwordField()->text().isEmpty()); // the password is not kept around
    QTRY_VERIFY(alice.isReady());

    MainWindow window(alice);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto created = bob.createPrivate(alice.currentUser().id);
    QTRY_VERIFY(created.isFinished());
    auto hello = bob.sendMessage(created.result()->id, u"hello alice"_s);
    QTRY_VERIFY(hello.isFinished() && hello.result().ok());
    QTRY_COMPARE(window.conversationModel()->rowCount(), 1);
    QTRY_COMPARE(window.conversationModel()->totalUnread(), 1);

    window.conversationView()->setCurrentIndex(window.conversationView()->model()->index(0, 0));
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
    QCOMPARE(window.conversationModel()->totalUnread(), 0);

    QSignalSpy received(&bob, &ClientSession::messageReceived);
    QTest::keyClicks(window.composer(), u"hi bob"_s);
    QTest::keyClick(window.composer(), Qt::Key_Return, Qt::ShiftModifier); // a new line, not a send
    QTest::keyClicks(window.composer(), u"how are you?"_s);
    QTest::keyClick(window.composer(), Qt::Key_Return);
    QVERIFY(window.composer()->toPlainText().isEmpty());
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content, u"hi bob\nhow are you?"_s);
    QTRY_COMPARE(window.messageModel()->rowCount(), 2);

    const QString shots = qEnvironmentVariable("BANTER_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(window.grab().save(shots + u"/main-window.png"_s));
    }
}

void TestDesktopUi::badServerAddressIsExplained()
{
    ClientSession session;
    SignInDialog dialog(session);
    dialog.show();
    dialog.serverField()->setEditText(u"http://example"_s);
    QTest::keyClicks(dialog.usernameField(), u"alice"_s);
    QTest::keyClicks(dialog.passwordField(), u"whatever pw"_s);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.findChild<QLabel *>(u"status"_s)->text().contains(u"ws://"_s));
    QCOMPARE(session.state(), ClientSession::State::Disconnected); // nothing was attempted
}

QTEST_MAIN(TestDesktopUi)
#include "tst_desktopui.moc"
