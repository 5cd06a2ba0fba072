// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/transferclient.h>

#include <QFile>
#include <QString>

#include <memory>

namespace Banter {

// One upload and where it stands. Its steps and the moves between them are written down once,
// in canMove(); moveTo() refuses every other move, so the upload code cannot drift into a
// combination of flags that means nothing.
//
//   Idle ─► Hashing ─► Connecting ─► Starting ─► Running ─► Finishing ─► Finished
//                          ▲  ▲          │ ▲        │ ▲         │
//                          │  └──────────┤ └─Queued─┘ └─(failure push: Starting)
//                          └─ disconnect ┘
// Any step before Finished may become Paused, Failed or Cancelled; Paused and Failed resume.
class BANTERSHARED_EXPORT UploadJob
{
public:
    enum class Step {
        Idle, // created; a file that cannot be sent fails from here
        Hashing, // the SHA-256 is being computed on a worker thread
        Connecting, // waiting for the transfer connection
        Starting, // upload_start sent, its reply awaited
        Queued, // refused for the uploads-at-a-time limit while others of ours run
        Running, // sending chunks
        Finishing, // every byte confirmed; upload_finish sent
        Paused,
        Finished,
        Failed,
        Cancelled,
    };
    static constexpr int StepCount = int(Step::Cancelled) + 1;

    // Whether `from` may become `to`: the upload's one transition table. A step never
    // "moves" to itself (moveTo treats that as nothing to do).
    static bool canMove(Step from, Step to);
    // What the public API shows for a step.
    static TransferClient::State publicState(Step step);
    static const char *name(Step step);

    explicit UploadJob(TransferClient::TransferId id);

    Step step() const { return m_step; }
    // Moves to `to` if the table allows it (or it is the current step) and keeps
    // info.state in line; refuses anything else with a warning and returns false.
    bool moveTo(Step to);
    // Not paused, failed, finished or cancelled.
    bool isActive() const;
    // Chunks may be sent and confirmations are expected (Running or Finishing).
    bool isSending() const { return m_step == Step::Running || m_step == Step::Finishing; }

    TransferClient::Transfer info;
    QString uploadId; // the server's id of this upload, once started
    QString sha256; // empty until hashed
    qint64 sent = 0; // bytes handed to the socket
    int chunkSize = 0;
    int window = 0;
    int resumes = 0; // restarts after failure pushes, up to MaxResumes
    // Refusals for the limit with none of ours running: the first is asked about again.
    int limitRefusals = 0;
    // An upload_start awaits its reply. Not a step: a paused upload may still await one, and
    // the server may already count it against the uploads-at-a-time limit (it takes the slot
    // before opening the file), so a refusal seen meanwhile by another upload is about that
    // slot, not the quota.
    bool startPending = false;
    std::unique_ptr<QFile> file; // the file being sent, while Running or Finishing

private:
    Step m_step = Step::Idle;
};

} // namespace Banter
