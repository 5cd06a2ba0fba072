// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Must compile: the control case, so that the refusals above are about the include alone.
#include "service/messagingservice.h"
