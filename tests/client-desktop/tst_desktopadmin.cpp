// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's desktop admin page against a real banterd: only server admins see it; accounts
// page by page; disable and enable (the disabled user's live session is closed), admin rights,
// password reset (the new password signs in, the old does not), sessions listed and ended;
// refusals and a lost connection told in words with the page still usable.
#include "core/adminprobe.h"
#include "core/adminusersmodel.h"
#include "core/appsettings.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "ui/adminpage.h"
#include "ui/adminsessionsdialog.h"
#include "ui/mainwindow.h"
#include "ui/resetpassworddialog.h"
#include <banter/client/clientsession.h>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// A fresh connection signing in as `username` over a real socket: Done, or the refusal.
Result<Done> signIn(const QUrl &url, const QString &username, const QString &password)
{
    ClientSession session;
    SessionCloser closer{{&session}};
    session.connectToServer(url);
    if (!waitFor([&session] { return session.state() == ClientSession::State::Connected; }, 10'000,
                 "a connection"))
        return makeError(ErrorCode::Unavailable, u"no connection"_s);
    auto login = await(session.login(username, password, u"check"_s));
    if (!login)
        return login.error();
    return Done{};
}

template<typename T>
T *child(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

// Every question answered yes, and remembered.
struct YesToAll
{
    QStringList questions;
    Confirmer confirmer()
    {
        return [this](const QString &, const QString &question) {
            questions.append(question);
            return true;
        };
    }
};
} // namespace

class TestDesktopAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adminSeesThePageAndPagesThroughAccounts();
    void disableClosesTheSessionAndEnableLetsBackIn();
    void grantAndTakeAdminRights();
    void resetPasswordShowsItOnce();
    void listAndEndSessions();
    void nonAdminNeverSeesIt();
    void refusalsAndLostConnectionLeaveThePageUsable();

private:
    // alice (a server admin) and her window with the admin page open; nullptr on failure.
    AdminPage *openAdminPage(DesktopFixture &fixture, AppSettings &settings,
                             const QStringList &others = {});

    QTemporaryDir m_dir;
    ClientSession *m_alice = nullptr;
    MainWindow *m_window = nullptr;
};

void TestDesktopAdmin::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

AdminPage *TestDesktopAdmin::openAdminPage(DesktopFixture &fixture, AppSettings &settings,
                                           const QStringList &others)
{
    if (!fixture.start())
        return nullptr;
    m_alice = fixture.signUp(u"alice"_s);
    if (!m_alice || !fixture.server().setServerAdmin(m_alice->currentUser().id, true))
        return nullptr;
    for (const QString &name : others) {
        if (!fixture.signUp(name))
            return nullptr;
    }
    m_window = fixture.showWindow(*m_alice, settings);
    if (!m_window
        || !waitFor([this] { return m_window->adminProbe()->hasAnswer(); }, 10'000, "the probe"))
        return nullptr;
    auto *action = child<QAction>(m_window, u"adminAction"_s);
    if (!action || !action->isVisible())
        return nullptr;
    action->trigger();
    auto *page = child<AdminPage>(m_window, u"adminPage"_s);
    if (!page
        || !waitFor([page, &others] { return page->users()->rowCount() == others.size() + 1; },
                    10'000, "the accounts"))
        return nullptr;
    return page;
}

void TestDesktopAdmin::adminSeesThePageAndPagesThroughAccounts()
{
    AppSettings settings(m_dir.filePath(u"paging.conf"_s));
    DesktopFixture fixture;
    const QStringList others{u"bob"_s, u"carl"_s, u"dave"_s, u"erin"_s, u"frank"_s, u"gina"_s};
    AdminPage *page = openAdminPage(fixture, settings, others);
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QCOMPARE(m_window->showAdminPage(), page); // one page at a time

    // Pages of three: seven accounts take three pages, and nothing loads until asked.
    page->users()->setPageSize(3);
    page->users()->reload();
    auto *more = child<QPushButton>(page, u"adminLoadMoreButton"_s);
    auto *count = child<QLabel>(page, u"adminCount"_s);
    QTRY_VERIFY(more->isEnabled());
    QCOMPARE(page->users()->rowCount(), 3);
    QCOMPARE(count->text(), u"3 account(s) loaded; there are more."_s);
    more->click();
    QTRY_COMPARE(page->users()->rowCount(), 6);
    QTRY_VERIFY(more->isEnabled());
    more->click();
    QTRY_COMPARE(page->users()->rowCount(), 7);
    QTRY_VERIFY(!page->users()->isLoading());
    QVERIFY(!more->isEnabled());
    QCOMPARE(count->text(), u"7 account(s)."_s);
    QStringList names;
    for (int row = 0; row < page->users()->rowCount(); ++row)
        names.append(page->users()->account(row)->user.username);
    QCOMPARE(names,
             QStringList(
                 {u"alice"_s, u"bob"_s, u"carl"_s, u"dave"_s, u"erin"_s, u"frank"_s, u"gina"_s}));
    const QModelIndex aliceAdmin = page->users()->index(0, AdminUsersModel::AdminColumn);
    QCOMPARE(aliceAdmin.data().toString(), u"Admin"_s);
    QCOMPARE(page->users()->index(1, AdminUsersModel::AdminColumn).data().toString(), QString());
    QCOMPARE(page->users()->index(1, AdminUsersModel::DisplayNameColumn).data().toString(),
             u"BOB"_s);

    // Everyone here is connected: "Online now" instead of a date.
    QCOMPARE(page->users()->index(0, AdminUsersModel::LastSeenColumn).data().toString(),
             u"Online now"_s);

    // The filter asks the server after a pause in typing: it finds accounts that were not
    // loaded (one page of three holds alice, bob and carl; gina is on the third).
    page->users()->reload();
    QTRY_COMPARE(page->users()->rowCount(), 3);
    QTRY_VERIFY(!page->users()->isLoading());
    auto *table = child<QTableView>(page, u"adminUserTable"_s);
    auto *filter = child<QLineEdit>(page, u"adminFilter"_s);
    QTest::keyClicks(filter, u"GI"_s);
    QCOMPARE(page->users()->query(), QString()); // not yet: typing goes on
    QTRY_COMPARE(page->users()->query(), u"GI"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(page->users()->account(0)->user.username, u"gina"_s);
    QVERIFY(!more->isEnabled());
    filter->clear();
    QTest::keyClicks(filter, u"car"_s);
    QTest::keyClick(filter, Qt::Key_Return); // Enter asks at once
    QCOMPARE(page->users()->query(), u"car"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(page->selectUser(u"carl"_s));
    QVERIFY(!page->selectUser(u"bob"_s)); // not a match
    QCOMPARE(page->selectedUsername(), u"carl"_s);

    // Your own row: no disabling, demoting or resetting yourself from here.
    page->users()->setPageSize(50);
    filter->clear();
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(page->users()->rowCount(), 7);
    // Every column but the last shows all of what it holds: no "7 Dec …", no date on two lines.
    for (int column = 0; column + 1 < AdminUsersModel::ColumnCount; ++column) {
        for (int row = 0; row < 7; ++row) {
            const QString text = page->users()->index(row, column).data().toString();
            QVERIFY2(table->fontMetrics().horizontalAdvance(text) < table->columnWidth(column),
                     qPrintable(u"%1 in column %2"_s.arg(text).arg(column)));
        }
    }
    QVERIFY(page->selectUser(u"alice"_s));
    QVERIFY(!child<QPushButton>(page, u"adminDisableButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(page, u"adminAdminButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(page, u"adminResetButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(page, u"adminSessionsButton"_s)->isEnabled());
    QVERIFY(page->selectUser(u"bob"_s));
    QVERIFY(child<QPushButton>(page, u"adminDisableButton"_s)->isEnabled());
    for (const char *name : {"adminFilter", "adminUserTable"})
        QVERIFY(!page->findChild<QWidget *>(QLatin1String(name))->accessibleName().isEmpty());

    // The language changes while the window is open: it words itself again.
    QTranslator chinese;
    QVERIFY(chinese.load(u"banter_zh_CN"_s, QStringLiteral(BANTER_QM_DIR)));
    QCoreApplication::installTranslator(&chinese);
    QTRY_COMPARE(child<QPushButton>(page, u"adminReloadButton"_s)->text(), u"重新加载"_s);
    QCOMPARE(child<QPushButton>(page, u"adminDisableButton"_s)->text(), u"停用"_s);
    QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), u"用户名"_s);
    QCOMPARE(count->text(), u"7 个账户。"_s);
    QCoreApplication::removeTranslator(&chinese);
    QTRY_COMPARE(child<QPushButton>(page, u"adminReloadButton"_s)->text(), u"Reload"_s);
}

void TestDesktopAdmin::disableClosesTheSessionAndEnableLetsBackIn()
{
    AppSettings settings(m_dir.filePath(u"disable.conf"_s));
    DesktopFixture fixture;
    AdminPage *page = openAdminPage(fixture, settings, {u"bob"_s});
    QVERIFY(page);
    ClientSession bob;
    SessionCloser closer{{&bob}};
    bob.connectToServer(fixture.server().url());
    QTRY_COMPARE(bob.state(), ClientSession::State::Connected);
    QVERIFY(await(bob.login(u"bob"_s, u"correct horse"_s, u"laptop"_s)));
    QSignalSpy revoked(&bob, &ClientSession::sessionRevoked);

    auto *disable = child<QPushButton>(page, u"adminDisableButton"_s);
    auto *result = child<QLabel>(page, u"adminResult"_s);
    QVERIFY(page->selectUser(u"bob"_s));
    QCOMPARE(disable->text(), u"Disable"_s);

    // Declined: nothing is sent (the server still has bob enabled after a round trip).
    page->setConfirmer([](const QString &, const QString &) { return false; });
    disable->click();
    const auto listed = await(m_alice->adminUsers({}));
    QVERIFY(listed);
    QCOMPARE(listed->users.at(1).user.username, u"bob"_s);
    QVERIFY(!listed->users.at(1).disabled);
    QCOMPARE(revoked.count(), 0);

    YesToAll yes;
    page->setConfirmer(yes.confirmer());
    disable->click();
    QVERIFY(!disable->isEnabled()); // in flight: no second click
    QVERIFY(!child<QPushButton>(page, u"adminAdminButton"_s)->isEnabled());
    QCOMPARE(yes.questions.size(), 1);
    QVERIFY(yes.questions.first().contains(u"Disable bob?"_s));
    QTRY_COMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().first().toString(), u"account_disabled"_s);
    QTRY_COMPARE(bob.state(), ClientSession::State::Disconnected); // the server closed it
    QTRY_VERIFY(page->users()->account(1)->disabled);
    QCOMPARE(result->text(), u"bob is disabled and was signed out everywhere."_s);
    QVERIFY(page->users()
                ->index(1, AdminUsersModel::DisabledColumn)
                .data()
                .toString()
                .startsWith(u"Disabled since"_s));
    QVERIFY(disable->isEnabled());
    QCOMPARE(disable->text(), u"Enable"_s);
    QCOMPARE(signIn(fixture.server().url(), u"bob"_s, u"correct horse"_s).error().code,
             ErrorCode::Forbidden);

    disable->click();
    QTRY_VERIFY(!page->users()->account(1)->disabled);
    QCOMPARE(result->text(), u"bob is enabled again."_s);
    QCOMPARE(disable->text(), u"Disable"_s);
    QVERIFY(signIn(fixture.server().url(), u"bob"_s, u"correct horse"_s));
}

void TestDesktopAdmin::grantAndTakeAdminRights()
{
    AppSettings settings(m_dir.filePath(u"grant.conf"_s));
    DesktopFixture fixture;
    AdminPage *page = openAdminPage(fixture, settings, {u"bob"_s});
    QVERIFY(page);
    YesToAll yes;
    page->setConfirmer(yes.confirmer());
    auto *admin = child<QPushButton>(page, u"adminAdminButton"_s);
    QVERIFY(page->selectUser(u"bob"_s));
    QCOMPARE(admin->text(), u"Make admin"_s);
    admin->click();
    QTRY_VERIFY(page->users()->account(1)->admin);
    QCOMPARE(admin->text(), u"Remove admin"_s);
    ClientSession bob;
    SessionCloser closer{{&bob}};
    bob.connectToServer(fixture.server().url());
    QTRY_COMPARE(bob.state(), ClientSession::State::Connected);
    QVERIFY(await(bob.login(u"bob"_s, u"correct horse"_s, u"laptop"_s)));
    QVERIFY(await(bob.adminUsers({}))); // the server agrees
    admin->click();
    QTRY_VERIFY(!page->users()->account(1)->admin);
    QCOMPARE(child<QLabel>(page, u"adminResult"_s)->text(), u"bob is no longer a server admin."_s);
    QCOMPARE(await(bob.adminUsers({})).error().code, ErrorCode::Forbidden);
    QCOMPARE(yes.questions.size(), 2);
}

void TestDesktopAdmin::resetPasswordShowsItOnce()
{
    AppSettings settings(m_dir.filePath(u"reset.conf"_s));
    DesktopFixture fixture;
    AdminPage *page = openAdminPage(fixture, settings, {u"bob"_s});
    QVERIFY(page);
    ClientSession bob;
    SessionCloser closer{{&bob}};
    bob.connectToServer(fixture.server().url());
    QTRY_COMPARE(bob.state(), ClientSession::State::Connected);
    QVERIFY(await(bob.login(u"bob"_s, u"correct horse"_s, u"laptop"_s)));
    QSignalSpy revoked(&bob, &ClientSession::sessionRevoked);

    QVERIFY(page->selectUser(u"bob"_s));
    child<QPushButton>(page, u"adminResetButton"_s)->click();
    auto *dialog = page->findChild<ResetPasswordDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *typed = child<QLineEdit>(dialog, u"resetPasswordField"_s);
    auto *reset = child<QPushButton>(dialog, u"resetPasswordButton"_s);
    auto *error = child<QLabel>(dialog, u"resetPasswordResult"_s);
    // Too short: said at once, nothing sent.
    typed->setText(u"short"_s);
    reset->click();
    QCOMPARE(error->text(), u"A password needs at least 8 characters."_s);
    QVERIFY(dialog->newPassword().isEmpty());
    QCOMPARE(revoked.count(), 0);
    // Empty: the server makes a one-time password.
    typed->clear();
    reset->click();
    QVERIFY(!reset->isEnabled());
    QTRY_VERIFY(!dialog->newPassword().isEmpty());
    const QString password = dialog->newPassword();
    // 20 characters in groups of five (abcde.fghjk.…), as the server makes them.
    QVERIFY2(QRegularExpression(u"^[^.]{5}(\\.[^.]{5}){3}$"_s).match(password).hasMatch(),
             qPrintable(password));
    QVERIFY(child<QLineEdit>(dialog, u"newPasswordField"_s)->isVisible());
    child<QPushButton>(dialog, u"copyPasswordButton"_s)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), password);
    QTRY_COMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().first().toString(), u"password_reset"_s);
    QCOMPARE(child<QLabel>(page, u"adminResult"_s)->text(),
             u"The password of bob was reset; they were signed out."_s);
    QCOMPARE(signIn(fixture.server().url(), u"bob"_s, u"correct horse"_s).error().code,
             ErrorCode::InvalidCredentials);
    QVERIFY(signIn(fixture.server().url(), u"bob"_s, password));
    const QPointer<ResetPasswordDialog> first(dialog);
    dialog->close();
    QTRY_VERIFY(!first); // closing deletes it

    // A password the admin types in.
    child<QPushButton>(page, u"adminResetButton"_s)->click();
    dialog = page->findChild<ResetPasswordDialog *>();
    QVERIFY(dialog);
    child<QLineEdit>(dialog, u"resetPasswordField"_s)->setText(u"battery staple"_s);
    child<QPushButton>(dialog, u"resetPasswordButton"_s)->click();
    QTRY_COMPARE(dialog->newPassword(), u"battery staple"_s);
    QVERIFY(signIn(fixture.server().url(), u"bob"_s, u"battery staple"_s));
    QCOMPARE(signIn(fixture.server().url(), u"bob"_s, password).error().code,
             ErrorCode::InvalidCredentials);
    dialog->close();
}

void TestDesktopAdmin::listAndEndSessions()
{
    AppSettings settings(m_dir.filePath(u"sessions.conf"_s));
    DesktopFixture fixture;
    AdminPage *page = openAdminPage(fixture, settings, {u"bob"_s});
    QVERIFY(page);
    // bob's sign-up session ("test", closed with the fixture's client) plus two more.
    ClientSession phone, laptop;
    SessionCloser closer{{&phone, &laptop}};
    for (ClientSession *s : {&phone, &laptop}) {
        s->connectToServer(fixture.server().url());
        QTRY_COMPARE(s->state(), ClientSession::State::Connected);
    }
    QVERIFY(await(phone.login(u"bob"_s, u"correct horse"_s, u"phone"_s)));
    QVERIFY(await(laptop.login(u"bob"_s, u"correct horse"_s, u"laptop"_s)));
    QSignalSpy phoneRevoked(&phone, &ClientSession::sessionRevoked);
    QSignalSpy laptopRevoked(&laptop, &ClientSession::sessionRevoked);
    YesToAll yes;
    page->setConfirmer(yes.confirmer());

    QVERIFY(page->selectUser(u"bob"_s));
    child<QPushButton>(page, u"adminSessionsButton"_s)->click();
    auto *dialog = page->findChild<AdminSessionsDialog *>();
    QVERIFY(dialog);
    auto *list = child<QTreeWidget>(dialog, u"adminSessionList"_s);
    auto *revoke = child<QPushButton>(dialog, u"adminRevokeSessionButton"_s);
    auto *revokeAll = child<QPushButton>(dialog, u"adminRevokeAllButton"_s);
    auto *result = child<QLabel>(dialog, u"adminSessionsResult"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 3);
    QVERIFY(!revoke->isEnabled()); // nothing selected
    QTreeWidgetItem *phoneItem = list->findItems(u"phone"_s, Qt::MatchExactly).value(0);
    QVERIFY(phoneItem);
    QVERIFY(!phoneItem->text(1).isEmpty()); // signed in at
    list->setCurrentItem(phoneItem);
    QVERIFY(revoke->isEnabled());
    revoke->click();
    QVERIFY(!revoke->isEnabled());
    QTRY_COMPARE(phoneRevoked.count(), 1);
    QCOMPARE(phoneRevoked.first().first().toString(), u"revoked"_s);
    QTRY_COMPARE(phone.state(), ClientSession::State::Disconnected);
    QTRY_COMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(result->text(), u"1 session(s) signed out."_s);
    QVERIFY(yes.questions.last().contains(u"“phone”"_s));
    QCOMPARE(laptopRevoked.count(), 0);
    QVERIFY(laptop.state() != ClientSession::State::Disconnected); // only the phone went

    // A session that ended meanwhile: not found, said in words, the list as it now is.
    QTreeWidgetItem *laptopItem = list->findItems(u"laptop"_s, Qt::MatchExactly).value(0);
    QVERIFY(laptopItem);
    list->setCurrentItem(laptopItem);
    QVERIFY(await(laptop.logout()));
    revoke->click();
    QTRY_COMPARE(result->text(),
                 u"Could not sign out: That no longer exists, or you cannot see it."_s);
    QTRY_COMPARE(list->topLevelItemCount(), 1);

    revokeAll->click();
    QVERIFY(yes.questions.last().contains(u"every device"_s));
    QTRY_COMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(result->text(), u"1 session(s) signed out."_s);
    QVERIFY(!revokeAll->isEnabled());
    QVERIFY(signIn(fixture.server().url(), u"bob"_s, u"correct horse"_s)); // not disabled
}

void TestDesktopAdmin::nonAdminNeverSeesIt()
{
    AppSettings settings(m_dir.filePath(u"plain.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *eve = fixture.signUp(u"eve"_s);
    QVERIFY(eve);
    MainWindow *window = fixture.showWindow(*eve, settings);
    QVERIFY(window);
    QTRY_VERIFY(window->adminProbe()->hasAnswer());
    QVERIFY(!window->adminProbe()->isAdmin());
    auto *action = child<QAction>(window, u"adminAction"_s);
    QVERIFY(action);
    QVERIFY(!action->isVisible());
    // A forged request is refused by the server, and a page forced open says so.
    QCOMPARE(await(eve->adminUsers({})).error().code, ErrorCode::Forbidden);
    QCOMPARE(await(eve->adminSetDisabled(u"eve"_s, true)).error().code, ErrorCode::Forbidden);
    AdminPage forced(*eve);
    QSignalSpy forbidden(&forced, &AdminPage::forbidden);
    QTRY_COMPARE(forbidden.count(), 1);
    QCOMPARE(forced.findChild<QLabel *>(u"adminResult"_s)->text(),
             u"Could not list the accounts: You are not allowed to do that."_s);
    QCOMPARE(forced.users()->rowCount(), 0);
    QVERIFY(forced.findChild<QPushButton *>(u"adminReloadButton"_s)->isEnabled());

    // Made an admin while signed in: the next sign-in shows the entry.
    QVERIFY(fixture.server().setServerAdmin(eve->currentUser().id, true));
    window->adminProbe()->check();
    QTRY_VERIFY(action->isVisible());
}

void TestDesktopAdmin::refusalsAndLostConnectionLeaveThePageUsable()
{
    AppSettings settings(m_dir.filePath(u"errors.conf"_s));
    DesktopFixture fixture;
    AdminPage *page = openAdminPage(fixture, settings, {u"bob"_s});
    QVERIFY(page);
    YesToAll yes;
    page->setConfirmer(yes.confirmer());
    auto *disable = child<QPushButton>(page, u"adminDisableButton"_s);
    auto *result = child<QLabel>(page, u"adminResult"_s);
    auto *action = child<QAction>(m_window, u"adminAction"_s);
    QVERIFY(page->selectUser(u"bob"_s));

    // The rights were taken away (`banterd user set-admin alice off`): refused, said, and the
    // menu entry goes.
    QVERIFY(fixture.server().setServerAdmin(m_alice->currentUser().id, false));
    disable->click();
    QTRY_COMPARE(result->text(), u"Could not change bob: You are not allowed to do that."_s);
    QVERIFY(!page->users()->account(1)->disabled);
    QVERIFY(disable->isEnabled());
    QTRY_VERIFY(!action->isVisible());

    // The connection is gone: said, and the buttons work again.
    QVERIFY(fixture.server().setServerAdmin(m_alice->currentUser().id, true));
    fixture.server().stop();
    QTRY_VERIFY(!m_alice->isReady());
    child<QPushButton>(page, u"adminAdminButton"_s)->click();
    QTRY_COMPARE(result->text(),
                 u"Could not change bob: The server cannot be reached right now. Try again "
                 "later."_s);
    QVERIFY(child<QPushButton>(page, u"adminAdminButton"_s)->isEnabled());
    child<QPushButton>(page, u"adminReloadButton"_s)->click();
    QTRY_VERIFY(result->text().startsWith(u"Could not list the accounts: "_s));
    QVERIFY(child<QPushButton>(page, u"adminReloadButton"_s)->isEnabled());
}

QTEST_MAIN(TestDesktopAdmin)
#include "tst_desktopadmin.moc"
