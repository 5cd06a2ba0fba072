// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/postgresqltools.h"

#include <QProcess>
#include <QStandardPaths>

namespace Banter::Server {

using namespace Qt::StringLiterals;

Status runPostgresqlTool(const QString &program, const SqlConnectionSpec &spec,
                         const QStringList &arguments)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"%1 is not installed or not on PATH; it is needed to back up or "
                         "restore a PostgreSQL database (Debian: apt install postgresql-client, "
                         "of the server's major version or newer)"_s.arg(program));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!spec.password.isEmpty())
        environment.insert(u"PGPASSWORD"_s, spec.password);
    environment.insert(u"PGCONNECT_TIMEOUT"_s, u"10"_s);
    process.setProcessEnvironment(environment);
    QStringList all{u"--no-password"_s, u"--host"_s, spec.host, u"--port"_s,
                    QString::number(spec.port)};
    if (!spec.user.isEmpty())
        all << u"--username"_s << spec.user;
    all += arguments;
    process.start(path, all);
    // No time bound: a dump of a large database takes as long as it takes, and the
    // operator can interrupt the command.
    if (!process.waitForStarted() || !process.waitForFinished(-1))
        return makeError(ErrorCode::Internal,
                         u"cannot run %1: %2"_s.arg(path, process.errorString()));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError(
            ErrorCode::Internal,
            u"%1 failed (exit code %2): %3"_s.arg(program)
                .arg(process.exitCode())
                .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
    return success();
}

} // namespace Banter::Server
