// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The real widget tree, offscreen, against a real banterd: sign in through the dialog and
// chat; contacts, new chats and groups through their dialogs; receipts, unread counts and
// notifications; the offline outbox; keyboard navigation; settings. (The screenshots in
// docs/screenshots come from tools/screenshots.)
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testpaths.h"
#include "testserver.h"
#include "ui/composer.h"
#include "ui/contactspanel.h"
#include "ui/groupinfodialog.h"
#include "ui/mainwindow.h"
#include "ui/newchatdialog.h"
#include "ui/peoplepicker.h"
#include "ui/quickswitcher.h"
#include "ui/settingsdialog.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trayicon.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
int rowOfName(QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::DisplayRole).toString() == name)
            return row;
    }
    return -1;
}

QListWidgetItem *itemWithText(QListWidget *list, const QString &part)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(part))
            return list->item(i);
    }
    return nullptr;
}

// Runs the action of a context menu by object name.
bool trigger(QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == name) {
            action->trigger();
            menu->close();
            return true;
        }
    }
    return false;
}
} // namespace

class TestDesktopUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signInChatAndSend();
    void badServerAddressIsExplained();
    void contactsAddBlockRemove();
    void contactOpensPrivateChat();
    void searchResultStartsPrivateChat();
    void newGroupThroughDialog();
    void groupInfoManagesMembers();
    void receiptsTurnTicksRead();
    void unreadAndNotifications();
    void offlineOutboxDeliversOnce();
    void quickSwitcherOpensConversation();
    void keyboardShortcuts();
    void settingsRoundTrip();

private:
    bool activate(QWidget *window);
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopUi::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestDesktopUi::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopUi::cleanup()
{
    m_settings.reset();
}

bool TestDesktopUi::activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
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
    QTest::keyClicks(dialog.confirmField(), u"correct horse"_s); // a new account: twice
    QTest::keyClicks(dialog.displayNameField(), u"Alice"_s);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10'000);
    QVERIFY(dialog.passwordField()->text().isEmpty()); // the password is not kept around
    QTRY_VERIFY(alice.isReady());

    AccountContext account(alice, *m_settings);
    MainWindow window(account);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Nothing open yet: the window says how to start, and there is nowhere to type or attach.
    QVERIFY(window.findChild<QLabel *>(u"emptyState"_s)->isVisible());
    QVERIFY(!window.findChild<QListView *>(u"messageView"_s)->isVisible());
    QVERIFY(!window.findChild<Composer *>(u"composer"_s)->isEnabled());
    QVERIFY(!window.findChild<QToolButton *>(u"attachButton"_s)->isEnabled());
    auto created = bob.createPrivate(alice.currentUser().id);
    QTRY_VERIFY(created.isFinished());
    auto hello = bob.sendMessage(created.result()->id, u"hello alice"_s);
    QTRY_VERIFY(hello.isFinished() && hello.result().ok());
    QTRY_COMPARE(window.account().conversations()->rowCount(), 1);
    QTRY_COMPARE(window.account().conversations()->totalUnread(), 1);

    window.findChild<QListView *>(u"conversationView"_s)
        ->setCurrentIndex(
            window.findChild<QListView *>(u"conversationView"_s)->model()->index(0, 0));
    QTRY_COMPARE(window.account().messages()->rowCount(), 1);
    QCOMPARE(window.account().conversations()->totalUnread(), 0);
    QVERIFY(!window.findChild<QLabel *>(u"emptyState"_s)->isVisible());
    QVERIFY(window.findChild<QListView *>(u"messageView"_s)->isVisible());
    QVERIFY(window.findChild<Composer *>(u"composer"_s)->isEnabled());
    QVERIFY(window.findChild<QToolButton *>(u"attachButton"_s)->isEnabled());

    QSignalSpy received(&bob, &ClientSession::messageReceived);
    QTest::keyClicks(window.findChild<Composer *>(u"composer"_s), u"hi bob"_s);
    QTest::keyClick(window.findChild<Composer *>(u"composer"_s), Qt::Key_Return,
                    Qt::ShiftModifier); // a new line, not a send
    QTest::keyClicks(window.findChild<Composer *>(u"composer"_s), u"how are you?"_s);
    QTest::keyClick(window.findChild<Composer *>(u"composer"_s), Qt::Key_Return);
    QVERIFY(window.findChild<Composer *>(u"composer"_s)->toPlainText().isEmpty());
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content, u"hi bob\nhow are you?"_s);
    QTRY_COMPARE(window.account().messages()->rowCount(), 2);
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
    QVERIFY(dialog.findChild<QLabel *>(u"status"_s)->text().contains(u"wss://"_s));
    QCOMPARE(session.state(), ClientSession::State::Disconnected); // nothing was attempted
}

void TestDesktopUi::contactsAddBlockRemove()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    // Presence needs both to agree (issue 17): Bob keeps Alice already.
    QVERIFY(await(bob->addContact(u"alice"_s)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    ContactsPanel *panel = window->findChild<ContactsPanel *>(u"contactsPanel"_s);
    window->findChild<QTabWidget *>(u"sideTabs"_s)->setCurrentWidget(panel);

    // Add by username through the dialog.
    panel->addButton()->click();
    auto *prompt = panel->findChild<QInputDialog *>();
    QVERIFY(prompt);
    prompt->setTextValue(u"bob"_s);
    prompt->accept();
    QTRY_COMPARE(window->account().contacts()->rowCount(), 1);
    const QModelIndex bobRow = window->account().contacts()->index(0);
    QCOMPARE(bobRow.data(ContactListModel::UsernameRole).toString(), u"bob"_s);
    QCOMPARE(PresenceStatus(bobRow.data(ContactListModel::PresenceRole).toInt()),
             PresenceStatus::Online);

    // An unknown name is refused and said so.
    QSignalSpy failed(window->account().contacts(), &ContactListModel::failed);
    panel->addButton()->click();
    prompt = panel->findChild<QInputDialog *>();
    QVERIFY(prompt);
    prompt->setTextValue(u"nobody"_s);
    prompt->accept();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(window->account().contacts()->rowCount(), 1);

    // Presence follows: Bob goes offline, the panel says when he was last seen.
    bob->disconnectFromServer();
    QTRY_COMPARE(
        PresenceStatus(
            window->account().contacts()->index(0).data(ContactListModel::PresenceRole).toInt()),
        PresenceStatus::Offline);
    QVERIFY(window->account().contacts()->index(0).data(ContactListModel::LastSeenRole).toLongLong()
            > 0);

    // Block, unblock and remove from the context menu.
    QVERIFY(trigger(panel->menuFor(window->account().contacts()->index(0)), u"blockAction"_s));
    QTRY_VERIFY(
        window->account().contacts()->index(0).data(ContactListModel::BlockedRole).toBool());
    auto onServer = await(alice->contacts());
    QVERIFY(onServer && onServer->contacts.size() == 1 && onServer->contacts.first().blocked);
    QVERIFY(trigger(panel->menuFor(window->account().contacts()->index(0)), u"blockAction"_s));
    QTRY_VERIFY(
        !window->account().contacts()->index(0).data(ContactListModel::BlockedRole).toBool());
    QVERIFY(trigger(panel->menuFor(window->account().contacts()->index(0)), u"removeAction"_s));
    QTRY_COMPARE(window->account().contacts()->rowCount(), 0);
    onServer = await(alice->contacts());
    QVERIFY(onServer && onServer->contacts.isEmpty());
}

void TestDesktopUi::contactOpensPrivateChat()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    if (!alice || !bob) // QFAIL returns: the analyzer sees the sessions are set below
        QFAIL("signing up failed");
    QVERIFY(await(alice->addContact(u"bob"_s)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().contacts()->rowCount(), 1);
    QCOMPARE(window->account().conversations()->rowCount(), 0);
    QListView *view = window->findChild<ContactsPanel *>(u"contactsPanel"_s)->view();
    window->findChild<QTabWidget *>(u"sideTabs"_s)
        ->setCurrentWidget(window->findChild<ContactsPanel *>(u"contactsPanel"_s));
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return); // Enter activates, like a double click
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QTRY_VERIFY(window->account().messages()->conversationId() != 0);
    QCOMPARE(window->findChild<QTabWidget *>(u"sideTabs"_s)->currentIndex(), 0);
    const ConversationId first = window->account().messages()->conversationId();
    auto bobsView = await(bob->conversations());
    QVERIFY(bobsView && bobsView->conversations.size() == 1);

    // Again: the existing chat opens, no second one is made.
    window->findChild<QTabWidget *>(u"sideTabs"_s)
        ->setCurrentWidget(window->findChild<ContactsPanel *>(u"contactsPanel"_s));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(window->findChild<QTabWidget *>(u"sideTabs"_s)->currentIndex(),
                 0); // what opening a chat does
    // Anything the key press asked of the server was answered before this later request.
    auto alicesView = await(alice->conversations());
    QVERIFY(alicesView && alicesView->conversations.size() == 1);
    QCOMPARE(window->account().conversations()->rowCount(), 1);
    QCOMPARE(window->account().messages()->conversationId(), first);
}

// Someone who is no contact, found by the server search: the first result is selected as it
// appears, and "Start chat" works on it at once (it stayed disabled before, whatever was
// clicked, because the list changed its selection with its signals blocked).
void TestDesktopUi::searchResultStartsPrivateChat()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *dora = fixture.signUp(u"dora"_s, u"Dora"_s);
    QVERIFY(alice && dora);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    NewChatDialog *dialog = window->showNewChat();
    QVERIFY(dialog);
    QVERIFY(!window->findChild<QAction *>(u"groupInfoAction"_s)->isEnabled()); // nothing open
    QPushButton *start = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!start->isEnabled()); // no contacts, nothing selected
    QTest::keyClicks(dialog->privatePicker()->searchField(), u"dor"_s);
    QTRY_VERIFY(itemWithText(dialog->privatePicker()->list(), u"@dora"_s));
    QCOMPARE(dialog->privatePicker()->list()->currentItem(),
             itemWithText(dialog->privatePicker()->list(), u"@dora"_s));
    QVERIFY(start->isEnabled());
    start->click();
    QTRY_VERIFY(window->account().messages()->conversationId() != 0);
    QCOMPARE(window->findChild<QLabel *>(u"conversationTitle"_s)->text(), u"Dora"_s);
    QVERIFY(!window->findChild<QAction *>(u"groupInfoAction"_s)
                 ->isEnabled()); // a private chat has no group info
}

void TestDesktopUi::newGroupThroughDialog()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    if (!alice || !bob || !carol)
        QFAIL("signing up failed");
    QVERIFY(await(alice->addContact(u"bob"_s)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_COMPARE(window->account().contacts()->rowCount(), 1);

    NewChatDialog *dialog = window->showNewChat();
    QVERIFY(dialog);
    dialog->tabs()->setCurrentIndex(1);
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // no name yet
    QTest::keyClicks(dialog->groupNameField(), u"Weekend trip"_s);
    PeoplePicker *picker = dialog->groupPicker();
    QListWidgetItem *bobItem = itemWithText(picker->list(), u"@bob"_s);
    QVERIFY(bobItem); // contacts are offered straight away
    bobItem->setCheckState(Qt::Checked);
    // Carol is no contact: the user search finds her.
    QTest::keyClicks(picker->searchField(), u"car"_s);
    QTRY_VERIFY(itemWithText(picker->list(), u"@carol"_s));
    itemWithText(picker->list(), u"@carol"_s)->setCheckState(Qt::Checked);
    QCOMPARE(picker->selected().size(), 2);
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QSignalSpy created(dialog, &NewChatDialog::created);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(created.count(), 1);
    const auto group = created.first().first().value<Conversation>();
    QCOMPARE(group.participants.size(), 3);

    // Alice's window opens it; Bob's window lists it.
    QTRY_COMPARE(window->account().messages()->conversationId(), group.id);
    QCOMPARE(window->findChild<QLabel *>(u"conversationTitle"_s)->text(), u"Weekend trip"_s);
    QVERIFY(window->findChild<QToolButton *>(u"groupInfoButton"_s)->isVisibleTo(window));
    QVERIFY(window->findChild<QAction *>(u"groupInfoAction"_s)->isEnabled());
    QTRY_VERIFY(bobWindow->account().conversations()->rowOf(group.id) >= 0);
    QCOMPARE(bobWindow->account()
                 .conversations()
                 ->index(bobWindow->account().conversations()->rowOf(group.id))
                 .data(ConversationListModel::NameRole)
                 .toString(),
             u"Weekend trip"_s);
}

void TestDesktopUi::groupInfoManagesMembers()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    ClientSession *dave = fixture.signUp(u"dave"_s, u"Dave"_s);
    QVERIFY(alice && bob && carol && dave);
    auto group =
        await(alice->createGroup(u"Band"_s, {bob->currentUser().id, carol->currentUser().id}));
    QVERIFY(group);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_VERIFY(window->account().conversations()->rowOf(group->id) >= 0);
    QTRY_VERIFY(bobWindow->account().conversations()->rowOf(group->id) >= 0);
    window->openConversation(group->id);

    GroupInfoDialog *info = window->showGroupInfo();
    QVERIFY(info);
    QCOMPARE(info->memberList()->count(), 3);
    QVERIFY(itemWithText(info->memberList(), u"@alice"_s)->text().contains(u"admin"_s));
    QVERIFY(!itemWithText(info->memberList(), u"@bob"_s)->text().contains(u"admin"_s));
    QVERIFY(info->renameButton()->isVisibleTo(info));

    // Admin removes Carol.
    info->memberList()->setCurrentItem(itemWithText(info->memberList(), u"@carol"_s));
    QVERIFY(info->removeButton()->isEnabled());
    info->removeButton()->click();
    QTRY_COMPARE(info->memberList()->count(), 2);
    QTRY_COMPARE(bobWindow->account().conversations()->conversation(group->id)->participants.size(),
                 2);

    // Admin adds Dave through the user search.
    QTest::keyClicks(info->picker()->searchField(), u"dav"_s);
    QTRY_VERIFY(itemWithText(info->picker()->list(), u"@dave"_s));
    itemWithText(info->picker()->list(), u"@dave"_s)->setCheckState(Qt::Checked);
    info->addButton()->click();
    QTRY_COMPARE(info->memberList()->count(), 3);
    QVERIFY(itemWithText(info->memberList(), u"@dave"_s));

    // Rename; Bob's window follows the push.
    info->nameField()->setText(u"The Band"_s);
    info->renameButton()->click();
    QTRY_COMPARE(bobWindow->account()
                     .conversations()
                     ->index(bobWindow->account().conversations()->rowOf(group->id))
                     .data(ConversationListModel::NameRole)
                     .toString(),
                 u"The Band"_s);
    info->close();

    // Bob is no admin: no rename, no removing; he can leave, after confirming.
    bobWindow->openConversation(group->id);
    GroupInfoDialog *bobInfo = bobWindow->showGroupInfo();
    QVERIFY(bobInfo);
    QCOMPARE(bobInfo->memberList()->count(), 3);
    QVERIFY(!bobInfo->renameButton()->isVisibleTo(bobInfo));
    QVERIFY(!bobInfo->removeButton()->isVisibleTo(bobInfo));
    QMessageBox *confirm = bobInfo->confirmLeave();
    confirm->button(QMessageBox::Cancel)->click();
    // Had Cancel asked to leave, the server would have done so before answering this.
    auto stillIn = await(bob->conversations());
    QVERIFY(stillIn);
    QVERIFY(
        std::any_of(stillIn->conversations.cbegin(), stillIn->conversations.cend(),
                    [&](const ConversationSummary &s) { return s.conversation.id == group->id; }));
    QVERIFY(bobWindow->account().conversations()->rowOf(group->id) >= 0);
    confirm = bobInfo->confirmLeave();
    confirm->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(bobWindow->account().conversations()->rowOf(group->id), -1);
    // The group was open in his window: it closes, and the window says so.
    QTRY_COMPARE(bobWindow->account().messages()->conversationId(), 0);
    QVERIFY(bobWindow->findChild<QLabel *>(u"emptyState"_s)->isVisible());
    QVERIFY(!bobWindow->findChild<Composer *>(u"composer"_s)->isEnabled());
    QVERIFY(bobWindow->statusBar()->currentMessage().contains(u"Band"_s));
    // Alice's open dialog of the group... is gone; her model shows the new membership.
    QTRY_COMPARE(window->account().conversations()->conversation(group->id)->participants.size(),
                 2);
}

void TestDesktopUi::receiptsTurnTicksRead()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    QVERIFY(activate(window));

    QTest::keyClicks(window->findChild<Composer *>(u"composer"_s), u"did you read this?"_s);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Return);
    QTRY_COMPARE(window->account().messages()->rowCount(), 1);
    const QModelIndex mine = window->account().messages()->index(0);
    // Bob's client acknowledges delivery by itself; he has not opened it, so not read.
    QTRY_COMPARE(MessageStatus(mine.data(MessageListModel::StatusRole).toInt()),
                 MessageStatus::Delivered);
    QTRY_COMPARE(bobWindow->account().conversations()->totalUnread(), 1);
    // Whatever Bob's client said about it reached the server before this request of his, and
    // its push reached Alice before the answer to hers.
    QVERIFY(await(bob->conversations()));
    QVERIFY(await(alice->conversations()));
    QCOMPARE(MessageStatus(
                 window->account().messages()->index(0).data(MessageListModel::StatusRole).toInt()),
             MessageStatus::Delivered);

    // Bob opens the conversation in his active window: read.
    QVERIFY(activate(bobWindow));
    bobWindow->openConversation(chat->id);
    QTRY_COMPARE(bobWindow->account().messages()->rowCount(), 1);
    QTRY_COMPARE(
        MessageStatus(
            window->account().messages()->index(0).data(MessageListModel::StatusRole).toInt()),
        MessageStatus::Read);
    QCOMPARE(bobWindow->account().conversations()->totalUnread(), 0);
}

void TestDesktopUi::unreadAndNotifications()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto withBob = await(bob->createPrivate(alice->currentUser().id));
    auto withCarol = await(carol->createPrivate(alice->currentUser().id));
    QVERIFY(withBob && withCarol);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 2);
    QWidget elsewhere; // another application's window has the focus
    elsewhere.show();
    QVERIFY(activate(&elsewhere));
    QVERIFY(!window->isActiveWindow());
    QSignalSpy notified(window->account().notifier(), &Notifier::notificationRequested);

    QVERIFY(await(bob->sendMessage(withBob->id, u"ping"_s)));
    QTRY_COMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Message>().content, u"ping"_s);
    QTRY_COMPARE(window->account().conversations()->totalUnread(), 1);
    // The badge follows within ConversationListModel::UnreadInterval (it is coalesced).
    QTRY_COMPARE(window->findChild<TrayIcon *>(u"trayIcon"_s)->unread(), 1);
    QVERIFY(window->findChild<TrayIcon *>(u"trayIcon"_s)->toolTip().contains(u"1"_s));

    // Mute Carol's chat from the context menu: counted, marked, not notified, remembered.
    auto carolRow = [&] {
        QAbstractItemModel *list = window->findChild<QListView *>(u"conversationView"_s)->model();
        return list->index(rowOfName(list, u"Carol"_s), 0);
    };
    QVERIFY(carolRow().isValid());
    QVERIFY(trigger(window->conversationMenu(carolRow()), u"muteAction"_s));
    QVERIFY(window->account().notifier()->isMuted(withCarol->id));
    QVERIFY(window->account()
                .conversations()
                ->index(window->account().conversations()->rowOf(withCarol->id))
                .data(ConversationListModel::MutedRole)
                .toBool());
    QVERIFY(m_settings->mutedConversations().contains(withCarol->id));
    QVERIFY(await(carol->sendMessage(withCarol->id, u"psst"_s)));
    QTRY_COMPARE(window->account().conversations()->totalUnread(), 2);
    QTRY_COMPARE(window->findChild<TrayIcon *>(u"trayIcon"_s)->unread(), 2);
    // The notifier decides on the same signal that counted the message: no wait needed.
    QCOMPARE(notified.count(), 1);

    // Looking at Bob's chat in the active window: his next message does not notify...
    QVERIFY(activate(window));
    window->openConversation(withBob->id);
    QVERIFY(await(bob->sendMessage(withBob->id, u"are you there?"_s)));
    QTRY_COMPARE(window->account().messages()->rowCount(), 2);
    QCOMPARE(notified.count(), 1); // decided on the signal that added the row
    // ...but one in another conversation does, once unmuted.
    QVERIFY(trigger(window->conversationMenu(carolRow()), u"muteAction"_s));
    QVERIFY(!window->account().notifier()->isMuted(withCarol->id));
    QVERIFY(await(carol->sendMessage(withCarol->id, u"hello?"_s)));
    QTRY_COMPARE(notified.count(), 2);

    // Clicking the notification opens that conversation.
    Q_EMIT window->findChild<TrayIcon *>(u"trayIcon"_s)->messageClicked();
    QTRY_COMPARE(window->account().messages()->conversationId(), withCarol->id);
}

void TestDesktopUi::offlineOutboxDeliversOnce()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);

    fixture.server().stop();
    QTRY_VERIFY(alice->state() != ClientSession::State::Ready);
    QTest::keyClicks(window->findChild<Composer *>(u"composer"_s), u"written offline"_s);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Return);
    QTRY_COMPARE(window->account().messages()->rowCount(), 1);
    QCOMPARE(MessageStatus(
                 window->account().messages()->index(0).data(MessageListModel::StatusRole).toInt()),
             MessageStatus::Sending);

    QSignalSpy received(bob, &ClientSession::messageReceived);
    QVERIFY(fixture.server().restart());
    QTRY_VERIFY_WITH_TIMEOUT(alice->isReady() && bob->isReady(), 10'000);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content, u"written offline"_s);
    QTRY_VERIFY(
        MessageStatus(
            window->account().messages()->index(0).data(MessageListModel::StatusRole).toInt())
        != MessageStatus::Sending);
    // Sent now, it reaches Bob after anything about the first (seq order): once it is there,
    // a second copy of the first would have arrived too.
    QVERIFY(await(alice->sendMessage(chat->id, u"back online"_s)));
    QTRY_VERIFY(received.count() >= 2
                && received.last().first().value<Message>().content == u"back online"_s);
    QCOMPARE(received.count(), 2); // the first exactly once
    QTRY_COMPARE(window->account().messages()->rowCount(), 2);
    auto history = await(bob->history(chat->id));
    QVERIFY(history && history->messages.size() == 2);
}

void TestDesktopUi::quickSwitcherOpensConversation()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto withBob = await(alice->createPrivate(bob->currentUser().id));
    auto withCarol = await(alice->createPrivate(carol->currentUser().id));
    QVERIFY(withBob && withCarol);
    MainWindow *window = fixture.showChat(*alice, *m_settings, withBob->id, 2);
    QVERIFY(window);
    QVERIFY(activate(window));

    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    QuickSwitcher *switcher = nullptr;
    QTRY_VERIFY((switcher = window->findChild<QuickSwitcher *>()) && switcher->isVisible());
    QTest::keyClicks(switcher->filterField(), u"car"_s);
    QCOMPARE(switcher->view()->model()->rowCount(), 1);
    QTest::keyClick(switcher->filterField(), Qt::Key_Return);
    QCOMPARE(window->account().messages()->conversationId(), withCarol->id);
    QTRY_VERIFY(!window->findChild<QuickSwitcher *>());

    // Up/Down choose while typing; Esc closes without opening anything.
    switcher = window->showQuickSwitcher();
    QTest::keyClick(switcher->filterField(), Qt::Key_Down);
    QCOMPARE(switcher->view()->currentIndex().row(), 1);
    QTest::keyClick(switcher->filterField(), Qt::Key_Escape);
    QTRY_VERIFY(!window->findChild<QuickSwitcher *>());
    QCOMPARE(window->account().messages()->conversationId(), withCarol->id);
}

void TestDesktopUi::keyboardShortcuts()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s);
    if (!alice || !bob || !carol)
        QFAIL("signing up failed");
    QVERIFY(await(alice->createPrivate(bob->currentUser().id)));
    QVERIFY(await(alice->createPrivate(carol->currentUser().id)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 2);
    QVERIFY(activate(window));
    QListView *list = window->findChild<QListView *>(u"conversationView"_s);

    QTest::keyClick(window, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(list->currentIndex().row(), 0);
    const ConversationId first = window->account().messages()->conversationId();
    QVERIFY(first != 0);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(list->currentIndex().row(), 1);
    QVERIFY(window->account().messages()->conversationId() != first);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Down,
                    Qt::AltModifier); // stays at the end
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window->account().messages()->conversationId(), first);

    // Ctrl+N opens the new chat dialog; Esc closes it.
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_N, Qt::ControlModifier);
    NewChatDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<NewChatDialog *>()) && dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!window->findChild<NewChatDialog *>());
    // Ctrl+, opens the settings.
    QVERIFY(activate(window));
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Comma,
                    Qt::ControlModifier);
    SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = window->findChild<SettingsDialog *>()) && settings->isVisible());
    QTest::keyClick(settings, Qt::Key_Escape);
    QTRY_VERIFY(!window->findChild<SettingsDialog *>());
    // Ctrl+Q quits.
    QVERIFY(activate(window));
    bool quitAsked = false;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Q))
            quitAsked = true;
    }
    QVERIFY(quitAsked); // triggering it would end the test run
}

void TestDesktopUi::settingsRoundTrip()
{
    const QString file = m_dir.filePath(u"roundtrip.conf"_s);
    {
        AppSettings settings(file);
        SettingsDialog dialog(settings);
        QCOMPARE(dialog.languageBox()->currentData().toString(), QString()); // system
        QVERIFY(dialog.notificationsBox()->isChecked());
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(u"zh_CN"_s));
        dialog.themeBox()->setCurrentIndex(
            dialog.themeBox()->findData(int(AppSettings::Theme::Dark)));
        dialog.notificationsBox()->setChecked(false);
        dialog.startMinimisedBox()->setChecked(true);
        dialog.accept();
    }
    AppSettings reread(file);
    QCOMPARE(reread.language(), u"zh_CN"_s);
    QCOMPARE(reread.theme(), AppSettings::Theme::Dark);
    QVERIFY(!reread.notificationsEnabled());
    QVERIFY(reread.startMinimised());
    SettingsDialog again(reread);
    QCOMPARE(again.languageBox()->currentText(), u"简体中文"_s);
    QVERIFY(!again.notificationsBox()->isChecked());
    // Cancel keeps what was stored.
    again.notificationsBox()->setChecked(true);
    again.reject();
    QVERIFY(!AppSettings(file).notificationsEnabled());
}

QTEST_MAIN(TestDesktopUi)
#include "tst_desktopui.moc"
