// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JSON form of a system event, the "event" object of a system message:
//   {"event": "members_added", "user_ids": [45]}
// Field names and values are those of docs/PROTOCOL.md §6. Decoding is strict for the kinds
// this build knows; a kind it does not know decodes as SystemEvent::Kind::Unknown (its other
// fields ignored), so a newer server's events do not break an older client's sync.

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>
#include <banter/domain/systemevent.h>

#include <QJsonObject>
#include <QString>

namespace Banter::Protocol {

/// The wire name of a kind ("members_added", ...); for Unknown, an empty string.
BANTERSHARED_EXPORT QString systemEventKindName(SystemEvent::Kind kind);
/// The kind a wire name stands for; Unknown for a name this build does not know.
BANTERSHARED_EXPORT SystemEvent::Kind systemEventKindFromName(const QString &name);

/// The "event" object of a system message, as PROTOCOL.md §6 gives it; an Unknown event is
/// encoded with the wire name it was received with.
BANTERSHARED_EXPORT QJsonObject toJson(const SystemEvent &event);
/// Decodes an "event" object: strict for known kinds (BadRequest when a field is missing or of
/// the wrong type), Unknown for a kind this build does not know.
BANTERSHARED_EXPORT Result<SystemEvent> systemEventFromJson(const QJsonObject &object);

} // namespace Banter::Protocol
