// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QUrl>

// One start of the desktop client in this process (real AccountContext and MainWindow,
// offscreen), measured as a person would experience it. Each phase prints its figures as
// JSON lines on stdout as soon as it has them, so a phase stopped by its time limit still
// reports what it reached.
struct ClientPlan
{
    enum class Phase {
        Cold, // first sign-in, no local state
        Warm, // the remembered account, the server up
        Offline, // the remembered account, the server down
        CatchUp, // the remembered account after a week away
    };
    Phase phase = Phase::Cold;
    QUrl url;
    QByteArray pinnedSha256; // the server's self-signed certificate, trusted before
    QString user;
    QString password;
    QString stateDir; // the client's remembered account and settings
    qint64 bigConversation = 0;
    QList<QPair<qint64, qint64>> lastSeqs; // conversation → last seq on the server
    bool explore = false; // open the big conversation, scroll every conversation to its top
    int scrollIntervalMs = 0; // between page steps while scrolling up
    bool check = false; // fail on a gap, a duplicate or an unfinished step
    qint64 timeoutMs = 600'000;
};

// Returns 0 when every step finished (and, with check, every check held).
int runClient(const ClientPlan &plan, const QElapsedTimer &sinceStart);
