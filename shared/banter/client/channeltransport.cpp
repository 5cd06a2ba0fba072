// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/channeltransport.h>

namespace Banter {

ChannelTransport::ChannelTransport(QObject *parent)
    : QObject(parent)
{ }

ChannelTransport::~ChannelTransport() = default;

} // namespace Banter
