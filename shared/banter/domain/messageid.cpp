// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messageid.h>

#include <QDateTime>
#include <QRandomGenerator>

namespace Banter {

QUuid newMessageId(qint64 unixMs)
{
    quint32 random[3];
    QRandomGenerator::global()->fillRange(random);
    const quint64 ms = quint64(unixMs) & 0xFFFF'FFFF'FFFFull;
    QUuid id;
    id.data1 = quint32(ms >> 16);
    id.data2 = quint16(ms & 0xFFFF);
    id.data3 = quint16(0x7000 | (random[0] & 0x0FFF)); // version 7, 12 random bits
    const quint64 tail = (quint64(random[1]) << 32) | random[2];
    for (int i = 0; i < 8; ++i)
        id.data4[i] = uchar(tail >> (56 - 8 * i));
    id.data4[0] = uchar((id.data4[0] & 0x3F) | 0x80); // the RFC 4122/9562 variant
    return id;
}

QUuid newMessageId()
{
    return newMessageId(QDateTime::currentMSecsSinceEpoch());
}

} // namespace Banter
