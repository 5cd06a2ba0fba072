// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shooting.h"

#include <QPixmap>
#include <QTest>

#include <cstdio>

namespace Banter::Screenshots {

using namespace Qt::StringLiterals;

bool failed(const QString &what)
{
    std::fprintf(stderr, "banter_screenshots: %s\n", qPrintable(what));
    return false;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

void settle(int ms)
{
    QTest::qWait(ms);
}

bool show(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return failed(u"the window %1 was never shown"_s.arg(
            QString::fromLatin1(window->metaObject()->className())));
    return true;
}

bool activate(QWidget *window)
{
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return failed(u"the window %1 never became active"_s.arg(
            QString::fromLatin1(window->metaObject()->className())));
    return true;
}

bool save(const QDir &out, const QString &name, const QPixmap &picture)
{
    const QString path = out.filePath(name + u".png"_s);
    if (picture.isNull() || !picture.save(path))
        return failed(u"cannot write %1"_s.arg(path));
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool save(const QDir &out, const QString &name, QWidget *widget)
{
    return save(out, name, widget->grab());
}

} // namespace Banter::Screenshots
