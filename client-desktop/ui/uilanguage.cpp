// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Banter::Desktop::UiLanguage {

namespace {
// The translators live as children of the application, named, so the next switch finds them.
const QString TranslatorName = QStringLiteral("banterUiTranslator");
} // namespace

bool apply(const QString &language, const QString &directory)
{
    QCoreApplication *app = QCoreApplication::instance();
    for (QTranslator *old : app->findChildren<QTranslator *>(TranslatorName)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(app);
    qt->setObjectName(TranslatorName);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *banter = new QTranslator(app);
    banter->setObjectName(TranslatorName);
    const bool found =
        banter->load(locale, QStringLiteral("banter"), QStringLiteral("_"), directory);
    // No catalogue for this language: the English one, whose plural forms read "1 new
    // message", "2 new messages" where the source text says "%n new message(s)".
    if (found || banter->load(QStringLiteral("banter_en"), directory))
        QCoreApplication::installTranslator(banter);
    return found;
}

} // namespace Banter::Desktop::UiLanguage
