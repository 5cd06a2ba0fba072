// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discoveryresponder.h"

#include <QNetworkDatagram>

namespace Banter::Test {

DiscoveryResponder::DiscoveryResponder(DiscoveryAnnouncement announcement,
                                       const QHostAddress &address, quint16 port)
    : m_announcement(std::move(announcement))
{
    m_socket.bind(address, port);
    QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] { answer(); });
}

void DiscoveryResponder::answer()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram query = m_socket.receiveDatagram(65'536);
        const std::optional<QByteArray> nonce = parseDiscoveryQuery(query.data());
        if (!nonce)
            continue;
        ++queries;
        if (!answering)
            continue;
        QList<QByteArray> answers;
        const QByteArray valid = encodeDiscoveryAnswer(m_announcement, *nonce);
        if (hostile) {
            QByteArray wrongNonce = *nonce;
            wrongNonce[0] = char(wrongNonce[0] ^ 0xff);
            answers = {encodeDiscoveryAnswer(m_announcement, wrongNonce), valid.left(30),
                       valid + QByteArray(2000, 'x'), QByteArray(200, '\0'), *nonce};
        } else {
            answers = {valid};
        }
        for (const QByteArray &datagram : std::as_const(answers))
            m_socket.writeDatagram(datagram, query.senderAddress(), query.senderPort());
    }
}

} // namespace Banter::Test
