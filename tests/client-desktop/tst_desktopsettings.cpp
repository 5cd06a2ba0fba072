// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog against a real banterd: changing the password, the list of signed-in
// devices with signing one out, and theme and language applied at once (the Chinese
// catalogue built from translations/banter_zh_CN.ts is compiled into this test).
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/avatarbook.h"
#include "core/conversationlistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testimages.h"
#include "ui/adminpage.h"
#include "ui/avatar.h"
#include "ui/devicespage.h"
#include "ui/mainwindow.h"
#include "ui/newchatdialog.h"
#include "ui/passwordpage.h"
#include "ui/profilepage.h"
#include "ui/searchpanel.h"
#include "ui/settingsdialog.h"
#include "ui/uilanguage.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// A pixel inside the first row's avatar circle, left of where initials are drawn (the
// conversation delegate's 10-pixel padding, 40-pixel avatar).
QRgb avatarPixel(QListView &list)
{
    const QImage shot = list.viewport()->grab().toImage();
    const QRect row = list.visualRect(list.model()->index(0, 0));
    const qreal ratio = shot.devicePixelRatio();
    return shot.pixel(
        QPoint(int((row.left() + 10 + 6) * ratio), int((row.top() + 10 + 20) * ratio)));
}
} // namespace

namespace {
// Every word a person reads in `root` (labels, buttons, tabs, placeholders, tooltips, menus)
// that is still English: a run of three or more Latin letters not in `names` (what the user
// typed: names, the server's address).
QStringList englishLeftIn(QWidget *root, const QStringList &names)
{
    QStringList shown;
    auto add = [&shown](const QString &text, const QObject *from) {
        if (!text.isEmpty())
            shown << from->objectName() + u": "_s + text;
    };
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        add(w->toolTip(), w);
        if (auto *label = qobject_cast<QLabel *>(w))
            add(label->text(), w);
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), w);
        else if (auto *line = qobject_cast<QLineEdit *>(w))
            add(line->placeholderText(), w);
        else if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(edit->placeholderText(), w);
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), w);
        }
    }
    if (auto *window = qobject_cast<QMainWindow *>(root)) {
        for (QAction *menu : window->menuBar()->actions()) {
            add(menu->text(), menu);
            for (QAction *item : menu->menu()->actions())
                add(item->text(), item);
        }
    }
    static const QRegularExpression word(u"[A-Za-z]{3,}"_s);
    QStringList english;
    for (const QString &text : std::as_const(shown)) {
        QString rest = text.section(u": "_s, 1);
        for (const QString &name : names)
            rest.remove(name);
        if (rest.contains(word))
            english << text;
    }
    return english;
}
} // namespace

class TestDesktopSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordAndDevices();
    void themeAndLanguageApplyAtOnce();
    void languageWithoutCatalogueReadsEnglishPlurals();
    void profileNameReachesPeopleInChats();
    void profilePictureReachesPeopleInChats();

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

// A system language Banter has no catalogue for (German) shows English, with English plural
// forms: "2 new messages" on the jump button, not the source text's "message(s)".
void TestDesktopSettings::languageWithoutCatalogueReadsEnglishPlurals()
{
    QVERIFY(!UiLanguage::apply(u"de_DE"_s));
    const char *context = "Banter::Desktop::MessageView";
    QCOMPARE(QCoreApplication::translate(context, "↓ %n new message(s)", nullptr, 2),
             u"↓ 2 new messages"_s);
    QCOMPARE(QCoreApplication::translate(context, "↓ %n new message(s)", nullptr, 1),
             u"↓ 1 new message"_s);
    QVERIFY(UiLanguage::apply(u"en"_s));
}

void TestDesktopSettings::themeAndLanguageApplyAtOnce()
{
    AppSettings settings(m_dir.filePath(u"language.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat && await(bob->sendMessage(chat->id, u"hi"_s)));
    // A chat open, so that its header, composer and send button are on screen too.
    MainWindow *window = fixture.showChat(*alice, settings, chat->id);
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
    // Nothing the window shows stays English (the composer's placeholder did).
    // Names, and key names (shortcuts read "Ctrl+F" in every language).
    const QStringList names{u"Alice"_s, u"alice"_s, u"Bob"_s, u"bob"_s,  u"Banter"_s,
                            u"Ctrl"_s,  u"Shift"_s, u"Esc"_s, u"Enter"_s};
    // Joined, so that a failure prints what is left.
    QCOMPARE(englishLeftIn(window, names).join(u"; "_s), QString());
    auto *composer = window->findChild<QPlainTextEdit *>(u"composer"_s);
    QVERIFY(composer);
    QCOMPARE(composer->placeholderText(), u"输入消息…"_s);
    // ...nor what opens from it.
    QWidget *newChat = window->showNewChat();
    QVERIFY(newChat);
    QCOMPARE(englishLeftIn(newChat, names).join(u"; "_s), QString());
    newChat->close();
    QWidget *search = window->showSearch(true);
    QVERIFY(search);
    QCOMPARE(englishLeftIn(search, names).join(u"; "_s), QString());
    QWidget *admin = window->showAdminPage(); // its words, whatever the server answers
    QVERIFY(admin);
    QTRY_VERIFY(admin->isVisible());
    QCOMPARE(englishLeftIn(admin->window(), names).join(u"; "_s), QString());
    admin->window()->close();

    dialog = window->showSettings();
    QCOMPARE(dialog->tabs()->tabText(0), u"常规"_s);
    QCOMPARE(englishLeftIn(dialog, names).join(u"; "_s), QString());
    dialog->themeBox()->setCurrentIndex(
        dialog->themeBox()->findData(int(AppSettings::Theme::Light)));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"en"_s));
    dialog->accept();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QTRY_COMPARE(send->text(), u"Send"_s);
    QCOMPARE(status->text(), u"Online"_s);
    QCOMPARE(composer->placeholderText(), u"Write a message…"_s);
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

// The profile page's picture: chosen in the file dialog from a photo written here, cut to
// a square and scaled within the protocol's limits before it leaves, shown in Alice's own
// badge and, after user_updated, in Bob's conversation list; removed, both go back to
// initials. A file that is no picture is refused with a sentence.
void TestDesktopSettings::profilePictureReachesPeopleInChats()
{
    AppSettings aliceSettings(m_dir.filePath(u"alice-picture.conf"_s));
    AppSettings bobSettings(m_dir.filePath(u"bob-picture.conf"_s));
    const QString photo = m_dir.filePath(u"holiday.jpg"_s);
    QVERIFY(landscape(1200, 800).save(photo, "JPEG", 95));
    const QString notAPicture = m_dir.filePath(u"notes.png"_s);
    {
        QFile file(notAPicture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some text");
    }
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const UserId aliceId = alice->currentUser().id;
    QVERIFY(await(bob->createPrivate(aliceId)));
    MainWindow *aliceWindow = fixture.showWindow(*alice, aliceSettings);
    MainWindow *bobWindow = fixture.showWindow(*bob, bobSettings);
    QVERIFY(aliceWindow && bobWindow);
    AvatarBook *bobsPictures = bobWindow->account().avatars();
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    QVERIFY(bobsPictures->picture(aliceId).isNull());
    auto *list = bobWindow->findChild<QListView *>(u"conversationView"_s);
    QVERIFY(list);
    // Where the list paints Alice's avatar: her initials' colour (left of the letters).
    QCOMPARE(avatarPixel(*list), Avatar::color(u"Alice"_s).rgb());
    auto *badge = aliceWindow->findChild<QLabel *>(u"accountAvatar"_s);
    QVERIFY(badge);
    const QImage initials = badge->pixmap().toImage();

    SettingsDialog *dialog = aliceWindow->showSettings();
    auto *page = dialog->findChild<ProfilePage *>(u"profilePage"_s);
    QVERIFY(page);
    auto *result = page->findChild<QLabel *>(u"profileResult"_s);
    auto *remove = page->findChild<QPushButton *>(u"removeAvatarButton"_s);
    QVERIFY(result && remove);
    QVERIFY(!remove->isEnabled()); // nothing to remove yet
    page->setPictureFromFile(notAPicture);
    QCOMPARE(result->text(), u"That file is not a picture this program can read."_s);
    QCOMPARE(alice->currentUser().avatarVersion, 0);

    page->findChild<QPushButton *>(u"chooseAvatarButton"_s)->click();
    QFileDialog *files = nullptr;
    QTRY_VERIFY((files = page->findChild<QFileDialog *>(u"avatarFileDialog"_s)));
    files->selectFile(photo);
    static_cast<QDialog *>(files)->accept(); // QFileDialog hides accept()
    QTRY_COMPARE(result->text(), u"Saved. People you chat with see the new picture."_s);
    const qint64 version = alice->currentUser().avatarVersion;
    QVERIFY(version > 0);
    QVERIFY(remove->isEnabled());
    // What was sent is within the rules: a square of the largest allowed side.
    const QByteArray sent = alice->avatar(aliceId, version);
    QVERIFY(AvatarRules::validateAvatar(sent));
    QCOMPARE(QImage::fromData(sent).size(), QSize(AvatarRules::MaxSide, AvatarRules::MaxSide));
    QTRY_VERIFY(badge->pixmap().toImage() != initials);

    // Bob's window fetches it after user_updated and paints it in the conversation list.
    QTRY_VERIFY(!bobsPictures->picture(aliceId).isNull());
    QCOMPARE(bobsPictures->picture(aliceId).size(),
             QSize(AvatarRules::MaxSide, AvatarRules::MaxSide));
    QTRY_VERIFY(avatarPixel(*list) != Avatar::color(u"Alice"_s).rgb());

    remove->click();
    QTRY_COMPARE(result->text(), u"Picture removed. People you chat with see your initials."_s);
    QCOMPARE(alice->currentUser().avatarVersion, 0);
    QTRY_VERIFY(bobsPictures->picture(aliceId).isNull());
    QTRY_COMPARE(avatarPixel(*list), Avatar::color(u"Alice"_s).rgb());
    QTRY_COMPARE(badge->pixmap().toImage(), initials);
    dialog->reject();
}

QTEST_MAIN(TestDesktopSettings)
#include "tst_desktopsettings.moc"
