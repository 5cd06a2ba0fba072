// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/protocol/discoverydatagram.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {
// magic (4) + version (1) + kind (1) + reserved (2) + nonce (16)
constexpr QByteArrayView Magic = "BNTR";
constexpr char QueryKind = 'Q';
constexpr char AnswerKind = 'A';
constexpr qsizetype HeaderBytes = 8 + DiscoveryNonceBytes;
constexpr qsizetype MaximumNameBytes = 100;

QByteArray header(char kind, const QByteArray &nonce)
{
    QByteArray bytes = Magic.toByteArray();
    bytes.append(char(DiscoveryVersion));
    bytes.append(kind);
    bytes.append(2, '\0');
    bytes.append(nonce.left(DiscoveryNonceBytes));
    bytes.append(DiscoveryNonceBytes - qMin<qsizetype>(nonce.size(), DiscoveryNonceBytes), '\0');
    return bytes;
}

// The nonce, when `datagram` starts with a header of `kind` and has a size within bounds.
std::optional<QByteArray> readHeader(const QByteArray &datagram, char kind, qsizetype minimum,
                                     qsizetype maximum)
{
    if (datagram.size() < minimum || datagram.size() > maximum || !datagram.startsWith(Magic)
        || quint8(datagram.at(4)) != DiscoveryVersion || datagram.at(5) != kind)
        return std::nullopt;
    return datagram.mid(8, DiscoveryNonceBytes);
}

QByteArray answerBody(const DiscoveryAnnouncement &announcement, const QString &name)
{
    QJsonObject body{{u"v"_s, announcement.protocolVersion},
                     {u"name"_s, name},
                     {u"port"_s, int(announcement.port)},
                     {u"tls"_s, announcement.tls}};
    if (announcement.tls)
        body.insert(u"sha256"_s, QString::fromLatin1(announcement.certificateSha256.toHex()));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// `name` cut to at most `bytes` UTF-8 bytes without splitting a character.
QString shortened(const QString &name, qsizetype bytes)
{
    QString cut = name;
    while (cut.toUtf8().size() > bytes) {
        cut.chop(1);
        if (!cut.isEmpty() && cut.back().isHighSurrogate())
            cut.chop(1);
    }
    return cut;
}
} // namespace

QByteArray encodeDiscoveryQuery(const QByteArray &nonce)
{
    QByteArray query = header(QueryKind, nonce);
    query.append(DiscoveryQueryMinimumBytes - query.size(), '\0');
    return query;
}

std::optional<QByteArray> parseDiscoveryQuery(const QByteArray &datagram)
{
    return readHeader(datagram, QueryKind, DiscoveryQueryMinimumBytes,
                      DiscoveryDatagramMaximumBytes);
}

QByteArray encodeDiscoveryAnswer(const DiscoveryAnnouncement &announcement, const QByteArray &nonce)
{
    QString name = shortened(announcement.name, MaximumNameBytes);
    QByteArray body = answerBody(announcement, name);
    // Escaped control characters can still make the body too long: shorten until it fits.
    while (HeaderBytes + body.size() > DiscoveryAnswerMaximumBytes && !name.isEmpty()) {
        name = shortened(name, name.toUtf8().size() - 1);
        body = answerBody(announcement, name);
    }
    return header(AnswerKind, nonce) + body;
}

std::optional<DiscoveryAnswer> parseDiscoveryAnswer(const QByteArray &datagram)
{
    std::optional<QByteArray> nonce =
        readHeader(datagram, AnswerKind, HeaderBytes + 2, DiscoveryDatagramMaximumBytes);
    if (!nonce)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(datagram.mid(HeaderBytes), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject body = document.object();
    DiscoveryAnswer answer;
    answer.nonce = *nonce;
    DiscoveryAnnouncement &server = answer.announcement;
    server.protocolVersion = body.value(u"v"_s).toInt(0);
    server.name = body.value(u"name"_s).toString().left(MaximumNameBytes);
    const int port = body.value(u"port"_s).toInt(0);
    server.tls = body.value(u"tls"_s).toBool(true);
    server.certificateSha256 = QByteArray::fromHex(body.value(u"sha256"_s).toString().toLatin1());
    if (server.protocolVersion < 1 || port <= 0 || port > 65535
        || (server.tls && server.certificateSha256.size() != 32))
        return std::nullopt;
    server.port = quint16(port);
    if (!server.tls)
        server.certificateSha256.clear();
    return answer;
}

} // namespace Banter
