// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testdatabase.h"

#include <QByteArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <optional>
#include <utility>

namespace Banter::Test {

// banterd as its own process on loopback, for what only a process shows: its signals, its
// exit code, its resident memory. Plain ws://, cheap password hashing, and the [limits] lines
// the test passes; the data directory and database survive restarts of the same object.
class BanterdProcess
{
public:
    // `program` is the banterd binary (BANTERD_PATH of the test); `limits` and `auth` are
    // lines added to those sections of its config file.
    explicit BanterdProcess(QString program, QByteArray limits = {}, QByteArray auth = {});
    ~BanterdProcess();

    // Text added at the end of the config file (whole sections, e.g. "[server]\nmetrics=on\n"),
    // and a database URL instead of the test database; both for the next start().
    void setExtraConfig(QByteArray text) { m_extraConfig = std::move(text); }
    void setDatabaseUrl(QString url) { m_databaseUrl = std::move(url); }

    bool start();
    // Serves this data directory and database (an empty URL: SQLite in the directory)
    // instead of its own, from the next start() on: a restored backup, for example.
    void useStore(const QString &dataDir, const QString &databaseUrl);
    // What it serves, for commands run beside it (banterd backup).
    QString dataDirectory() const;
    QString databaseUrl() const; // empty: SQLite in the data directory
    // Sends a signal to this process only.
    void signal(int signal);
    // Waits for the process to end; false if it is still running after timeoutMs.
    bool waitForExit(int timeoutMs);
    // The exit code of a normal exit; -1 after a crash.
    int exitCode() const;
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Everything written on stderr so far.
    QString errors();
    // Kills it if it still runs (by its own PID).
    void stop();
    QUrl url() const;
    // The options that point a `banterd COMMAND` at this server's data: --config, --data-dir
    // and, on PostgreSQL, --database. Valid after start().
    QStringList storeArguments() const { return m_storeArguments; }
    QString dataDir() const { return dataDirectory(); }
    qint64 pid() const { return m_process.processId(); }
    quint16 port() const { return m_port; }
    // The /metrics and /healthz port when the config turns metrics on; else 0.
    quint16 metricsPort() const { return m_metricsPort; }
    QString configPath() const { return m_dir.filePath(QStringLiteral("banterd.conf")); }
    // VmRSS of the process from /proc, in bytes.
    qint64 residentBytes() const;
    // CPU time (user and system) the process used so far, from /proc.
    double cpuSeconds() const;

private:
    QString m_program;
    QByteArray m_limits;
    QByteArray m_auth;
    QTemporaryDir m_dir;
    TestDatabase m_database;
    std::optional<std::pair<QString, QString>> m_store; // useStore()
    QProcess m_process;
    QString m_output;
    QString m_errors;
    quint16 m_port = 0;
    QStringList m_storeArguments;
    quint16 m_metricsPort = 0;
    QByteArray m_extraConfig;
    QString m_databaseUrl;
};

} // namespace Banter::Test
