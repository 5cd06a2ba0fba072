// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <QApplication>
#include <QStyleFactory>

namespace Banter::Desktop {

void applyTheme(AppSettings::Theme theme)
{
    if (theme == AppSettings::Theme::System)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == AppSettings::Theme::Dark ? darkPalette() : lightPalette());
}

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::Base, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf1, 0xf3));
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    return p;
}

QPalette darkPalette()
{
    // Base a little lighter than the window: Fusion outlines frames and check boxes with the
    // window colour darkened, which would vanish on a base darker than the window.
    const QColor window(0x25, 0x28, 0x2d);
    const QColor base(0x2d, 0x31, 0x37);
    const QColor text(0xe6, 0xe8, 0xeb);
    QPalette p(window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x34, 0x39, 0x40));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x93, 0xc5, 0xfd));
    p.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x85, 0x8c));
    return p;
}

QColor mixColors(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * share),
                            float(a.greenF() + (b.greenF() - a.greenF()) * share),
                            float(a.blueF() + (b.blueF() - a.blueF()) * share));
}

} // namespace Banter::Desktop
