// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QDir>
#include <QString>
#include <QWidget>

#include <functional>

class QPixmap;

namespace Banter::Screenshots {

// Says on stderr which step failed; returns false so a scene can `return failed(...)`.
bool failed(const QString &what);

// Runs the event loop until `done` holds or `timeoutMs` passed (pictures wait for data that
// arrives over the socket, thumbnails decoded off-thread, and so on).
bool waitFor(const std::function<bool()> &done, int timeoutMs = 10'000);

// Lets layout, fonts and images settle before a picture is taken: what is on screen has no
// signal to wait for, so this waits a little, as a person would.
void settle(int ms = 300);

// Shows a window offscreen (or under Xvfb) and waits until it is exposed.
bool show(QWidget *window);

// Makes a shown window the active one (the list draws its selection in the active colour).
bool activate(QWidget *window);

// Saves a picture as out/<name>.png and says so.
bool save(const QDir &out, const QString &name, const QPixmap &picture);
bool save(const QDir &out, const QString &name, QWidget *widget);

// The model of type M that one of the item views under `root` shows (through any proxies),
// found by type so the pictures do not depend on the window's accessors.
template<typename M>
M *modelIn(const QWidget *root, QAbstractItemView **viewOut = nullptr)
{
    const auto views = root->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        QAbstractItemModel *model = view->model();
        while (auto *proxy = qobject_cast<QAbstractProxyModel *>(model))
            model = proxy->sourceModel();
        if (auto *found = qobject_cast<M *>(model)) {
            if (viewOut)
                *viewOut = view;
            return found;
        }
    }
    return nullptr;
}

// The item view under `root` that shows a model of type M.
template<typename M>
QAbstractItemView *viewOf(const QWidget *root)
{
    QAbstractItemView *view = nullptr;
    modelIn<M>(root, &view);
    return view;
}

// Rows of the model of type M under `root`; -1 when there is none.
template<typename M>
int rowsIn(const QWidget *root)
{
    QAbstractItemView *view = viewOf<M>(root);
    return view ? view->model()->rowCount() : -1;
}

} // namespace Banter::Screenshots
