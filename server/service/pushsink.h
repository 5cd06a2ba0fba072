// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QJsonObject>
#include <QLatin1String>
#include <QList>

namespace Banter::Server {

using ConnectionId = quint64;

// Optional behaviours a connection announced in hello (Protocol::Feature), as bits.
enum class ClientFeature : quint32 {
    MemberDeltas = 1, // membership changes and renames as deltas, not whole conversations
};

// How services reach connected users without knowing about sockets: the network layer
// implements it by sending the push to every live connection of each user.
class PushSink
{
public:
    virtual ~PushSink() = default;
    // `except` is a connection to skip (the one whose request caused the push and that gets
    // the response instead); 0 skips none.
    virtual void push(const QList<UserId> &users, QLatin1String type, const QJsonObject &data,
                      ConnectionId except = 0) = 0;

    // One push in two forms: a connection that announced `feature` gets `current`, any other
    // `legacy` (what clients from before the feature understand). Each form is encoded at
    // most once however many connections receive it.
    struct Form
    {
        QLatin1String type;
        QJsonObject data;
    };
    virtual void pushEither(const QList<UserId> &users, ClientFeature feature, const Form &current,
                            const Form &legacy) = 0;
};

} // namespace Banter::Server
