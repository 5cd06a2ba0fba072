// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The transfer connection (path /transfer): hello, ping, auth, upload_start, upload_finish,
// upload_cancel, download, download_cancel, file. Chunks arrive as binary frames and go
// straight to TransferStreams::onBinary.
#include "net/handlers/services.h"
#include "net/route.h"
#include "net/transferstreams.h"
#include "service/authservice.h"
#include "service/fileservice.h"
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>

#include <QPointer>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerTransferHandlers(RequestRouter &router, Services &s, TransferStreams &t)
{
    registerHelloAndPing(router, s);
    // Signs the transfer connection in with an access token. It does not count as a chat
    // connection: it gets no pushes and does not make anyone look online.
    route<P::AuthRequest>(
        router, P::Type::Auth, Access::Anyone, s.auth,
        [&s](ClientConnection &c, const P::AuthRequest &r) {
            return s.auth.authenticate(r.token).then(
                &s.auth, [conn = QPointer(&c)](Result<P::AuthReply> auth) -> Result<P::AuthReply> {
                    if (!auth)
                        return auth;
                    if (!conn)
                        return makeError(ErrorCode::Unavailable, u"the connection closed"_s);
                    if (conn->isAuthenticated() && conn->userId() != auth->user.id)
                        return makeError(ErrorCode::BadRequest,
                                         u"this connection is signed in as another user"_s);
                    conn->setAuthenticated(auth->user.id, auth->sessionId);
                    return auth;
                });
        });
    route<P::UploadStartRequest>(
        router, P::Type::UploadStart, Access::Authenticated, t,
        [&t](ClientConnection &c, const P::UploadStartRequest &r) { return t.startUpload(c, r); });
    route<P::UploadRef>(
        router, P::Type::UploadFinish, Access::Authenticated, t,
        [&t](ClientConnection &c, const P::UploadRef &r) { return t.finishUpload(c, r.uploadId); });
    route<P::UploadRef>(
        router, P::Type::UploadCancel, Access::Authenticated, t,
        [&t](ClientConnection &c, const P::UploadRef &r) { return t.cancelUpload(c, r.uploadId); });
    route<P::DownloadRequest>(
        router, P::Type::Download, Access::Authenticated, t,
        [&t](ClientConnection &c, const P::DownloadRequest &r) { return t.download(c, r); });
    route<P::DownloadRequest>(router, P::Type::DownloadCancel, Access::Authenticated, t,
                              [&t](ClientConnection &c, const P::DownloadRequest &r) {
                                  return t.cancelDownload(c, r.fileId);
                              });
    route<P::DownloadRequest>(router, P::Type::File, Access::Authenticated, s.files,
                              [&s](ClientConnection &c, const P::DownloadRequest &r) {
                                  return s.files.fileInfo(c.userId(), r.fileId);
                              });
}

} // namespace Banter::Server
