// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Banter::Desktop {

// The interface language, switched while Banter runs: replaces the application's
// translators (Qt's own and Banter's, from `directory`) and the default locale. Every
// widget then gets QEvent::LanguageChange and words itself again.
namespace UiLanguage {
// `language`: "en", "zh_CN", … or empty for the system's. False when Banter has no
// translation for it (English is then shown, with its plural forms).
bool apply(const QString &language, const QString &directory = QStringLiteral(":/i18n"));
} // namespace UiLanguage

} // namespace Banter::Desktop
