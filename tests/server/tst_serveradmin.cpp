// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's admin command line and admin_* requests, against a real banterd process: the
// `banterd user` and `banterd session` commands run as processes on the same configuration
// while the daemon serves, and a running daemon closes the sockets of what they end.
#include "banterdprocess.h"
#include "rawclient.h"
#include "waiting.h"
#include <banter/domain/user.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QProcess>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
struct CommandResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The exit codes of server/cli/servercommand.h, as a script sees them.
constexpr int Ok = 0, Failed = 1, Usage = 2, NotFound = 3, Busy = 4, Unreachable = 5;
} // namespace

class TestServerAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addListAndSignIn();
    void disableClosesLiveConnectionsAndEnableLetsBackIn();
    void resetPasswordEndsSessions();
    void sessionListAndRevoke();
    void deleteNeedsConfirmationAndKeepsMessages();
    void wrongNamesAreNotFound();
    void secondCommandAtOnceIsBusy();
    void unreachableDatabase();
    void helpForEachCommand();
    void garbageInTheSignalFileChangesNothing();
    void adminRequestsAreForbiddenToOthers();
    void adminRequestsAsAdmin();
    void adminRequestsRefuseMalformedInput();

private:
    CommandResult command(QStringList arguments, const QByteArray &input = {});
    std::unique_ptr<RawClient> connect();
    std::unique_ptr<RawClient> signUp(const QString &name);
    std::unique_ptr<RawClient> signIn(const QString &name,
                                      const QString &password = u"correct horse"_s);
    ErrorCode loginRefusal(const QString &name, const QString &password);
    QJsonArray listJson(const QStringList &arguments);

    std::unique_ptr<BanterdProcess> m_server;
};

void TestServerAdmin::init()
{
    m_server = std::make_unique<BanterdProcess>(QStringLiteral(BANTERD_PATH));
    QVERIFY(m_server->start());
}

void TestServerAdmin::cleanup()
{
    m_server.reset();
}

CommandResult TestServerAdmin::command(QStringList arguments, const QByteArray &input)
{
    QProcess process;
    // The command first (banterd dispatches on it), then the server's options, then the
    // test's: a --database of the test's comes last and wins.
    process.start(QStringLiteral(BANTERD_PATH),
                  QStringList{arguments.takeFirst()} + m_server->storeArguments() + arguments);
    CommandResult result;
    if (!process.waitForStarted())
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

std::unique_ptr<RawClient> TestServerAdmin::connect()
{
    auto client = std::make_unique<RawClient>();
    if (!client->open(m_server->url()))
        return nullptr;
    return client;
}

std::unique_ptr<RawClient> TestServerAdmin::signUp(const QString &name)
{
    auto client = connect();
    if (!client || !client->registerUser(name))
        return nullptr;
    return client;
}

std::unique_ptr<RawClient> TestServerAdmin::signIn(const QString &name, const QString &password)
{
    auto client = connect();
    if (!client || !client->login(name, password))
        return nullptr;
    return client;
}

ErrorCode TestServerAdmin::loginRefusal(const QString &name, const QString &password)
{
    auto client = connect();
    if (!client)
        return static_cast<ErrorCode>(-1);
    return refusal(client->request(
        u"login"_s, {{u"username"_s, name}, {u"password"_s, password}, {u"device"_s, u"test"_s}}));
}

QJsonArray TestServerAdmin::listJson(const QStringList &arguments)
{
    const CommandResult listed = command(arguments);
    if (listed.exitCode != Ok)
        qWarning("%s failed: %s", qPrintable(arguments.join(u' ')), qPrintable(listed.err));
    return QJsonDocument::fromJson(listed.out.toUtf8()).array();
}

void TestServerAdmin::addListAndSignIn()
{
    const CommandResult added =
        command({u"user"_s, u"add"_s, u"carol"_s, u"--password-stdin"_s, u"--admin"_s},
                "carol's password\n");
    QCOMPARE(added.exitCode, Ok);
    QVERIFY(signIn(u"carol"_s, u"carol's password"_s));

    // Without --password-stdin a one-time password is printed, and it works.
    const CommandResult generated = command({u"user"_s, u"add"_s, u"Dave"_s});
    QCOMPARE(generated.exitCode, Ok);
    const qsizetype at = generated.out.indexOf(u"one-time password: "_s);
    QVERIFY2(at >= 0, qPrintable(generated.out));
    const QString password = generated.out.mid(at + 19).trimmed();
    QVERIFY(signIn(u"dave"_s, password));

    const QJsonArray users = listJson({u"user"_s, u"list"_s, u"--json"_s});
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0)[u"username"_s].toString(), u"carol"_s);
    QCOMPARE(users.at(0)[u"admin"_s].toBool(), true);
    QCOMPARE(users.at(1)[u"username"_s].toString(), u"dave"_s);
    QCOMPARE(users.at(1)[u"admin"_s].toBool(), false);
    const CommandResult table = command({u"user"_s, u"list"_s});
    QCOMPARE(table.exitCode, Ok);
    QVERIFY(table.out.contains(u"carol"_s) && table.out.contains(u"dave"_s));
    // --query: the accounts whose name starts with it, in any case; a query that cannot
    // match (longer than any name) is a usage error, not an empty list.
    const QJsonArray found = listJson({u"user"_s, u"list"_s, u"--json"_s, u"--query"_s, u"CA"_s});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0)[u"username"_s].toString(), u"carol"_s);
    QVERIFY(listJson({u"user"_s, u"list"_s, u"--json"_s, u"--query=arol"_s}).isEmpty());
    QCOMPARE(listJson({u"user"_s, u"list"_s, u"--json"_s, u"--query"_s, u" car "_s}).size(), 1);
    const CommandResult foundTable = command({u"user"_s, u"list"_s, u"--query"_s, u"d"_s});
    QCOMPARE(foundTable.exitCode, Ok);
    QVERIFY(foundTable.out.contains(u"dave"_s) && !foundTable.out.contains(u"carol"_s));
    QCOMPARE(command({u"user"_s, u"list"_s, u"--query"_s, QString(65, u'c')}).exitCode, Usage);

    // Registration's rules, and a taken name, change nothing.
    QCOMPARE(
        command({u"user"_s, u"add"_s, u"carol"_s, u"--password-stdin"_s}, "another one\n").exitCode,
        Failed);
    QCOMPARE(
        command({u"user"_s, u"add"_s, u"no such name!"_s, u"--password-stdin"_s}, "long enough\n")
            .exitCode,
        Usage);
    QCOMPARE(command({u"user"_s, u"add"_s, u"erin"_s, u"--password-stdin"_s}, "short\n").exitCode,
             Usage);
    QCOMPARE(command({u"user"_s, u"add"_s, u"erin"_s, u"--password-stdin"_s}, "\n").exitCode,
             Usage);
    QCOMPARE(listJson({u"user"_s, u"list"_s, u"--json"_s}).size(), 2);
    QVERIFY(signIn(u"carol"_s, u"carol's password"_s));
    QCOMPARE(command({u"user"_s, u"frobnicate"_s}).exitCode, Usage);
}

void TestServerAdmin::disableClosesLiveConnectionsAndEnableLetsBackIn()
{
    auto bob = signUp(u"bob"_s);
    QVERIFY(bob);
    auto alice = signUp(u"alice"_s);
    QVERIFY(alice);
    QCOMPARE(command({u"user"_s, u"disable"_s, u"bob"_s}).exitCode, Ok);
    const auto push = bob->waitForPush(u"session_revoked"_s, 5000);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"reason"_s).toString(), u"account_disabled"_s);
    QVERIFY(bob->waitForDisconnected(5000));
    // Someone else's connection stays.
    QVERIFY(succeeded(alice->request(u"ping"_s)));
    QCOMPARE(loginRefusal(u"bob"_s, u"correct horse"_s), ErrorCode::Forbidden);
    // A wrong password still gets the usual answer: being disabled is no oracle.
    QCOMPARE(loginRefusal(u"bob"_s, u"wrong password"_s), ErrorCode::InvalidCredentials);
    const QJsonArray users = listJson({u"user"_s, u"list"_s, u"--json"_s});
    QCOMPARE(users.at(1)[u"username"_s].toString(), u"bob"_s);
    QVERIFY(users.at(1)[u"disabled"_s].toBool());

    QCOMPARE(command({u"user"_s, u"enable"_s, u"bob"_s}).exitCode, Ok);
    QVERIFY(signIn(u"bob"_s));
}

void TestServerAdmin::resetPasswordEndsSessions()
{
    auto bob = signUp(u"bob"_s);
    QVERIFY(bob);
    const CommandResult reset = command(
        {u"user"_s, u"reset-password"_s, u"bob"_s, u"--password-stdin"_s}, "brand new secret\n");
    QCOMPARE(reset.exitCode, Ok);
    const auto push = bob->waitForPush(u"session_revoked"_s, 5000);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"reason"_s).toString(), u"password_reset"_s);
    QVERIFY(bob->waitForDisconnected(5000));
    QCOMPARE(loginRefusal(u"bob"_s, u"correct horse"_s), ErrorCode::InvalidCredentials);
    QVERIFY(signIn(u"bob"_s, u"brand new secret"_s));

    const CommandResult generated = command({u"user"_s, u"reset-password"_s, u"bob"_s});
    QCOMPARE(generated.exitCode, Ok);
    const qsizetype at = generated.out.indexOf(u"one-time password: "_s);
    QVERIFY(at >= 0);
    QCOMPARE(loginRefusal(u"bob"_s, u"brand new secret"_s), ErrorCode::InvalidCredentials);
    QVERIFY(signIn(u"bob"_s, generated.out.mid(at + 19).trimmed()));
}

void TestServerAdmin::sessionListAndRevoke()
{
    auto first = signUp(u"bob"_s);
    QVERIFY(first);
    auto second = signIn(u"bob"_s);
    QVERIFY(second);
    const QJsonArray sessions = listJson({u"session"_s, u"list"_s, u"bob"_s, u"--json"_s});
    QCOMPARE(sessions.size(), 2);
    const qint64 firstId = sessions.at(0)[u"id"_s].toInteger();
    QVERIFY(firstId > 0);

    QCOMPARE(command({u"session"_s, u"revoke"_s, QString::number(firstId)}).exitCode, Ok);
    QVERIFY(first->waitForDisconnected(5000));
    QVERIFY(succeeded(second->request(u"ping"_s)));
    QCOMPARE(listJson({u"session"_s, u"list"_s, u"bob"_s, u"--json"_s}).size(), 1);
    // Ended already: nothing to end.
    QCOMPARE(command({u"session"_s, u"revoke"_s, QString::number(firstId)}).exitCode, NotFound);

    const CommandResult all = command({u"session"_s, u"revoke"_s, u"--all"_s, u"bob"_s});
    QCOMPARE(all.exitCode, Ok);
    QVERIFY(all.out.contains(u"ended 1 sessions"_s));
    QVERIFY(second->waitForDisconnected(5000));
    QCOMPARE(listJson({u"session"_s, u"list"_s, u"bob"_s, u"--json"_s}).size(), 0);

    QCOMPARE(command({u"session"_s, u"revoke"_s, u"not-a-number"_s}).exitCode, Usage);
    QCOMPARE(command({u"session"_s, u"revoke"_s, u"999999"_s}).exitCode, NotFound);
    QCOMPARE(command({u"session"_s, u"list"_s}).exitCode, Usage);
}

void TestServerAdmin::deleteNeedsConfirmationAndKeepsMessages()
{
    auto bob = signUp(u"bob"_s);
    QVERIFY(bob);
    auto alice = connect();
    QVERIFY(alice);
    const std::optional<QJsonObject> grant = alice->registerUser(u"alice"_s);
    QVERIFY(grant);
    const qint64 aliceId = grant->value(u"user"_s).toObject().value(u"id"_s).toInteger();
    const auto created = bob->request(u"create_private"_s, {{u"user_id"_s, aliceId}});
    QVERIFY(succeeded(created));
    const qint64 conversation =
        created->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    QVERIFY(succeeded(bob->request(u"message"_s,
                                   {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                    {u"conversation_id"_s, conversation},
                                    {u"content"_s, u"before I go"_s}})));

    const CommandResult unconfirmed = command({u"user"_s, u"delete"_s, u"bob"_s});
    QCOMPARE(unconfirmed.exitCode, Usage);
    QVERIFY(unconfirmed.err.contains(u"--yes"_s));
    QVERIFY(succeeded(bob->request(u"ping"_s)));

    QCOMPARE(command({u"user"_s, u"delete"_s, u"bob"_s, u"--yes"_s}).exitCode, Ok);
    QVERIFY(bob->waitForDisconnected(5000));
    QCOMPARE(loginRefusal(u"bob"_s, u"correct horse"_s), ErrorCode::InvalidCredentials);
    const QJsonArray users = listJson({u"user"_s, u"list"_s, u"--json"_s});
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.at(0)[u"username"_s].toString(), u"alice"_s);
    // The message stays in alice's history.
    const auto history = alice->request(u"history"_s, {{u"conversation_id"_s, conversation}});
    QVERIFY(succeeded(history));
    const QJsonArray messages = history->data.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0)[u"content"_s].toString(), u"before I go"_s);
    // The name is free again.
    QVERIFY(signUp(u"bob"_s));
    QCOMPARE(command({u"user"_s, u"delete"_s, u"nobody"_s, u"--yes"_s}).exitCode, NotFound);
}

void TestServerAdmin::wrongNamesAreNotFound()
{
    QVERIFY(signUp(u"alice"_s));
    for (const QStringList &arguments :
         {QStringList{u"user"_s, u"disable"_s, u"nobody"_s},
          QStringList{u"user"_s, u"enable"_s, u"nobody"_s},
          QStringList{u"user"_s, u"set-admin"_s, u"nobody"_s, u"on"_s},
          QStringList{u"session"_s, u"list"_s, u"nobody"_s},
          QStringList{u"session"_s, u"revoke"_s, u"--all"_s, u"nobody"_s}}) {
        const CommandResult result = command(arguments);
        QVERIFY2(result.exitCode == NotFound, qPrintable(arguments.join(u' ') + result.err));
        QVERIFY(result.err.contains(u"nobody"_s));
    }
    const CommandResult reset = command(
        {u"user"_s, u"reset-password"_s, u"nobody"_s, u"--password-stdin"_s}, "long enough\n");
    QCOMPARE(reset.exitCode, NotFound);
    QCOMPARE(command({u"user"_s, u"set-admin"_s, u"alice"_s, u"maybe"_s}).exitCode, Usage);
}

void TestServerAdmin::secondCommandAtOnceIsBusy()
{
    QVERIFY(signUp(u"alice"_s));
    // What a command running at this moment holds: the data directory's admin lock.
    QLockFile running(m_server->dataDir() + u"/admin.lock"_s);
    QVERIFY(running.tryLock(0));
    const CommandResult busy = command({u"user"_s, u"disable"_s, u"alice"_s});
    QCOMPARE(busy.exitCode, Busy);
    QVERIFY2(busy.err.contains(u"another admin command"_s), qPrintable(busy.err));
    QVERIFY(signIn(u"alice"_s)); // nothing was changed
    running.unlock();
    QCOMPARE(command({u"user"_s, u"disable"_s, u"alice"_s}).exitCode, Ok);
}

void TestServerAdmin::unreachableDatabase()
{
    // The test's --database comes after the server's (see command()), and wins.
    const CommandResult refused = command(
        {u"user"_s, u"list"_s, u"--database"_s, u"postgresql://nobody@127.0.0.1:1/banter"_s});
    QCOMPARE(refused.exitCode, Unreachable);
    QVERIFY(!refused.err.isEmpty());
    const CommandResult malformed =
        command({u"user"_s, u"list"_s, u"--database"_s, u"mysql://somewhere/banter"_s});
    QCOMPARE(malformed.exitCode, Unreachable);
}

void TestServerAdmin::helpForEachCommand()
{
    const CommandResult user = command({u"user"_s, u"--help"_s});
    QCOMPARE(user.exitCode, Ok);
    QVERIFY(user.out.contains(u"reset-password"_s) && user.out.contains(u"--yes"_s));
    const CommandResult session = command({u"session"_s, u"--help"_s});
    QCOMPARE(session.exitCode, Ok);
    QVERIFY(session.out.contains(u"--all"_s));
}

void TestServerAdmin::garbageInTheSignalFileChangesNothing()
{
    auto alice = signUp(u"alice"_s);
    QVERIFY(alice);
    QFile signal(m_server->dataDir() + u"/admin-changes"_s);
    QVERIFY(signal.exists());
    QCOMPARE(signal.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QVERIFY(signal.open(QIODevice::WriteOnly | QIODevice::Truncate));
    signal.write(QByteArray(1 << 20, '\xff'));
    signal.close();
    // The daemon reads the log, finds nothing new, and closes nobody.
    QVERIFY(alice->noPush(u"session_revoked"_s, 500));
    QVERIFY(succeeded(alice->request(u"ping"_s)));
    // And a real change still gets through after it.
    QCOMPARE(command({u"user"_s, u"disable"_s, u"alice"_s}).exitCode, Ok);
    QVERIFY(alice->waitForDisconnected(5000));
}

void TestServerAdmin::adminRequestsAreForbiddenToOthers()
{
    auto alice = signUp(u"alice"_s);
    QVERIFY(alice);
    QVERIFY(signUp(u"bob"_s));
    const QList<std::pair<QString, QJsonObject>> requests = {
        {u"admin_users"_s, {}},
        {u"admin_set_disabled"_s, {{u"username"_s, u"bob"_s}, {u"disabled"_s, true}}},
        {u"admin_set_admin"_s, {{u"username"_s, u"alice"_s}, {u"admin"_s, true}}},
        {u"admin_reset_password"_s, {{u"username"_s, u"bob"_s}}},
        {u"admin_sessions"_s, {{u"username"_s, u"bob"_s}}},
        {u"admin_revoke_session"_s, {{u"username"_s, u"bob"_s}}},
    };
    for (const auto &request : requests)
        QCOMPARE(refusal(alice->request(request.first, request.second)), ErrorCode::Forbidden);
    QVERIFY(signIn(u"bob"_s)); // nothing was changed
    // Not signed in at all: the usual answer for that.
    auto anonymous = connect();
    QVERIFY(anonymous);
    QVERIFY(!succeeded(anonymous->request(u"admin_users"_s)));

    // Rights taken away: refused again.
    QCOMPARE(command({u"user"_s, u"set-admin"_s, u"alice"_s, u"on"_s}).exitCode, Ok);
    QVERIFY(succeeded(alice->request(u"admin_users"_s)));
    QCOMPARE(command({u"user"_s, u"set-admin"_s, u"alice"_s, u"off"_s}).exitCode, Ok);
    QCOMPARE(refusal(alice->request(u"admin_users"_s)), ErrorCode::Forbidden);
}

void TestServerAdmin::adminRequestsAsAdmin()
{
    auto alice = signUp(u"alice"_s);
    QVERIFY(alice);
    auto bob = signUp(u"bob"_s);
    QVERIFY(bob);
    QVERIFY(signUp(u"carl"_s));
    QCOMPARE(command({u"user"_s, u"set-admin"_s, u"alice"_s, u"on"_s}).exitCode, Ok);

    // Paged by username.
    const auto first = alice->request(u"admin_users"_s, {{u"limit"_s, 2}});
    QVERIFY(succeeded(first));
    QCOMPARE(first->data.value(u"users"_s).toArray().size(), 2);
    QVERIFY(first->data.value(u"has_more"_s).toBool());
    const QJsonObject firstRow = first->data.value(u"users"_s).toArray().at(0).toObject();
    QCOMPARE(firstRow.value(u"user"_s).toObject().value(u"username"_s).toString(), u"alice"_s);
    QVERIFY(firstRow.value(u"admin"_s).toBool());
    const auto rest = alice->request(u"admin_users"_s, {{u"after"_s, u"bob"_s}});
    QVERIFY(succeeded(rest));
    QCOMPARE(rest->data.value(u"users"_s).toArray().size(), 1);
    QVERIFY(!rest->data.value(u"has_more"_s).toBool());

    // "query": a prefix of the username or display name, any case, still paged by username;
    // "online": a chat connection is open now.
    auto usernamesOf = [](const auto &reply) {
        QStringList names;
        for (const QJsonValue &row : reply->data.value(u"users"_s).toArray())
            names << row[u"user"_s][u"username"_s].toString();
        return names;
    };
    const auto found = alice->request(u"admin_users"_s, {{u"query"_s, u"  CA "_s}});
    QVERIFY(succeeded(found));
    QCOMPARE(usernamesOf(found), QStringList{u"carl"_s});
    QCOMPARE(usernamesOf(alice->request(u"admin_users"_s, {{u"query"_s, u"%"_s}})), QStringList());
    const auto matchesPaged =
        alice->request(u"admin_users"_s, {{u"query"_s, u"b"_s}, {u"after"_s, u"alice"_s}});
    QCOMPARE(usernamesOf(matchesPaged), QStringList{u"bob"_s});
    const QJsonArray everyone = alice->request(u"admin_users"_s)->data[u"users"_s].toArray();
    QCOMPARE(everyone.size(), 3);
    QVERIFY(everyone[0][u"online"_s].toBool()); // alice
    QVERIFY(everyone[1][u"online"_s].toBool()); // bob
    QVERIFY(!everyone[2][u"online"_s].toBool()); // carl's connection ended after sign-up

    const auto sessions = alice->request(u"admin_sessions"_s, {{u"username"_s, u"bob"_s}});
    QVERIFY(succeeded(sessions));
    QCOMPARE(sessions->data.value(u"sessions"_s).toArray().size(), 1);
    const qint64 bobsSession =
        sessions->data.value(u"sessions"_s).toArray().at(0)[u"id"_s].toInteger();
    const auto revoked =
        alice->request(u"admin_revoke_session"_s, {{u"session_id"_s, bobsSession}});
    QVERIFY(succeeded(revoked));
    QCOMPARE(revoked->data.value(u"revoked"_s).toInt(), 1);
    QVERIFY(bob->waitForDisconnected(5000));
    // Bob has no connection now: offline, with the time he was last seen.
    QVERIFY(waitFor(
        [&] {
            const auto row = alice->request(u"admin_users"_s, {{u"query"_s, u"bob"_s}});
            return succeeded(row) && !row->data[u"users"_s][0][u"online"_s].toBool();
        },
        5'000, "bob to be offline"));

    bob = signIn(u"bob"_s);
    QVERIFY(bob);
    const auto disabled =
        alice->request(u"admin_set_disabled"_s, {{u"username"_s, u"bob"_s}, {u"disabled"_s, true}});
    QVERIFY(succeeded(disabled));
    QVERIFY(disabled->data.value(u"disabled"_s).toBool());
    QVERIFY(bob->waitForDisconnected(5000));
    QCOMPARE(loginRefusal(u"bob"_s, u"correct horse"_s), ErrorCode::Forbidden);
    QVERIFY(succeeded(alice->request(u"admin_set_disabled"_s,
                                     {{u"username"_s, u"bob"_s}, {u"disabled"_s, false}})));

    const auto reset = alice->request(u"admin_reset_password"_s, {{u"username"_s, u"bob"_s}});
    QVERIFY(succeeded(reset));
    const QString password = reset->data.value(u"password"_s).toString();
    QVERIFY(password.size() >= 20);
    QVERIFY(signIn(u"bob"_s, password));

    const auto granted =
        alice->request(u"admin_set_admin"_s, {{u"username"_s, u"carl"_s}, {u"admin"_s, true}});
    QVERIFY(succeeded(granted));
    QVERIFY(granted->data.value(u"admin"_s).toBool());
    QCOMPARE(refusal(alice->request(u"admin_sessions"_s, {{u"username"_s, u"nobody"_s}})),
             ErrorCode::NotFound);
}

void TestServerAdmin::adminRequestsRefuseMalformedInput()
{
    auto alice = signUp(u"alice"_s);
    QVERIFY(alice);
    QCOMPARE(command({u"user"_s, u"set-admin"_s, u"alice"_s, u"on"_s}).exitCode, Ok);
    const QList<std::pair<QString, QJsonObject>> malformed = {
        {u"admin_users"_s, {{u"limit"_s, 0}}},
        {u"admin_users"_s, {{u"limit"_s, 201}}},
        {u"admin_users"_s, {{u"limit"_s, u"ten"_s}}},
        {u"admin_users"_s, {{u"after"_s, 5}}},
        {u"admin_users"_s, {{u"query"_s, 5}}},
        {u"admin_set_disabled"_s, {{u"username"_s, u"bob"_s}}},
        {u"admin_set_disabled"_s, {{u"username"_s, u"bob"_s}, {u"disabled"_s, u"yes"_s}}},
        {u"admin_set_admin"_s, {{u"admin"_s, true}}},
        {u"admin_reset_password"_s, {{u"username"_s, u"alice"_s}, {u"password"_s, u"short"_s}}},
        {u"admin_sessions"_s, {}},
        {u"admin_revoke_session"_s, {}},
        {u"admin_revoke_session"_s, {{u"session_id"_s, 1}, {u"username"_s, u"alice"_s}}},
        {u"admin_revoke_session"_s, {{u"session_id"_s, -4}}},
    };
    for (const auto &request : malformed) {
        const auto reply = alice->request(request.first, request.second);
        QVERIFY2(refusal(reply) == ErrorCode::BadRequest,
                 qPrintable(request.first + u" "_s
                            + QString::fromUtf8(QJsonDocument(request.second).toJson())));
    }
    // Oversized: a username past the longest there can be, a password past the cap.
    const QString longName(UserRules::MaxUsernameLength + 1, u'a');
    const auto tooLong = alice->request(u"admin_sessions"_s, {{u"username"_s, longName}});
    QVERIFY(refusal(tooLong) == ErrorCode::TooLarge || refusal(tooLong) == ErrorCode::BadRequest);
    const auto longQuery = alice->request(
        u"admin_users"_s, {{u"query"_s, QString(UserRules::MaxDisplayNameLength + 1, u'q')}});
    QVERIFY(refusal(longQuery) == ErrorCode::TooLarge
            || refusal(longQuery) == ErrorCode::BadRequest);
    const QString longPassword(UserRules::MaxPasswordBytes + 1, u'p');
    const auto tooBig = alice->request(
        u"admin_reset_password"_s, {{u"username"_s, u"alice"_s}, {u"password"_s, longPassword}});
    QVERIFY(refusal(tooBig) == ErrorCode::TooLarge || refusal(tooBig) == ErrorCode::BadRequest);
    // Nothing of that changed alice: she is still signed in and may sign in again.
    QVERIFY(succeeded(alice->request(u"ping"_s)));
    QVERIFY(signIn(u"alice"_s));
}

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
