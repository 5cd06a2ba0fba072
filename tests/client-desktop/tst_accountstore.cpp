// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Remember me" against the real secret service (gnome-keyring on a private D-Bus session):
// tokens round-trip through the keychain, never through the settings file, and are
// forgotten on request. Run without a secret service, every call says so plainly.
#include "core/accountstore.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Qt::StringLiterals;

namespace {
template<typename T>
T wait(const std::function<void(std::function<void(T)>)> &call)
{
    std::optional<T> result;
    call([&result](T value) { result = std::move(value); });
    QDeadlineTimer deadline(15'000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    if (!result)
        qFatal("keychain call timed out");
    return *result;
}
} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripThroughTheKeychain();
    void withoutSecretServiceItSaysSo();
};

void TestAccountStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"BanterTest"_s);
    QCoreApplication::setApplicationName(u"accountstore"_s);
    QSettings().clear();
}

void TestAccountStore::roundTripThroughTheKeychain()
{
    if (qEnvironmentVariableIsSet("BANTER_EXPECT_NO_KEYCHAIN"))
        QSKIP("this run has no secret service on purpose; see withoutSecretServiceItSaysSo");
    AccountStore store(u"BanterTest"_s);
    const AccountStore::Account account{QUrl(u"ws://127.0.0.1:7654"_s),
                                        u"alice"_s,
                                        u"access.jwt.token"_s,
                                        u"refresh-secret"_s,
                                        42,
                                        u"Alice Chen"_s};
    // An account without a user is refused, never saved (it could not be loaded again).
    AccountStore::Account nobody = account;
    nobody.username.clear();
    QVERIFY(!wait<Status>([&](auto done) { store.save(nobody, done); }).ok());
    const Status saved = wait<Status>([&](auto done) { store.save(account, done); });
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    // The tokens are in the keychain, not in the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("alice"));
    QVERIFY(!stored.contains("refresh-secret"));
    QVERIFY(!stored.contains("access.jwt.token"));

    AccountStore other(u"BanterTest"_s); // as after a restart
    const auto loaded =
        wait<Result<std::optional<AccountStore::Account>>>([&](auto done) { other.load(done); });
    QVERIFY(loaded && loaded->has_value());
    QCOMPARE((*loaded)->username, u"alice"_s);
    QCOMPARE((*loaded)->server, account.server);
    QCOMPARE((*loaded)->accessToken, account.accessToken);
    QCOMPARE((*loaded)->refreshToken, account.refreshToken);
    // The user, so the window can show the account before the server answers.
    QCOMPARE((*loaded)->userId, 42);
    QCOMPARE((*loaded)->displayName, u"Alice Chen"_s);

    QVERIFY(wait<Status>([&](auto done) { other.forget(done); }).ok());
    const auto after =
        wait<Result<std::optional<AccountStore::Account>>>([&](auto done) { other.load(done); });
    QVERIFY(after && !after->has_value());
}

void TestAccountStore::withoutSecretServiceItSaysSo()
{
    if (!qEnvironmentVariableIsSet("BANTER_EXPECT_NO_KEYCHAIN"))
        QSKIP("this run has a secret service; the no-keychain case runs as "
              "tst_accountstore_nokeychain");
    AccountStore store(u"BanterTest"_s);
    const Status saved = wait<Status>([&](auto done) {
        store.save({QUrl(u"ws://127.0.0.1:7654"_s), u"alice"_s, u"a"_s, u"r"_s, 0, {}}, done);
    });
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::Unavailable);
    QVERIFY(saved.error().message.contains(u"keychain"_s));
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
