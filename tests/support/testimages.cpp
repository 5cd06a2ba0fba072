// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testimages.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace Banter::Test {

QImage landscape(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(0xff, 0x9a, 0x5a));
    sky.setColorAt(0.6, QColor(0xfd, 0xd8, 0x9b));
    sky.setColorAt(1, QColor(0x6a, 0x8f, 0xc9));
    painter.fillRect(image.rect(), sky);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xff, 0xf1, 0xb8));
    painter.drawEllipse(QPointF(width * 0.7, height * 0.45), height * 0.12, height * 0.12);
    painter.setBrush(QColor(0x3b, 0x5d, 0x4a));
    QPainterPath hills;
    hills.moveTo(0, height);
    hills.cubicTo(width * 0.3, height * 0.55, width * 0.6, height * 0.95, width, height * 0.65);
    hills.lineTo(width, height);
    painter.drawPath(hills);
    return image;
}

} // namespace Banter::Test
