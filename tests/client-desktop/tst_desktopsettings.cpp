// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog against a real banterd: changing the password, the list of signed-in
// devices with signing one out, and theme and language applied at once (the Chinese
// catalogue built from translations/banter_zh_CN.ts is compiled into this test).
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "ui/devicespage.h"
#include "ui/mainwindow.h"
#include "ui/passwordpage.h"
#include "ui/profilepage.h"
#include "ui/settingsdialog.h"
#include "ui/uilanguage.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestDesktopSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordAndDevices();
    void themeAndLanguageApplyAtOnce();
    void profileNameReachesPeopleInChats();

private:
    QTemporaryDir m_dir;
};

void TestDesktopSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDesktopSettings::passwordAndDevices()
{
    AppSettings settings(m_dir.filePath(u"devices.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    QVERIFY(alice);
    ClientSession phone;
    SessionCloser closer{{&phone}};
    phone.connectToServer(fixture.server().url());
    QTRY_COMPARE(phone.state(), ClientSession::State::Connected);
    QVERIFY(await(phone.login(u"alice"_s, u"correct horse"_s, u"phone"_s)));
    MainWindow *window = fixture.showWindow(*alice, settings);
    QVERIFY(window);
    SettingsDialog *dialog = window->showSettings();
    auto *devices = dialog->findChild<DevicesPage *>(u"devicesPage"_s);
    auto *list = devices->findChild<QListWidget *>(u"deviceList"_s);
    auto *revoke = devices->findChild<QPushButton *>(u"revokeDeviceButton"_s);
    QTRY_COMPARE(list->count(), 2);
    int phoneRow = -1;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().startsWith(u"phone"_s))
            phoneRow = i;
    }
    QVERIFY(phoneRow >= 0);
    list->setCurrentRow(1 - phoneRow); // this device cannot be signed out from here
    QVERIFY(!revoke->isEnabled());
    QVERIFY(list->item(1 - phoneRow)->text().contains(u"(this device)"_s));
    list->setCurrentRow(phoneRow);
    QVERIFY(revoke->isEnabled());
    QSignalSpy revoked(&phone, &ClientSession::sessionRevoked);
    revoke->click();
    QTRY_COMPARE(revoked.count(), 1);
    QTRY_COMPARE(list->count(), 1);

    // The password: wrong current one, a mismatch, then a change that really happened.
    auto *page = dialog->findChild<PasswordPage *>(u"passwordPage"_s);
    auto field = [page](const QString &name) { return page->findChild<QLineEdit *>(name); };
    auto *result = page->findChild<QLabel *>(u"passwordResult"_s);
    auto *change = page->findChild<QPushButton *>(u"changePasswordButton"_s);
    QVERIFY(!change->isEnabled());
    field(u"oldPassword"_s)->setText(u"not my password"_s);
    field(u"newPassword"_s)->setText(u"battery staple"_s);
    field(u"repeatPassword"_s)->setText(u"battery stapel"_s);
    change->click();
    QCOMPARE(result->text(), u"The new passwords do not match."_s);
    field(u"repeatPassword"_s)->setText(u"battery staple"_s);
    change->click();
    QTRY_COMPARE(result->text(), u"The current password is not right."_s);
    field(u"oldPassword"_s)->setText(u"correct horse"_s);
    change->click();
    QTRY_COMPARE(result->text(), u"Password changed. Your other devices were signed out."_s);
    QVERIFY(field(u"oldPassword"_s)->text().isEmpty());
    ClientSession laptop;
    SessionCloser laptopCloser{{&laptop}};
    laptop.connectToServer(fixture.server().url());
    QTRY_COMPARE(laptop.state(), ClientSession::State::Connected);
    QVERIFY(!await(laptop.login(u"alice"_s, u"correct horse"_s, u"laptop"_s)));
    QVERIFY(await(laptop.login(u"alice"_s, u"battery staple"_s, u"laptop"_s)));
    dialog->reject();
}

void TestDesktopSettings::themeAndLanguageApplyAtOnce()
{
    AppSettings settings(m_dir.filePath(u"language.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    QVERIFY(alice);
    MainWindow *window = fixture.showWindow(*alice, settings);
    QVERIFY(window);
    auto *send = window->findChild<QPushButton *>(u"sendButton"_s);
    auto *status = window->findChild<QToolButton *>(u"statusButton"_s);
    QCOMPARE(send->text(), u"Send"_s);
    QCOMPARE(status->text(), u"Online"_s);

    SettingsDialog *dialog = window->showSettings();
    dialog->themeBox()->setCurrentIndex(
        dialog->themeBox()->findData(int(AppSettings::Theme::Dark)));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"zh_CN"_s));
    dialog->accept();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QTRY_COMPARE(send->text(), u"发送"_s);
    QCOMPARE(status->text(), u"在线"_s);
    QCOMPARE(window->findChild<QTabWidget *>(u"sideTabs"_s)->tabText(0), u"聊天"_s);
    QCOMPARE(settings.language(), u"zh_CN"_s);

    dialog = window->showSettings();
    QCOMPARE(dialog->tabs()->tabText(0), u"常规"_s);
    dialog->themeBox()->setCurrentIndex(
        dialog->themeBox()->findData(int(AppSettings::Theme::Light)));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"en"_s));
    dialog->accept();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QTRY_COMPARE(send->text(), u"Send"_s);
    QCOMPARE(status->text(), u"Online"_s);
}

void TestDesktopSettings::profileNameReachesPeopleInChats()
{
    AppSettings aliceSettings(m_dir.filePath(u"alice-profile.conf"_s));
    AppSettings bobSettings(m_dir.filePath(u"bob-profile.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    MainWindow *aliceWindow = fixture.showWindow(*alice, aliceSettings);
    MainWindow *bobWindow = fixture.showWindow(*bob, bobSettings);
    QVERIFY(aliceWindow && bobWindow);
    ConversationListModel *bobsList = bobWindow->account().conversations();
    QTRY_COMPARE(bobsList->rowCount(), 1);
    QCOMPARE(bobsList->index(0).data(ConversationListModel::NameRole).toString(), u"Alice"_s);

    SettingsDialog *dialog = aliceWindow->showSettings();
    auto *page = dialog->findChild<ProfilePage *>(u"profilePage"_s);
    QVERIFY(page);
    auto *name = page->findChild<QLineEdit *>(u"profileDisplayName"_s);
    QCOMPARE(name->text(), u"Alice"_s);
    name->setText(QString(70, u'x')); // the field stops at the limit
    QCOMPARE(name->text().size(), UserRules::MaxDisplayNameLength);
    name->setText(u"  Alice Martin "_s);
    page->findChild<QPushButton *>(u"saveProfileButton"_s)->click();
    QTRY_COMPARE(page->findChild<QLabel *>(u"profileResult"_s)->text(),
                 u"Saved. People you chat with see the new name."_s);
    QCOMPARE(alice->currentUser().displayName, u"Alice Martin"_s);
    QCOMPARE(aliceWindow->findChild<QLabel *>(u"accountName"_s)->text(), u"Alice Martin"_s);
    // Bob's window follows the push.
    QTRY_COMPARE(bobsList->index(0).data(ConversationListModel::NameRole).toString(),
                 u"Alice Martin"_s);
    dialog->reject();
}

QTEST_MAIN(TestDesktopSettings)
#include "tst_desktopsettings.moc"
