// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Banter::Desktop {

// Asks the user to confirm a step that cannot be taken back; true goes ahead. The pages that
// ask take one, so tests can answer without a modal message box.
using Confirmer = std::function<bool(const QString &title, const QString &question)>;

// The confirmer the application uses: a Yes/No message box over `parent`, No by default.
Confirmer messageBoxConfirmer(QWidget *parent);

} // namespace Banter::Desktop
