// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/systemevent.h>

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Banter::Desktop {

// The sentence a system message shows ("Alice renamed the group to “Crew”"), worded here so
// the model hands views ready, translated text and no view reads the event itself.
class SystemEventText
{
    Q_DECLARE_TR_FUNCTIONS(Banter::Desktop::SystemEventText)
public:
    // `actor` is the display name of the message's sender, who made the change.
    static QString describe(const std::optional<SystemEvent> &event, const QString &actor);
};

} // namespace Banter::Desktop
