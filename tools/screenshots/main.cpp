// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter_screenshots [--scene chat|files|trust|lan|profile|search|admin|messages]... [OUTPUT_DIR]
// Renders the desktop client's pictures for the docs into OUTPUT_DIR (default: the current
// directory). scripts/screenshots.sh builds and runs it offscreen or under Xvfb.
#include "scenes.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

using namespace Banter::Screenshots;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"banter-screenshots"_s);
    // Settings and the file cache go to test locations, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    // "Servers on your network" asks this machine only, never the network it runs on.
    qputenv("BANTER_DISCOVERY", "loopback");

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Renders the Banter desktop client's screenshots."_s);
    parser.addHelpOption();
    const QCommandLineOption sceneOption(u"scene"_s,
                                         u"Render only this scene: chat, files, trust, lan, "
                                         u"profile, search, admin or messages (may be given "
                                         "more than once)."_s,
                                         u"name"_s);
    parser.addOption(sceneOption);
    parser.addPositionalArgument(u"output"_s, u"Where to write the PNG files."_s);
    parser.process(app);

    const QStringList known = {u"chat"_s,    u"files"_s,  u"trust"_s, u"lan"_s,
                               u"profile"_s, u"search"_s, u"admin"_s, u"messages"_s};
    QStringList scenes = parser.values(sceneOption);
    if (scenes.isEmpty())
        scenes = known;
    for (const QString &scene : std::as_const(scenes)) {
        if (!known.contains(scene)) {
            std::fprintf(stderr, "banter_screenshots: unknown scene %s\n", qPrintable(scene));
            return 2;
        }
    }
    const QStringList positional = parser.positionalArguments();
    const QDir out(positional.isEmpty() ? QDir::currentPath() : positional.constFirst());
    if (!out.exists() && !QDir().mkpath(out.path())) {
        std::fprintf(stderr, "banter_screenshots: cannot create %s\n", qPrintable(out.path()));
        return 2;
    }

    bool ok = true;
    if (scenes.contains(u"chat"_s))
        ok = shootChat(out) && ok;
    if (scenes.contains(u"files"_s))
        ok = shootFiles(out) && ok;
    if (scenes.contains(u"trust"_s))
        ok = shootTrust(out) && ok;
    if (scenes.contains(u"lan"_s))
        ok = shootLan(out) && ok;
    if (scenes.contains(u"profile"_s))
        ok = shootProfile(out) && ok;
    if (scenes.contains(u"search"_s))
        ok = shootSearch(out) && ok;
    if (scenes.contains(u"admin"_s))
        ok = shootAdmin(out) && ok;
    if (scenes.contains(u"messages"_s))
        ok = shootMessages(out) && ok;
    return ok ? 0 : 1;
}
