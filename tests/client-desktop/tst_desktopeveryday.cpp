// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client in everyday use (issue 20), with the real widgets offscreen against a
// real banterd: drafts that stay with their conversation, over-long text kept, the sign-in
// dialog's guidance, the window's remembered place and narrow layout, Escape, search by
// members, avatar initials, the attachment preview strip, downloads that never overwrite,
// and "Retry now".
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/errortext.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testfiles.h"
#include "testimages.h"
#include "testpaths.h"
#include "ui/attachmentbubble.h"
#include "ui/attachmentstrip.h"
#include "ui/avatar.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/newchatdialog.h"
#include "ui/peoplepicker.h"
#include "ui/quickswitcher.h"
#include "ui/signindialog.h"
#include "ui/windowstate.h"
#include "waiting.h"
#include <banter/client/clientsession.h>
#include <banter/domain/messagecontent.h>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
Composer *composerOf(MainWindow *window)
{
    return window->findChild<Composer *>(u"composer"_s);
}

QStringList visibleNames(QAbstractItemModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data(ConversationListModel::NameRole).toString());
    names.sort();
    return names;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QPushButton *okButton(SignInDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}
} // namespace

class TestDesktopEveryday : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void draftsStayWithTheirConversation();
    void overLongTextIsKeptWithItsReason();
    void signInFocusesAndExplainsLocally();
    void signInWordsServerErrors();
    void errorTextNeverShowsACode();
    void windowRemembersItsPlace();
    void narrowWindowCollapsesTheSidebar();
    void escapeAndNewChatFocus();
    void searchMatchesMembers();
    void avatarInitials();
    void previewStripSendsWithCaption();
    void downloadsNeverOverwrite();
    void retryNowReconnects();
    void changesToMessagesShowWhereTheyAre();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopEveryday::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestDesktopEveryday::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopEveryday::cleanup()
{
    m_settings.reset();
}

// Half a message to Bob, then the group: the box is empty there, Enter sends only what was
// typed for the group, and Bob's text (and where the cursor was) is back when his chat is.
void TestDesktopEveryday::draftsStayWithTheirConversation()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto direct = await(alice->createPrivate(bob->currentUser().id));
    auto group =
        await(alice->createGroup(u"Team"_s, {bob->currentUser().id, carol->currentUser().id}));
    QVERIFY(direct && group);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 2);
    Composer *composer = composerOf(window);
    QSignalSpy toCarol(carol, &ClientSession::messageReceived);
    QSignalSpy toBob(bob, &ClientSession::messageReceived);

    window->openConversation(direct->id);
    QTest::keyClicks(composer, u"see you at ten"_s);
    QTextCursor cursor = composer->textCursor();
    cursor.setPosition(4);
    composer->setTextCursor(cursor);

    window->openConversation(group->id);
    QVERIFY(composer->toPlainText().isEmpty());
    QCOMPARE(composer->draft(direct->id), u"see you at ten"_s);
    QTest::keyClicks(composer, u"hello team"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(toCarol.count(), 1);
    QCOMPARE(toCarol.first().first().value<Message>().content, u"hello team"_s);
    QCOMPARE(toBob.count(), 1); // Bob is in the group too: the same one message
    QCOMPARE(toBob.first().first().value<Message>().conversationId, group->id);

    window->openConversation(direct->id);
    QCOMPARE(composer->toPlainText(), u"see you at ten"_s);
    QCOMPARE(composer->textCursor().position(), 4);
    // A draft of the group, too, survives the round trip; an empty one leaves nothing.
    QTest::keyClick(composer, Qt::Key_End);
    window->openConversation(group->id);
    QVERIFY(composer->toPlainText().isEmpty());
    QTest::keyClicks(composer, u"later"_s);
    window->openConversation(direct->id);
    window->openConversation(group->id);
    QCOMPARE(composer->toPlainText(), u"later"_s);
    QCOMPARE(toBob.count(), 1);
}

void TestDesktopEveryday::overLongTextIsKeptWithItsReason()
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
    Composer *composer = composerOf(window);
    auto *note = window->findChild<QLabel *>(u"composerNote"_s);
    QSignalSpy received(bob, &ClientSession::messageReceived);

    const QString tooLong = QString(MessageContent::MaxTextLength + 100, u'x');
    composer->setPlainText(tooLong);
    QVERIFY(!window->findChild<QPushButton *>(u"sendButton"_s)->isEnabled());
    QVERIFY(!note->isVisible());
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), tooLong); // nothing discarded
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"100"_s), qPrintable(note->text()));
    // Once short enough, the reason goes and Enter sends.
    QTextCursor cursor = composer->textCursor();
    cursor.setPosition(MessageContent::MaxTextLength);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    composer->setTextCursor(cursor);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QVERIFY(!note->isVisible());
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content.size(),
             MessageContent::MaxTextLength);
    QVERIFY(composer->toPlainText().isEmpty());
}

void TestDesktopEveryday::signInFocusesAndExplainsLocally()
{
    ClientSession session;
    SignInDialog dialog(session);
    dialog.serverField()->setEditText(u"ws://127.0.0.1:1"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.focusWidget(), dialog.usernameField()); // the first empty field

    // An error is about one field and goes as soon as that field changes.
    QTest::keyClicks(dialog.passwordField(), u"correct horse"_s);
    okButton(dialog)->click();
    QCOMPARE(dialog.statusText(), u"Enter your username."_s);
    QCOMPARE(dialog.focusWidget(), dialog.usernameField());
    QTest::keyClicks(dialog.passwordField(), u"!"_s); // another field: still said
    QCOMPARE(dialog.statusText(), u"Enter your username."_s);
    QTest::keyClicks(dialog.usernameField(), u"alice"_s);
    QVERIFY(dialog.statusText().isEmpty());

    // A new account: the password twice, a mismatch said beside the second field.
    dialog.createAccountBox()->setChecked(true);
    QVERIFY(dialog.confirmField()->isVisible());
    QTest::keyClicks(dialog.confirmField(), u"correct horse"_s); // without the "!"
    okButton(dialog)->click();
    QVERIFY(!dialog.confirmError().isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(u"confirmError"_s)->isVisible());
    QCOMPARE(dialog.focusWidget(), dialog.confirmField());
    QCOMPARE(session.state(), ClientSession::State::Disconnected); // nothing was sent
    QTest::keyClicks(dialog.confirmField(), u"!"_s);
    QVERIFY(dialog.confirmError().isEmpty());
    // Rules the server would refuse are said here, in the user's words.
    dialog.passwordField()->setText(u"short"_s);
    dialog.confirmField()->setText(u"short"_s);
    okButton(dialog)->click();
    QVERIFY2(dialog.statusText().contains(u"8"_s), qPrintable(dialog.statusText()));
    QCOMPARE(session.state(), ClientSession::State::Disconnected);

    // With the server and username given, the dialog opens on the password.
    SignInDialog again(session);
    again.serverField()->setEditText(u"ws://127.0.0.1:1"_s);
    again.usernameField()->setText(u"alice"_s);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.focusWidget(), again.passwordField());
}

void TestDesktopEveryday::signInWordsServerErrors()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.loginFailuresPerAccount = 1;
    TestServer server(config);
    QVERIFY(server.start());
    auto bob = signedUpSession(server.url(), u"bob"_s);
    QVERIFY(bob);

    ClientSession session;
    SignInDialog dialog(session);
    dialog.show();
    dialog.serverField()->setEditText(server.url().toString());
    // A taken name: said beside the username, in words, never "conflict".
    dialog.createAccountBox()->setChecked(true);
    QTest::keyClicks(dialog.usernameField(), u"bob"_s);
    QTest::keyClicks(dialog.passwordField(), u"correct horse"_s);
    QTest::keyClicks(dialog.confirmField(), u"correct horse"_s);
    okButton(dialog)->click();
    QTRY_VERIFY(okButton(dialog)->isEnabled() && !dialog.statusText().isEmpty()
                && dialog.statusText() != u"Signing in…"_s);
    QCOMPARE(dialog.statusText(), u"That username is taken; choose another one."_s);
    QCOMPARE(dialog.focusWidget(), dialog.usernameField());

    // A wrong password, then the server's rate limit: when to try again, in seconds.
    dialog.createAccountBox()->setChecked(false);
    dialog.passwordField()->setText(u"wrong password"_s);
    okButton(dialog)->click();
    QTRY_COMPARE(dialog.statusText(), u"Wrong username or password."_s);
    dialog.passwordField()->setText(u"still wrong"_s);
    okButton(dialog)->click();
    QTRY_VERIFY(dialog.statusText().startsWith(u"Too many"_s));
    static const QRegularExpression when(u"Try again in \\d+ (seconds?|minutes?)\\.$"_s);
    QVERIFY2(when.match(dialog.statusText()).hasMatch(), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.statusText().contains(u"rate"_s));
    QVERIFY(dialog.result() != QDialog::Accepted);
    SessionCloser closer{{&session, bob.get()}};
}

void TestDesktopEveryday::errorTextNeverShowsACode()
{
    for (int c = int(ErrorCode::BadRequest); c <= int(ErrorCode::Unavailable); ++c) {
        Error error = makeError(ErrorCode(c), u"developer text"_s);
        const QString text = ErrorText::describe(error);
        QVERIFY(text.endsWith(u'.'));
        QVERIFY(text.contains(u' ')); // a sentence
        QVERIFY2(!text.contains(errorCodeName(ErrorCode(c)))
                     || !errorCodeName(ErrorCode(c)).contains(u'_'),
                 qPrintable(text));
        QVERIFY(!text.contains(u"developer text"_s));
    }
    QCOMPARE(ErrorText::tryAgainIn(42'000), u"Try again in 42 seconds."_s);
    QCOMPARE(ErrorText::tryAgainIn(1), u"Try again in 1 second."_s);
    QCOMPARE(ErrorText::tryAgainIn(600'000), u"Try again in 10 minutes."_s);
    QCOMPARE(ErrorText::describe(makeError(ErrorCode::RateLimited, {}, 42'000)),
             u"Too many attempts. Try again in 42 seconds."_s);
}

void TestDesktopEveryday::windowRemembersItsPlace()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    QVERIFY(alice);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    window->resize(1100, 720);
    auto *splitter = window->findChild<QSplitter *>();
    splitter->setSizes({360, 700});
    QTRY_COMPARE(window->size(), QSize(1100, 720));
    const QList<int> sizes = splitter->sizes();
    window->hide(); // what closing to the tray does; the place is saved
    QVERIFY(!m_settings->windowGeometry().isEmpty());
    QVERIFY(!m_settings->splitterState().isEmpty());

    MainWindow *reopened = fixture.showWindow(*alice, *m_settings);
    QVERIFY(reopened);
    QTRY_COMPARE(reopened->size(), QSize(1100, 720));
    QCOMPARE(reopened->findChild<QSplitter *>()->sizes(), sizes);
}

void TestDesktopEveryday::narrowWindowCollapsesTheSidebar()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob Martin"_s);
    QVERIFY(alice);
    QVERIFY(bob);
    QVERIFY(await(alice->createPrivate(bob->currentUser().id)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    auto *state = window->findChild<WindowState *>();
    auto *search = window->findChild<QLineEdit *>(u"conversationSearch"_s);
    QWidget *sidebar = window->findChild<QSplitter *>()->widget(0);
    window->resize(1000, 660);
    QTRY_VERIFY(search->isVisible());
    const int wide = sidebar->width();
    QVERIFY(!state->isSidebarCollapsed());

    window->resize(WindowState::NarrowWidth - 100, 660);
    QTRY_VERIFY(state->isSidebarCollapsed());
    QTRY_COMPARE(sidebar->width(), WindowState::CollapsedSidebarWidth);
    QVERIFY(!search->isVisible());
    // The conversation takes the room the sidebar gave up.
    QWidget *pane = window->findChild<QSplitter *>()->widget(1);
    QTRY_VERIFY(pane->width() >= window->width() - WindowState::CollapsedSidebarWidth - 20);
    // Avatars only: the name is the avatar's tooltip (shown in the active window).
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto *list = window->findChild<QListView *>(u"conversationView"_s);
    const QRect row = list->visualRect(list->model()->index(0, 0));
    const QPoint avatar(list->viewport()->width() / 2, row.center().y());
    QHelpEvent tip(QEvent::ToolTip, avatar, list->viewport()->mapToGlobal(avatar));
    QApplication::sendEvent(list->viewport(), &tip);
    QTRY_COMPARE(QToolTip::text(), u"Bob Martin"_s);
    QToolTip::hideText();
    window->resize(1000, 660);
    QTRY_VERIFY(!state->isSidebarCollapsed());
    QTRY_COMPARE(sidebar->width(), wide);
    QVERIFY(search->isVisible());

    // A window that starts narrow (as it was left) lays its rows out again when widened.
    window->resize(WindowState::NarrowWidth - 100, 660);
    QTRY_VERIFY(state->isSidebarCollapsed());
    window->hide();
    MainWindow *again = fixture.showWindow(*alice, *m_settings);
    QVERIFY(again);
    QTRY_COMPARE(again->account().conversations()->rowCount(), 1);
    QVERIFY(again->findChild<WindowState *>()->isSidebarCollapsed());
    again->resize(1000, 660);
    auto *againList = again->findChild<QListView *>(u"conversationView"_s);
    QTRY_VERIFY(againList->viewport()->width() > 200);
    QTRY_COMPARE(againList->visualRect(againList->model()->index(0, 0)).width(),
                 againList->viewport()->width());
}

void TestDesktopEveryday::escapeAndNewChatFocus()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);

    // From the message list, Escape gives the keyboard back to the composer.
    auto *messages = window->findChild<QListView *>(u"messageView"_s);
    messages->setFocus();
    QTest::keyClick(messages, Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), composerOf(window));

    // The New chat dialog opens with its search box ready; Escape closes it.
    NewChatDialog *dialog = window->showNewChat();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->focusWidget(), dialog->privatePicker()->searchField());
    QPointer<NewChatDialog> guard(dialog);
    QTest::keyClick(dialog->privatePicker()->searchField(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
}

void TestDesktopEveryday::searchMatchesMembers()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob Martin"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice);
    QVERIFY(bob);
    QVERIFY(carol);
    QVERIFY(await(alice->createPrivate(bob->currentUser().id)));
    auto trip = await(alice->createGroup(u"Weekend trip"_s, {carol->currentUser().id}));
    auto book = await(alice->createGroup(u"Book club"_s, {bob->currentUser().id}));
    QVERIFY(trip && book);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_COMPARE(window->account().conversations()->rowCount(), 3);
    auto *search = window->findChild<QLineEdit *>(u"conversationSearch"_s);
    auto *list = window->findChild<QListView *>(u"conversationView"_s);

    search->setFocus();
    QTest::keyClicks(search, u"carol"_s);
    QCOMPARE(visibleNames(list->model()), QStringList{u"Weekend trip"_s});
    search->clear();
    QTest::keyClicks(search, u"MARTIN"_s); // a display name, any case
    QCOMPARE(visibleNames(list->model()), (QStringList{u"Bob Martin"_s, u"Book club"_s}));
    search->clear();
    QTest::keyClicks(search, u"book"_s);
    QCOMPARE(visibleNames(list->model()), QStringList{u"Book club"_s});

    // Enter opens the first result and the composer takes the keyboard.
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window->account().messages()->conversationId(), book->id);
    QCOMPARE(QApplication::focusWidget(), composerOf(window));
    // Down opens it too, and moves into the list.
    search->setFocus();
    search->setText(u"carol"_s);
    QTest::keyClick(search, Qt::Key_Down);
    QCOMPARE(window->account().messages()->conversationId(), trip->id);
    QCOMPARE(QApplication::focusWidget(), list);
    // Escape clears the search (and the list shows everything again).
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QCOMPARE(list->model()->rowCount(), 3);

    // The quick switcher (Ctrl+K) matches the same way.
    QuickSwitcher *switcher = window->showQuickSwitcher();
    QTest::keyClicks(switcher->findChild<QLineEdit *>(), u"carol"_s);
    QCOMPARE(visibleNames(switcher->findChild<QListView *>()->model()),
             QStringList{u"Weekend trip"_s});
    switcher->reject();
}

void TestDesktopEveryday::avatarInitials()
{
    QCOMPARE(Avatar::initials(u"Bob Martin"_s), u"BM"_s);
    QCOMPARE(Avatar::initials(u"Peer 01"_s), u"P"_s);
    QCOMPARE(Avatar::initials(u"alice"_s), u"A"_s);
    QCOMPARE(Avatar::initials(u"  mary   ann  smith "_s), u"MA"_s);
    QCOMPARE(Avatar::initials(u"01 Peer Group"_s), u"PG"_s);
    QCOMPARE(Avatar::initials(u"(Team) Alpha"_s), u"A"_s);
    QCOMPARE(Avatar::initials(u"张伟"_s), u"张"_s);
    QCOMPARE(Avatar::initials(u"山田 太郎"_s), u"山"_s);
    QCOMPARE(Avatar::initials(u"김민수"_s), u"김"_s);
    QCOMPARE(Avatar::initials(u"émile zola"_s), u"ÉZ"_s);
    QCOMPARE(Avatar::initials(u"𝒜lpha beta"_s), u"𝒜B"_s); // a letter outside the BMP
    QCOMPARE(Avatar::initials(u"42"_s), u"?"_s);
    QCOMPARE(Avatar::initials({}), u"?"_s);
    QCOMPARE(Avatar::color(u"Bob"_s), Avatar::color(u"Bob"_s));
}

// Files wait in the strip with a thumbnail or an icon, their name and size; one is
// removed; the composer's text goes with them as the caption when Enter is pressed. Another
// conversation has its own strip.
void TestDesktopEveryday::previewStripSendsWithCaption()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s);
    QVERIFY(alice && bob && carol);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    auto other = await(alice->createPrivate(carol->currentUser().id));
    QVERIFY(chat && other);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id, 2);
    QVERIFY(window);
    auto *strip = window->findChild<AttachmentStrip *>(u"attachmentStrip"_s);
    Composer *composer = composerOf(window);
    QVERIFY(!strip->isVisible());

    const QString photo = m_dir.filePath(u"lake.png"_s);
    QVERIFY(landscape(800, 600).save(photo));
    const QString notes = m_dir.filePath(u"notes.txt"_s);
    const QString spare = m_dir.filePath(u"spare.txt"_s);
    QVERIFY(writeFile(notes, QByteArray(2048, 'n')));
    QVERIFY(writeFile(spare, "spare"));
    window->setOpenFilesChooser([&] { return QStringList{photo, notes, spare}; });
    QTest::mouseClick(window->findChild<QToolButton *>(u"attachButton"_s), Qt::LeftButton);
    QVERIFY(strip->isVisible());
    QCOMPARE(strip->findChildren<QLabel *>(u"attachmentName"_s).size(), 3);
    QStringList sizes;
    for (QLabel *size : strip->findChildren<QLabel *>(u"attachmentSize"_s))
        sizes.append(size->text());
    QVERIFY2(sizes.contains(AttachmentStrip::sizeText(2048)), qPrintable(sizes.join(u", ")));
    QCOMPARE(composer->placeholderText(), u"Add a caption…"_s);

    // Remove the spare one.
    const QList<QToolButton *> removes = strip->findChildren<QToolButton *>(u"removeAttachment"_s);
    QCOMPARE(removes.size(), 3);
    removes.at(2)->click();
    QCOMPARE(strip->items().size(), 2);
    QCOMPARE(strip->items().at(1).name, u"notes.txt"_s);

    // Carol's chat has nothing waiting; back in Bob's, the two are still there.
    window->openConversation(other->id);
    QVERIFY(!strip->isVisible());
    window->openConversation(chat->id);
    QCOMPARE(strip->items().size(), 2);

    QSignalSpy received(bob, &ClientSession::messageReceived);
    QTest::keyClicks(composer, u"the lake, and my notes"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QVERIFY(!strip->isVisible());
    QVERIFY(composer->toPlainText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, 15'000);
    QHash<QString, Message> byName;
    for (const QList<QVariant> &args : std::as_const(received))
        byName.insert(args.first().value<Message>().attachment.name, args.first().value<Message>());
    QCOMPARE(byName.value(u"lake.png"_s).type, MessageType::Image);
    QCOMPARE(byName.value(u"lake.png"_s).content, u"the lake, and my notes"_s);
    QCOMPARE(byName.value(u"notes.txt"_s).content, QString()); // one caption, not two
    QVERIFY(!byName.contains(u"spare.txt"_s));

    // A pasted image waits too, and Enter with no text sends it without a caption.
    QGuiApplication::clipboard()->setImage(landscape(320, 200));
    composer->setFocus();
    composer->paste();
    QCOMPARE(strip->items().size(), 1);
    QCOMPARE(strip->findChild<QLabel *>(u"attachmentSize"_s)->text(), u"320 × 200"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 3);
    QCOMPARE(received.last().first().value<Message>().type, MessageType::Image);
    QVERIFY(received.last().first().value<Message>().content.isEmpty());

    // A file that vanished before Enter cannot go; its caption is not lost with it.
    const QString gone = m_dir.filePath(u"gone.txt"_s);
    QVERIFY(writeFile(gone, "soon gone"));
    window->stageFiles({gone});
    QVERIFY(QFile::remove(gone));
    QTest::keyClicks(composer, u"the words still go"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 4);
    QCOMPARE(received.last().first().value<Message>().type, MessageType::Text);
    QCOMPARE(received.last().first().value<Message>().content, u"the words still go"_s);
}

// "Download" puts the file in the Downloads folder; a name already there gets a numbered
// copy, and what was there is left alone.
void TestDesktopEveryday::downloadsNeverOverwrite()
{
    const QString dir = m_dir.filePath(u"free"_s);
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(FileTransfers::freePath(dir, u"report.pdf"_s), dir + u"/report.pdf"_s);
    QVERIFY(writeFile(dir + u"/report.pdf"_s, "x"));
    QVERIFY(writeFile(dir + u"/report (1).pdf.part"_s, "x")); // a download on its way
    QCOMPARE(FileTransfers::freePath(dir, u"report.pdf"_s), dir + u"/report (2).pdf"_s);
    QVERIFY(writeFile(dir + u"/README"_s, "x"));
    QCOMPARE(FileTransfers::freePath(dir, u"README"_s), dir + u"/README (1)"_s);
    QVERIFY(writeFile(dir + u"/photos.tar.gz"_s, "x"));
    QCOMPARE(FileTransfers::freePath(dir, u"photos.tar.gz"_s), dir + u"/photos (1).tar.gz"_s);

    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    const QString source = m_dir.filePath(u"report.pdf"_s);
    QVERIFY(writeRandomFile(source, 40 * 1024, 7));
    QVERIFY(await(alice->sendMessage(chat->id, u"before"_s)));
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(bobWindow);
    const QString downloads = m_dir.filePath(u"Downloads"_s);
    QVERIFY(QDir().mkpath(downloads));
    QVERIFY(writeFile(downloads + u"/report.pdf"_s, "mine, not the chat's"));
    bobWindow->account().files()->setDownloadDir(downloads);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    bobWindow->openConversation(chat->id);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    QVERIFY(window->attachFiles({source}));
    MessageListModel *model = bobWindow->account().messages();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 15'000);
    const QModelIndex file = model->index(1);
    QTRY_VERIFY(!file.data(MessageListModel::AttachmentRole).value<Attachment>().fileId.isEmpty());

    bobWindow->triggerAttachment(file, AttachmentBubble::Action::Download);
    QTRY_COMPARE(model->index(1).data(MessageListModel::LocalFileRole).toString(),
                 downloads + u"/report (1).pdf"_s);
    QTRY_COMPARE(sha256OfFile(downloads + u"/report (1).pdf"_s), sha256OfFile(source));
    QCOMPARE(readFile(downloads + u"/report.pdf"_s), QByteArray("mine, not the chat's"));
    QVERIFY(!QFileInfo::exists(
        bobWindow->account().files()->cacheDir() + u"/"_s
        + file.data(MessageListModel::AttachmentRole).value<Attachment>().fileId));

    QUrl shown;
    bobWindow->setUrlOpener([&](const QUrl &url) {
        shown = url;
        return true;
    });
    bobWindow->triggerAttachment(model->index(1), AttachmentBubble::Action::ShowInFolder);
    QCOMPARE(shown, QUrl::fromLocalFile(downloads));
}

void TestDesktopEveryday::retryNowReconnects()
{
    // The desktop waits at most a few seconds between attempts, as suits a LAN.
    QVERIFY(AppSettings::sessionOptions().reconnectMaxMs <= 5000);
    QVERIFY(!AppSettings::sessionOptions().trustOnFirstUse);

    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    QVERIFY(alice);
    // So long a backoff that only the button can bring the connection back within the test.
    ClientSession::Options options = alice->options();
    options.reconnectBaseMs = options.reconnectMaxMs = 600'000;
    alice->setOptions(options);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    auto *retry = window->findChild<QPushButton *>(u"retryNow"_s);
    QVERIFY(!retry->isVisible());

    fixture.server().stop();
    QTRY_COMPARE(alice->state(), ClientSession::State::Reconnecting);
    QVERIFY(retry->isVisible());
    QVERIFY(fixture.server().restart());
    QCOMPARE(alice->state(), ClientSession::State::Reconnecting);
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(alice->isReady(), 5000);
    QVERIFY(!retry->isVisible());
}

// Someone edits, reacts to and deletes a message from another client: the open conversation
// shows the message's new state in its row, the change events read as quiet lines, and the
// conversation list never shows a change event as the last message.
void TestDesktopEveryday::changesToMessagesShowWhereTheyAre()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    auto typo = await(bob->sendMessage(chat->id, u"see you at tne"_s));
    QVERIFY(typo);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *messages = window->account().messages();
    const auto rowOf = [&](const QUuid &id) {
        for (int row = 0; row < messages->rowCount(); ++row) {
            if (messages->index(row).data(MessageListModel::IdRole).toUuid() == id)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(rowOf(typo->id) >= 0);
    const auto contentOf = [&](const QUuid &id) {
        return messages->index(rowOf(id)).data(MessageListModel::ContentRole).toString();
    };

    QVERIFY(await(bob->editMessage(chat->id, typo->id, u"see you at ten"_s)));
    QTRY_COMPARE(contentOf(typo->id), u"see you at ten"_s);
    QCOMPARE(
        messages->index(messages->rowCount() - 1).data(MessageListModel::SystemTextRole).toString(),
        u"Bob edited a message"_s);
    ConversationListModel *list = window->account().conversations();
    QCOMPARE(list->index(0).data(ConversationListModel::PreviewRole).toString(),
             u"see you at ten"_s);

    QVERIFY(await(bob->deleteMessage(chat->id, typo->id)));
    QTRY_VERIFY(contentOf(typo->id).isEmpty());
    QTRY_VERIFY(
        !list->index(0).data(ConversationListModel::PreviewRole).toString().contains(u"see you"_s));
}

QTEST_MAIN(TestDesktopEveryday)
#include "tst_desktopeveryday.moc"
