// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/message.h>

/// How a client applies a change event (an edit, a deletion, a reaction change: a system
/// message whose event isMessageChange()) to the message it names. The events carry absolute
/// values (the new text, the emoji's new count), so applying the stream in seq order over any
/// earlier state of the message ends in the server's state. Apply events from pushes and sync
/// only: a history page's messages are already in their current state, and applying an older
/// event from such a page would take them back.
namespace Banter::MessageChange {

/// Applies @p change to @p target (the message with id change.event->messageId) as user
/// @p me sees it (a reaction's `mine`). Returns whether @p target changed; false when
/// @p change is not a change event or names another message.
BANTERSHARED_EXPORT bool apply(Message &target, const Message &change, UserId me);

/// Keeps a reply's preview current when the message it answers is deleted or edited
/// (@p change names the original). Returns whether @p reply changed.
BANTERSHARED_EXPORT bool applyToReply(Message &reply, const Message &change);

} // namespace Banter::MessageChange
