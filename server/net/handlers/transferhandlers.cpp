// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The transfer connection (path /transfer): hello, ping, auth, upload_start, upload_finish,
// upload_cancel, download, download_cancel, file. Chunks arrive as binary frames and go
// straight to TransferService::onBinary.
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include "net/transferservice.h"
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>
#include "service/authservice.h"

#include <QPointer>

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerTransferHandlers(RequestRouter &router, Services &s, TransferService &t)
{
    registerHelloAndPing(router, s);
    // Signs the transfer connection in with an access token. It does not count as a chat
    // connection: it gets no pushes and does not make anyone look online.
    router.add(
        P::Type::Auth, Access::Anyone,
        [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
            withDecoded<P::AuthRequest>(data, reply, [&](const P::AuthRequest &r) {
                s.auth.authenticate(
                    r.token, [conn = QPointer(&c), reply](Result<P::AuthReply> auth) {
                        if (!auth)
                            return reply.failure(auth.error());
                        if (!conn)
                            return;
                        if (conn->isAuthenticated() && conn->userId() != auth->user.id)
                            return reply.failure(makeError(
                                ErrorCode::BadRequest,
                                QStringLiteral("this connection is signed in as another user")));
                        conn->setAuthenticated(auth->user.id, auth->sessionId);
                        reply.success(auth->toJson());
                    });
            });
        });
    router.add(P::Type::UploadStart, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UploadStartRequest>(
                       data, reply,
                       [&](const P::UploadStartRequest &r) { t.startUpload(c, r, reply); });
               });
    router.add(P::Type::UploadFinish, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UploadRef>(data, reply, [&](const P::UploadRef &r) {
                       t.finishUpload(c, r.uploadId, reply);
                   });
               });
    router.add(P::Type::UploadCancel, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UploadRef>(data, reply, [&](const P::UploadRef &r) {
                       t.cancelUpload(c, r.uploadId, reply);
                   });
               });
    router.add(P::Type::Download, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::DownloadRequest>(
                       data, reply, [&](const P::DownloadRequest &r) { t.download(c, r, reply); });
               });
    router.add(P::Type::DownloadCancel, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::DownloadRequest>(data, reply, [&](const P::DownloadRequest &r) {
                       t.cancelDownload(c, r.fileId, reply);
                   });
               });
    router.add(P::Type::File, Access::Authenticated,
               [&t](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::DownloadRequest>(data, reply, [&](const P::DownloadRequest &r) {
                       t.fileInfo(c.userId(), r.fileId, reply);
                   });
               });
}

} // namespace Banter::Server
