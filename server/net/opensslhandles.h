// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Owning handles for the few libcrypto objects the TLS set-up uses, so every early return
// frees what was allocated so far.

#include <QByteArray>
#include <QString>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Banter::Server::OpenSsl {

template<auto Free>
struct Freer
{
    template<typename T>
    void operator()(T *handle) const
    {
        Free(handle);
    }
};

using Key = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Freer<EVP_PKEY_CTX_free>>;
using Certificate = std::unique_ptr<X509, Freer<X509_free>>;
using Bio = std::unique_ptr<BIO, Freer<BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION_free>>;
using Names = std::unique_ptr<GENERAL_NAMES, Freer<GENERAL_NAMES_free>>;

// A read-only memory BIO over `bytes` (which must outlive it).
Bio readBio(const QByteArray &bytes);
// Everything written to a memory BIO so far.
QByteArray bioBytes(BIO *bio);
// OpenSSL's reason for the most recent failure (and clears its error queue), or "unknown".
QString lastError();

} // namespace Banter::Server::OpenSsl
