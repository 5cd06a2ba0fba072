// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sign-in dialog of tst_lannetwork, run offscreen inside the client's network namespace:
//   landialog NAME SECONDS   shows the dialog, waits for a server called NAME in "Servers on
//                            your network", chooses it with the keyboard (the list focused,
//                            Enter) and prints one JSON line: what the list showed before
//                            and what it listed, how long after showing, and what the
//                            address field then holds.
// Exit status 0 when it ran (found or not); the test judges what it printed.
#include "core/appsettings.h"
#include "core/lanservermodel.h"
#include "ui/certificateguard.h"
#include "ui/lanserverlist.h"
#include "ui/signindialog.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: landialog NAME SECONDS\n");
        return 2;
    }
    const QString &name = arguments.at(1);
    const int seconds = arguments.at(2).toInt();
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"settings.ini"_s));
    ClientSession session;
    CertificateGuard guard(session, settings);
    SignInDialog dialog(session);
    dialog.setCertificateGuard(&guard);
    QElapsedTimer shown;
    shown.start();
    dialog.show();
    // Read before any event is processed: an answer can arrive while the window is exposed.
    LanServerList &list = *dialog.lanServers();
    const QString before = list.emptyText();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return 1;
    LanServerModel &model = *list.model();
    int row = -1;
    const bool found = QTest::qWaitFor(
        [&] {
            for (int i = 0; i < model.rowCount(); ++i) {
                if (model.index(i).data(LanServerModel::NameRole).toString() == name)
                    row = i;
            }
            return row >= 0;
        },
        seconds * 1000);
    QJsonObject result{{u"found_ms"_s, found ? shown.elapsed() : -1},
                       {u"active"_s, model.isActive()},
                       {u"before"_s, before},
                       {u"found"_s, found},
                       {u"rows"_s, model.rowCount()}};
    if (found) {
        const QModelIndex index = model.index(row);
        result.insert(u"address"_s, index.data(LanServerModel::AddressRole).toString());
        result.insert(u"tls"_s, index.data(LanServerModel::TlsRole).toBool());
        list.view()->setFocus(Qt::TabFocusReason);
        list.view()->setCurrentIndex(index);
        QTest::keyClick(list.view(), Qt::Key_Return);
        result.insert(u"field"_s, dialog.serverField()->currentText());
    }
    std::fprintf(stdout, "%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    dialog.reject();
    return 0;
}
