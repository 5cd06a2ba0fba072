// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/transferclient.h>

#include <QCryptographicHash>
#include <QFile>

#include <memory>

namespace Banter {

// A download's "<target>.part" and the SHA-256 of the bytes written to it, kept across
// pauses and reconnects so that a resume does not read the file again. Touched only on the
// transfer client's disk thread.
struct DownloadPart
{
    QFile file;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 size = 0; // bytes written and hashed
    bool hashed = false; // size and hash describe the file's first bytes
};

// One download and where it stands. Its steps and the moves between them are written down
// once, in canMove(); moveTo() refuses every other move.
//
//   Idle ─► Connecting ─► Opening ─► Requesting ─► Running ─► Verifying ─► Finished
//                ▲           ▲                      │  ▲  ▲
//                │           │ (out of step, push)  ▼  │  │
//                │           └──────────────── Throttled ─► Stopped
//                └─ disconnect (from Requesting and the receiving steps)
// Any step before Finished may become Paused, Failed or Cancelled; Paused and Failed resume.
class BANTERSHARED_EXPORT DownloadJob
{
public:
    enum class Step {
        Idle, // created, starts on the next turn of the event loop
        Connecting, // waiting for the transfer connection
        Opening, // opening "<target>.part" and hashing what an earlier run left in it
        Requesting, // download sent, its reply awaited
        Running, // receiving chunks
        // The disk fell behind by more than the high water mark: the stream was asked to
        // stop; the chunks already on their way still come and are written.
        Throttled,
        // The server confirmed the stop (nothing more is on its way); asked for again from
        // where it got to once the disk is back under the low water mark.
        Stopped,
        Verifying, // every byte written; the hash is checked on the disk thread
        Paused,
        Finished,
        Failed,
        Cancelled,
    };
    static constexpr int StepCount = int(Step::Cancelled) + 1;

    // Whether `from` may become `to`: the download's one transition table. A step never
    // "moves" to itself (moveTo treats that as nothing to do).
    static bool canMove(Step from, Step to);
    // What the public API shows for a step.
    static TransferClient::State publicState(Step step);
    static const char *name(Step step);

    explicit DownloadJob(TransferClient::TransferId id);

    Step step() const { return m_step; }
    // Moves to `to` if the table allows it (or it is the current step) and keeps
    // info.state in line; refuses anything else with a warning and returns false.
    bool moveTo(Step to);
    // Not paused, failed, finished or cancelled.
    bool isActive() const;
    // Chunks of the stream are arriving or may still arrive (Running, Throttled, Stopped).
    bool isReceiving() const;

    TransferClient::Transfer info;
    std::shared_ptr<DownloadPart> part;
    quint64 run = 0; // bumped by every start, pause, cancel and failure: older replies are stale
    qint64 received = 0; // bytes received in this run, written or queued to be
    int resumes = 0; // restarts after going out of step or failure pushes, up to MaxResumes

private:
    Step m_step = Step::Idle;
};

} // namespace Banter
