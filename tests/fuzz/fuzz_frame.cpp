// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The bytes a peer controls before any codec looks at them: the JSON envelope of a text frame
// (both directions), the binary chunk frame of the transfer connection, and the UTF-8 and
// image checks uploads and avatars go through. Besides not crashing, a request that decodes
// encodes back to the same request, and a chunk to the same chunk.

#include "fuzzcheck.h"
#include <banter/domain/imageheader.h>
#include <banter/domain/messagecontent.h>
#include <banter/domain/user.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/transferframe.h>

using namespace Banter;
using namespace Banter::Protocol;

namespace {
void requestEnvelope(const QByteArray &frame)
{
    const auto decoded = decodeRequest(frame);
    if (const auto *request = std::get_if<Request>(&decoded)) {
        const auto again = decodeRequest(encodeRequest(request->type, request->rid, request->data));
        const auto *same = std::get_if<Request>(&again);
        Fuzz::check(same != nullptr, "an encoded request decodes");
        Fuzz::check(same->type == request->type && same->rid == request->rid
                        && same->data == request->data,
                    "a request survives encode and decode");
    } else {
        const auto &failure = std::get<RequestError>(decoded);
        // What is echoed is text a client can read back, and when it is within the bounds a
        // client checks, the error answer is a frame the client library decodes.
        Fuzz::check(MessageContent::isWellFormedText(failure.type)
                        && MessageContent::isWellFormedText(failure.rid),
                    "an echoed type or rid is well-formed text");
        if (failure.type.size() <= MaxTypeLength
            && MessageContent::characterCount(failure.rid) <= MaxRequestIdLength)
            Fuzz::check(decodeServerFrame(
                            encodeFailure(responseType(failure.type), failure.rid, failure.error))
                            .ok(),
                        "the error answer to a bad request decodes");
    }
}

void chunk(const QByteArray &frame)
{
    const std::optional<ChunkView> view = decodeChunk(frame);
    if (!view)
        return;
    Fuzz::check(view->payload.data() >= frame.constData()
                    && view->payload.data() + view->payload.size()
                        <= frame.constData() + frame.size(),
                "a chunk's payload lies inside its frame");
    Fuzz::check(encodeChunk(view->kind, view->id, view->offset, view->payload) == frame,
                "a chunk encodes back to its frame");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray frame = Fuzz::bytes(data, size);
    requestEnvelope(frame);
    (void)decodeServerFrame(frame);
    chunk(frame);
    (void)MessageContent::decodeUtf8(frame);
    (void)AvatarRules::readImageInfo(frame);
    (void)ImageHeader::sizeOf(frame);
    return 0;
}
