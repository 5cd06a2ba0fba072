// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where banterd's log goes and how it looks: stderr, one line per message, so that systemd's
// journal (or whatever collects stderr) takes it as it is.

#include <QString>
#include <QtGlobal>

namespace Banter::Server {

enum class LogStyle {
    Text, // "2026-12-07T11:15:00.123Z warning banter.net: ..."; under journald "<4>banter.net: ..."
    Json, // {"time":"...","level":"warning","category":"banter.net","message":"..."}
};

// Installs banterd's message handler. Text style leaves out the timestamp and writes a
// syslog priority prefix (<3> error, <4> warning, <6> info, <7> debug) when JOURNAL_STREAM is
// set, because journald stamps and ranks each line itself. Messages below `minimum` are
// dropped. Call once, from main(), before anything logs.
void installServerLogOutput(LogStyle style, QtMsgType minimum);

// Changes the lowest level written, from any thread (a reload). Debug also turns on the
// banter.* categories' debug messages unless QT_LOGGING_RULES says otherwise.
void setServerLogLevel(QtMsgType minimum);

// One message as the handler writes it (without the newline), for tests.
QString formatLogLine(LogStyle style, bool journald, QtMsgType type, const char *category,
                      const QString &message);

// "debug", "info", "warning", "critical", "fatal".
QLatin1String logLevelName(QtMsgType type);

} // namespace Banter::Server
