// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/invitationlink.h>
#include <banter/domain/user.h>

#include <QUrlQuery>

#include <algorithm>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {
constexpr int DefaultPort = 7654;
constexpr int Sha256Bytes = 32;
constexpr int MaxTokenChars = 128;

Error refused(const QString &why)
{
    return makeError(ErrorCode::BadRequest, u"not a Banter link: "_s + why);
}

// 64 hex digits, or 32 colon-separated pairs as the fingerprint prompt shows them.
QByteArray parseFingerprint(QString text)
{
    text.remove(u':');
    if (text.size() != 2 * Sha256Bytes)
        return {};
    for (QChar c : std::as_const(text)) {
        if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
            return {};
    }
    return QByteArray::fromHex(text.toLatin1());
}

bool isTokenCharacter(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
        || c == u'-' || c == u'_';
}
} // namespace

Result<InvitationLink> InvitationLink::parse(const QString &text)
{
    if (text.size() > MaxLinkChars)
        return refused(u"longer than %1 characters"_s.arg(MaxLinkChars));
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare("banter"_L1, Qt::CaseInsensitive) != 0)
        return refused(u"it does not start with banter://"_s);
    if (url.host().isEmpty())
        return refused(u"it names no server"_s);
    if (!url.userInfo().isEmpty() || !url.fragment().isEmpty())
        return refused(u"it carries a user name or a fragment"_s);
    if (url.path() != "/"_L1 && !url.path().isEmpty())
        return refused(u"it has a path"_s);
    const int port = url.port(DefaultPort);
    if (port < 1 || port > 65535)
        return refused(u"the port is out of range"_s);

    const QUrlQuery query(url.query(QUrl::FullyEncoded));
    const QStringList keys = {u"fp"_s, u"name"_s, u"invite"_s, u"tls"_s};
    for (const QString &key : keys) {
        if (query.allQueryItemValues(key).size() > 1)
            return refused(u"'%1' is given twice"_s.arg(key));
    }
    const auto value = [&](const QString &key) {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    };

    InvitationLink link;
    const QString tls = value(u"tls"_s);
    if (!tls.isEmpty() && tls != "on"_L1 && tls != "off"_L1)
        return refused(u"tls is neither on nor off"_s);
    const bool secure = tls != "off"_L1;
    if (secure) {
        link.fingerprint = parseFingerprint(value(u"fp"_s));
        if (link.fingerprint.isEmpty())
            return refused(u"the certificate fingerprint (fp) is missing or malformed"_s);
    } else if (query.hasQueryItem(u"fp"_s)) {
        return refused(u"a fingerprint for a server without TLS"_s);
    }
    link.serverName = value(u"name"_s).trimmed();
    if (link.serverName.size() > MaxServerNameChars
        || !UserRules::validateDisplayName(link.serverName))
        return refused(u"the server name is too long or holds control characters"_s);
    link.token = value(u"invite"_s);
    if (link.token.size() > MaxTokenChars
        || !std::all_of(link.token.cbegin(), link.token.cend(), isTokenCharacter))
        return refused(u"the invitation is malformed"_s);

    link.serverUrl.setScheme(secure ? u"wss"_s : u"ws"_s);
    link.serverUrl.setHost(url.host());
    link.serverUrl.setPort(port);
    return link;
}

QString InvitationLink::toString() const
{
    QString query;
    const auto add = [&query](const QString &key, const QString &value) {
        query += (query.isEmpty() ? u"?"_s : u"&"_s) + key + u'='
            + QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    if (fingerprint.isEmpty())
        add(u"tls"_s, u"off"_s);
    else
        add(u"fp"_s, QString::fromLatin1(fingerprint.toHex()));
    if (!serverName.isEmpty())
        add(u"name"_s, serverName);
    if (!token.isEmpty())
        add(u"invite"_s, token);
    QUrl base;
    base.setScheme(u"banter"_s);
    base.setHost(serverUrl.host());
    base.setPort(serverUrl.port(DefaultPort));
    base.setPath(u"/"_s);
    return base.toString(QUrl::FullyEncoded) + query;
}

} // namespace Banter
