// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads and checks a banterd config file against one table of every setting it knows: type,
// range, and the field it sets. banterd's start (loadConfigFile) and `banterd check-config`
// both call it, so what one accepts the other accepts.

#include "config/serverconfig.h"

#include <QHash>
#include <QList>

namespace Banter::Server {

struct ConfigProblem
{
    enum class Severity {
        Error, // the server must not start with it
        Warning, // an unknown key: ignored, but probably a typo
    };
    Severity severity = Severity::Error;
    QString key; // "auth/access_token_minutes"; empty for the file as a whole
    QString message; // what is wrong, naming the value
    QString suggestion; // for an unknown key, the known key it most likely meant

    bool isError() const { return severity == Severity::Error; }
    // "auth/access_token_minutes: '0.5' is not a whole number from 1 to 1440" (and, for an
    // unknown key, "; did you mean ...?").
    QString text() const;
};

struct ConfigCheck
{
    ServerConfig config; // the defaults with every valid setting applied
    QList<ConfigProblem> problems; // all of them, errors and warnings, in key order

    bool hasErrors() const;
    // Every error's text, one per line.
    QString errorText() const;
};

// Reads the INI file at `path` over `base`. Never stops at the first problem.
ConfigCheck checkConfigFile(const QString &path, ServerConfig base = {});

// Every key the file may hold, as "section/name".
QStringList knownConfigKeys();

// The text of every known key the file sets, by key (what a reload compares, to say which
// settings changed). Empty for a file that cannot be read.
QHash<QString, QString> configFileValues(const QString &path);

// Edit distance between two keys (Levenshtein), for suggestions.
int keyDistance(QStringView a, QStringView b);

} // namespace Banter::Server
