// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter: the desktop client. Signs in, then shows the main window.
#include "client/clientsession.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("banter"));
    QApplication::setOrganizationName(QStringLiteral("Banter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Banter"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("banter"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    Banter::ClientSession session;
    Banter::ClientSession::Options options;
    options.clientName = QStringLiteral("banter-desktop");
    session.setOptions(options);

    Banter::Desktop::SignInDialog signIn(session);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    Banter::Desktop::MainWindow window(session);
    window.show();
    return app.exec();
}
