// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/confirmer.h"

#include <QMessageBox>
#include <QPointer>

namespace Banter::Desktop {

Confirmer messageBoxConfirmer(QWidget *parent)
{
    return [owner = QPointer(parent)](const QString &title, const QString &question) {
        return QMessageBox::question(owner, title, question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No)
            == QMessageBox::Yes;
    };
}

} // namespace Banter::Desktop
