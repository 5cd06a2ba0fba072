// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/selfsignedcertificate.h"

#include "net/opensslhandles.h"

#include <QNetworkInterface>
#include <QSysInfo>

#include <algorithm>
#include <ctime>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr int ValidityDays = 20 * 365 + 5; // twenty years with their leap days
// Valid from a little before now, so a client whose clock is behind ours accepts it too.
constexpr long BackdateSeconds = 3600;
constexpr qsizetype MaxCommonName = 64; // RFC 5280's upper bound; OpenSSL refuses longer
constexpr int SerialBytes = 16;

Error failure(const QString &step)
{
    return makeError(
        ErrorCode::Internal,
        u"cannot make a self-signed TLS certificate: %1 (%2)"_s.arg(step, OpenSsl::lastError()));
}

// A name a DNS entry may carry: letters, digits, '-' and '.', as host names are.
bool isDnsName(const QString &name)
{
    if (name.isEmpty() || name.size() > 253 || name.startsWith(u'.') || name.startsWith(u'-'))
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'-' || u == u'.';
    });
}

QByteArray addressBytes(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const char bytes[4] = {char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4)};
        return QByteArray(bytes, 4);
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
}

bool addName(GENERAL_NAMES *names, int type, const QByteArray &value)
{
    ASN1_STRING *text = type == GEN_IPADD ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
    GENERAL_NAME *name = GENERAL_NAME_new();
    if (!text || !name || !ASN1_STRING_set(text, value.constData(), int(value.size()))) {
        ASN1_STRING_free(text);
        GENERAL_NAME_free(name);
        return false;
    }
    GENERAL_NAME_set0_value(name, type, text);
    if (!sk_GENERAL_NAME_push(names, name)) {
        GENERAL_NAME_free(name);
        return false;
    }
    return true;
}

bool addAlternativeNames(X509 *certificate, const CertificateSubject &subject)
{
    const OpenSsl::Names names(GENERAL_NAMES_new());
    if (!names || !addName(names.get(), GEN_DNS, "localhost"))
        return false;
    if (subject.hostName != "localhost"_L1 && isDnsName(subject.hostName)
        && !addName(names.get(), GEN_DNS, subject.hostName.toLatin1()))
        return false;
    QList<QHostAddress> addresses{QHostAddress::LocalHost, QHostAddress::LocalHostIPv6};
    for (const QHostAddress &address : subject.addresses) {
        if (!address.isNull() && !addresses.contains(address))
            addresses.append(address);
    }
    for (const QHostAddress &address : std::as_const(addresses)) {
        if (!addName(names.get(), GEN_IPADD, addressBytes(address)))
            return false;
    }
    return X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT)
        == 1;
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const OpenSsl::Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool setRandomSerial(X509 *certificate)
{
    unsigned char bytes[SerialBytes];
    if (RAND_bytes(bytes, SerialBytes) != 1)
        return false;
    BIGNUM *serial = BN_bin2bn(bytes, SerialBytes, nullptr);
    const bool set = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate));
    BN_free(serial);
    return set;
}

bool setValidity(X509 *certificate)
{
    time_t now = std::time(nullptr);
    return X509_time_adj_ex(X509_getm_notBefore(certificate), 0, -BackdateSeconds, &now)
        && X509_time_adj_ex(X509_getm_notAfter(certificate), ValidityDays, -BackdateSeconds, &now);
}

bool setName(X509 *certificate, const QString &hostName)
{
    const QString commonName =
        (hostName.isEmpty() ? u"banterd"_s : u"banterd on "_s + hostName).left(MaxCommonName);
    const QByteArray utf8 = commonName.toUtf8();
    X509_NAME *name = X509_get_subject_name(certificate);
    return X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0)
        && X509_set_issuer_name(certificate, name); // self-signed: issuer and subject are one
}

OpenSsl::Key generateKey()
{
    const OpenSsl::KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1
        || EVP_PKEY_CTX_set_group_name(context.get(), "P-256") != 1
        || EVP_PKEY_generate(context.get(), &key) != 1)
        return {};
    return OpenSsl::Key(key);
}

Result<PemPair> encode(X509 *certificate, EVP_PKEY *key)
{
    const OpenSsl::Bio certificatePem(BIO_new(BIO_s_mem()));
    const OpenSsl::Bio keyPem(BIO_new(BIO_s_mem()));
    if (!certificatePem || !keyPem || !PEM_write_bio_X509(certificatePem.get(), certificate)
        || !PEM_write_bio_PrivateKey(keyPem.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        return failure(u"PEM encoding"_s);
    return PemPair{OpenSsl::bioBytes(certificatePem.get()), OpenSsl::bioBytes(keyPem.get())};
}
} // namespace

CertificateSubject CertificateSubject::thisMachine()
{
    CertificateSubject subject{QSysInfo::machineHostName(), {}};
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (!address.isLoopback())
            subject.addresses.append(address);
    }
    return subject;
}

Result<PemPair> generateSelfSignedCertificate(const CertificateSubject &subject)
{
    const OpenSsl::Key key = generateKey();
    if (!key)
        return failure(u"EC P-256 key generation"_s);
    const OpenSsl::Certificate certificate(X509_new());
    if (!certificate || !X509_set_version(certificate.get(), X509_VERSION_3)
        || !setRandomSerial(certificate.get()) || !setValidity(certificate.get())
        || !setName(certificate.get(), subject.hostName)
        || !X509_set_pubkey(certificate.get(), key.get()))
        return failure(u"certificate fields"_s);
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash")
        || !addAlternativeNames(certificate.get(), subject))
        return failure(u"certificate extensions"_s);
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failure(u"signing"_s);
    return encode(certificate.get(), key.get());
}

} // namespace Banter::Server
