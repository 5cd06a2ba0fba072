// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverprocess.h"

#include <QJsonObject>
#include <QUrl>

struct BenchOptions
{
    QString banterd; // path to banterd
    QString relay; // path to banter-ceiling-relay
    QString database; // empty: SQLite in a fresh temporary data directory
    QString target = QStringLiteral("banter"); // or "relay"
    int pairs = 10;
    int window = 32; // messages in flight per sender
    double seconds = 10; // measured duration, bounded
    double rate = 5000; // offered msgs/s for the rate scenario
    int groupSize = 100;
    int connections = 1000;
    int logins = 40;
    qint64 historyMessages = 1'000'000;
    // history: mix replies, edits and reactions (with their change events) into the rows.
    bool historyChanges = false;
    int missed = 10'000;
    qint64 searchMessages = 1'000'000;
};

// Each scenario starts its own server process, measures, stops it, and returns one JSON
// object with the figures (printed as a JSON line by main).
QJsonObject runPairs(const BenchOptions &options);
QJsonObject runRate(const BenchOptions &options);
QJsonObject runGroup(const BenchOptions &options);
QJsonObject runIdle(const BenchOptions &options);
QJsonObject runLogin(const BenchOptions &options);
QJsonObject runHistory(const BenchOptions &options);
QJsonObject runSync(const BenchOptions &options);
// searchscenario.cpp
QJsonObject runSearch(const BenchOptions &options);
