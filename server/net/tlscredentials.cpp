// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/tlscredentials.h"

#include "net/opensslhandles.h"
#include "net/selfsignedcertificate.h"
#include "serverlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/pem.h>
#include <optional>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MaxPemBytes = 1024 * 1024; // a chain of a few certificates is a few KiB
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerOnlyDirectory = OwnerOnly | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions Public =
    OwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

Error fileError(const QString &message)
{
    return makeError(ErrorCode::Unavailable, message);
}

Result<QByteArray> readPem(const QString &what, const QString &path)
{
    if (!QFileInfo(path).isFile())
        return fileError(u"the TLS %1 %2 does not exist"_s.arg(what, path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(u"cannot read the TLS %1 %2: %3"_s.arg(what, path, file.errorString()));
    const QByteArray bytes = file.read(MaxPemBytes + 1);
    if (bytes.size() > MaxPemBytes)
        return fileError(u"the TLS %1 %2 is too large to be PEM"_s.arg(what, path));
    return bytes;
}

// Never asks for a passphrase: banterd starts unattended, so an encrypted key is an error
// (without this callback OpenSSL would prompt on the terminal).
int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

std::optional<QSsl::KeyAlgorithm> qtAlgorithm(const EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC:
        return QSsl::Ec;
    case EVP_PKEY_RSA:
        return QSsl::Rsa;
    case EVP_PKEY_DSA:
        return QSsl::Dsa;
    default:
        return std::nullopt;
    }
}

// Qt would only notice a key that does not fit the certificate in the first handshake, so
// the public halves are compared here with libcrypto.
Result<QSslKey> readKey(const QString &path, const QByteArray &pem, const QSslCertificate &leaf,
                        const QString &certificatePath)
{
    const OpenSsl::Bio bio = OpenSsl::readBio(pem);
    const OpenSsl::Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr));
    if (!key)
        return fileError(u"the TLS key %1 is not an unencrypted PEM private key (%2)"_s.arg(
            path, OpenSsl::lastError()));
    const QByteArray der = leaf.toDer();
    const auto *derBytes = reinterpret_cast<const unsigned char *>(der.constData());
    const OpenSsl::Certificate certificate(d2i_X509(nullptr, &derBytes, long(der.size())));
    if (!certificate || EVP_PKEY_eq(X509_get0_pubkey(certificate.get()), key.get()) != 1) {
        OpenSsl::lastError(); // a mismatch leaves nothing useful in the queue; clear it
        return fileError(
            u"the TLS key %1 does not belong to the certificate %2"_s.arg(path, certificatePath));
    }
    const std::optional<QSsl::KeyAlgorithm> algorithm = qtAlgorithm(key.get());
    const QSslKey qtKey =
        algorithm ? QSslKey(pem, *algorithm, QSsl::Pem, QSsl::PrivateKey) : QSslKey();
    if (qtKey.isNull())
        return fileError(
            u"the TLS key %1 is of a kind banterd cannot use (use EC or RSA)"_s.arg(path));
    return qtKey;
}

void warnIfNotValidNow(const QSslCertificate &certificate, const QString &path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.expiryDate() < now)
        qCWarning(lcNet).noquote() << u"the TLS certificate %1 expired on %2; clients will "
                                      "refuse it until it is replaced"_s.arg(
                                          path, certificate.expiryDate().toString(Qt::ISODate));
    else if (certificate.effectiveDate() > now)
        qCWarning(lcNet).noquote() << u"the TLS certificate %1 is not valid before %2; clients "
                                      "will refuse it until then (is the clock right?)"_s.arg(
                                          path, certificate.effectiveDate().toString(Qt::ISODate));
}

Status writeAtomically(const QString &path, const QByteArray &bytes,
                       QFileDevice::Permissions permissions)
{
    // The file appears whole or not at all, and its mode is set before the bytes are
    // written, so a key never sits in a file others may read.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(permissions)
        || out.write(bytes) != bytes.size() || !out.commit())
        return fileError(u"cannot write %1: %2"_s.arg(path, out.errorString()));
    return success();
}

Status createPair(const QString &certificatePath, const QString &keyPath)
{
    const CertificateSubject subject = CertificateSubject::thisMachine();
    Result<PemPair> pair = generateSelfSignedCertificate(subject);
    if (!pair)
        return pair.error();
    // The key first: a certificate on disk always has its key beside it, so a crash between
    // the two writes only leaves a key, which the next start replaces.
    if (Status written = writeAtomically(keyPath, pair->key, OwnerOnly); !written)
        return written;
    if (Status written = writeAtomically(certificatePath, pair->certificate, Public); !written)
        return written;
    qCInfo(lcNet).noquote() << u"made a self-signed TLS certificate for %1 in %2; clients pin it "
                               "on first connection and warn if it ever changes"_s.arg(
                                   subject.hostName, certificatePath);
    return success();
}

Status restrictToOwner(const QString &keyPath)
{
    if (!(QFile::permissions(keyPath) & GroupOrOther))
        return success();
    qCWarning(lcNet) << "the TLS key" << keyPath
                     << "was readable by others; restricting it to its owner";
    if (!QFile::setPermissions(keyPath, OwnerOnly))
        return fileError(
            u"cannot restrict the TLS key %1 to its owner (chmod 600 it)"_s.arg(keyPath));
    return success();
}

Result<TlsCredentials> loadGenerated(const QString &dataDir)
{
    const QDir directory(QDir(dataDir).filePath(u"tls"_s));
    if (!QDir().mkpath(directory.path())
        || !QFile::setPermissions(directory.path(), OwnerOnlyDirectory))
        return fileError(u"cannot create the TLS directory %1 (mode 0700)"_s.arg(directory.path()));
    const QString certificate = directory.filePath(u"certificate.pem"_s);
    const QString key = directory.filePath(u"key.pem"_s);
    if (!QFileInfo::exists(certificate)) {
        if (Status created = createPair(certificate, key); !created)
            return created.error();
    } else if (!QFileInfo::exists(key)) {
        // Never silently replaced: a new certificate makes every client that pinned this one
        // warn its user.
        return fileError(u"the TLS key %1 is missing, but its certificate %2 is there; delete "
                         "the certificate to have a new pair made (every client will then warn "
                         "that the server's certificate changed)"_s.arg(key, certificate));
    } else if (Status restricted = restrictToOwner(key); !restricted) {
        return restricted.error();
    }
    return readTlsCredentials(certificate, key);
}
} // namespace

Result<TlsCredentials> loadTlsCredentials(const TlsConfig &config, const QString &dataDir)
{
    if (config.hasOwnFiles())
        return readTlsCredentials(config.certificateFile, config.keyFile);
    return loadGenerated(dataDir);
}

Result<TlsCredentials> readTlsCredentials(const QString &certificateFile, const QString &keyFile)
{
    Result<QByteArray> certificatePem = readPem(u"certificate"_s, certificateFile);
    if (!certificatePem)
        return certificatePem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fileError(u"the TLS certificate %1 holds no PEM certificate"_s.arg(certificateFile));
    Result<QByteArray> keyPem = readPem(u"key"_s, keyFile);
    if (!keyPem)
        return keyPem.error();
    Result<QSslKey> key = readKey(keyFile, *keyPem, chain.first(), certificateFile);
    if (!key)
        return key.error();
    warnIfNotValidNow(chain.first(), certificateFile);
    return TlsCredentials{chain, *key, QFileInfo(certificateFile).absoluteFilePath()};
}

} // namespace Banter::Server
