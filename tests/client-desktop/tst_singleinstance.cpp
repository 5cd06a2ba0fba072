// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// One banter per user (issue 14): a second start (the real `banter` executable, as a desktop
// opening a banter:// link runs it) hands its link to the running client over a local socket
// and exits 0; a socket file left by a crashed client is taken over; the socket is the
// owner's alone; what is not a banter:// link, too long, or never finished is dropped
// without effect.
#include "core/singleinstance.h"

#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Banter::Desktop;
using namespace Qt::StringLiterals;

namespace {
const QString Link =
    u"banter://192.0.2.7:7654/?fp=%1&name=Office&invite=abc123"_s.arg(QString(64, u'a'));

// Leaves a socket file with nobody listening on it, as a client killed by SIGKILL does.
bool leaveStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray bytes = path.toLocal8Bit();
    if (bytes.size() >= qsizetype(sizeof address.sun_path))
        return false;
    std::copy(bytes.begin(), bytes.end(), address.sun_path);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd); // the file stays
    return bound && QFileInfo::exists(path);
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_runtime.emplace();
        QVERIFY(m_runtime->isValid());
        QVERIFY(QDir().mkpath(m_runtime->filePath(u"config"_s)));
        m_path = m_runtime->filePath(u"banter/instance"_s);
    }

    // The real executable, started second, hands its link over and exits 0.
    void secondStartHandsItsLinkOver()
    {
        SingleInstance running(m_path);
        QCOMPARE(running.claim(), SingleInstance::Role::Primary);
        QSignalSpy links(&running, &SingleInstance::linkReceived);
        QSignalSpy raises(&running, &SingleInstance::raiseRequested);
        QCOMPARE(startBanter({Link}), 0);
        QTRY_COMPARE(links.size(), 1);
        QCOMPARE(links.first().first().toString(), Link);
        QCOMPARE(raises.size(), 0);
        // No link: the running client only comes to the front.
        QCOMPARE(startBanter({}), 0);
        QTRY_COMPARE(raises.size(), 1);
        QCOMPARE(links.size(), 1);
    }

    void socketIsTheOwnersAlone()
    {
        SingleInstance running(m_path);
        QCOMPARE(running.claim(), SingleInstance::Role::Primary);
        struct stat socketStat
        { };
        struct stat dirStat
        { };
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &socketStat), 0);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), &dirStat),
                 0);
        QVERIFY(S_ISSOCK(socketStat.st_mode));
        QCOMPARE(socketStat.st_mode & 077, 0u);
        QCOMPARE(dirStat.st_mode & 0777, 0700u);
    }

    // A crashed client's socket file does not stop the next start, nor make it a secondary.
    void staleSocketIsTakenOver()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QVERIFY(leaveStaleSocket(m_path));
        SingleInstance running(m_path);
        QCOMPARE(running.claim(Link), SingleInstance::Role::Primary);
        QSignalSpy links(&running, &SingleInstance::linkReceived);
        QCOMPARE(startBanter({Link}), 0);
        QTRY_COMPARE(links.size(), 1);
    }

    // Anything but one banter:// line (or an empty one) is dropped with no effect; the
    // client still takes a proper link afterwards.
    void badHandOversAreDropped()
    {
        SingleInstance running(m_path);
        QCOMPARE(running.claim(), SingleInstance::Role::Primary);
        QSignalSpy links(&running, &SingleInstance::linkReceived);
        QSignalSpy raises(&running, &SingleInstance::raiseRequested);
        const QList<QByteArray> bad{"https://example.org/\n", "banter\n",
                                    QByteArray(SingleInstance::MaxMessageBytes + 100, 'b'),
                                    QByteArray("banter://") + QByteArray(5000, 'x') + '\n'};
        for (const QByteArray &message : bad) {
            QLocalSocket peer;
            peer.connectToServer(m_path);
            QVERIFY(peer.waitForConnected(5000));
            peer.write(message);
            // Dropped: disconnected without the acknowledgement.
            QTRY_COMPARE_WITH_TIMEOUT(peer.state(), QLocalSocket::UnconnectedState, 10'000);
            QVERIFY2(!peer.readAll().contains("ok"), message.left(40).constData());
        }
        // A peer that never says anything is dropped too.
        QLocalSocket silent;
        silent.connectToServer(m_path);
        QVERIFY(silent.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QLocalSocket::UnconnectedState, 10'000);
        QCOMPARE(links.size(), 0);
        QCOMPARE(raises.size(), 0);

        QLocalSocket good;
        good.connectToServer(m_path);
        QVERIFY(good.waitForConnected(5000));
        good.write(Link.toUtf8() + '\n');
        QTRY_COMPARE(links.size(), 1);
        QCOMPARE(links.first().first().toString(), Link);
    }

private:
    // `banter ARGUMENTS` with this test's runtime directory; its exit code (-1: it did not
    // end in time, so it did not hand over and exit).
    int startBanter(const QStringList &arguments)
    {
        QProcess banter;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_runtime->path());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_runtime->filePath(u"config"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
        banter.setProcessEnvironment(environment);
        banter.start(QStringLiteral(BANTER_PATH), arguments);
        // The event loop runs while waiting: the running instance answers it.
        if (!QTest::qWaitFor([&] { return banter.state() == QProcess::NotRunning; }, 20'000)) {
            banter.kill();
            banter.waitForFinished(5000);
            return -1;
        }
        if (banter.exitStatus() != QProcess::NormalExit)
            return -1;
        return banter.exitCode();
    }

    std::optional<QTemporaryDir> m_runtime;
    QString m_path;
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
