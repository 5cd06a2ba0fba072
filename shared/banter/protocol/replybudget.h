// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How big a reply that carries a list may grow. A list reply is cut by the size of its
// ENCODED frame (docs/PROTOCOL.md, "Limits"): every item is measured once as the compact
// JSON it becomes, so text that JSON escapes (a control character is six bytes), base64
// thumbnails and long names count at what they cost on the wire, not at their length.

#include <banter/bantershared_export.h>

#include <QJsonObject>
#include <QtGlobal>

namespace Banter::Protocol {

/// What a list reply aims at: it is cut (with its paging field) once its items pass this.
// A constant: an overflow would not compile, so the widening cannot lose anything.
// NOLINTNEXTLINE(bugprone-implicit-widening-of-multiplication-result)
inline constexpr qint64 ListReplyTargetBytes = 1024 * 1024;
/// Room kept for the envelope (type, rid, success) and a reply's own non-list fields.
inline constexpr qint64 ReplyEnvelopeBytes = 4096;

/// The size of \a object as compact JSON, in bytes.
BANTERSHARED_EXPORT qint64 encodedSize(const QJsonObject &object);

/**
 * Counts the encoded bytes of a list reply as items are added. The first item is always
 * taken, so a page always makes progress: one item is far below MaxServerFrameBytes (a
 * maximal message is under 64 KiB, a 500-member conversation under 512 KiB), so even a
 * reply cut at its first item stays within the bound clients enforce.
 */
class BANTERSHARED_EXPORT ReplyBudget
{
public:
    /// A budget of \a limit bytes (clamped to what a client accepts), the envelope included.
    explicit ReplyBudget(qint64 limit = ListReplyTargetBytes);

    /// Takes an item of \a bytes (its compact JSON size) if it fits, or if nothing was taken
    /// yet; false (nothing taken) when the reply is full.
    bool take(qint64 bytes);
    /// Measures \a item and takes it as take(qint64) does.
    bool take(const QJsonObject &item) { return take(encodedSize(item)); }
    /// Takes an item of \a bytes even over the budget: for the one item of a kind a reply
    /// must carry to make progress (the caller keeps to one such item per reply).
    void force(qint64 bytes);
    /// Whether take() would refuse \a bytes now.
    bool wouldOverflow(qint64 bytes) const;
    /// The bytes counted so far, envelope included.
    qint64 used() const { return m_used; }
    /// Whether nothing has been taken yet.
    bool isEmpty() const { return m_items == 0; }

private:
    qint64 m_limit;
    qint64 m_used = ReplyEnvelopeBytes;
    qint64 m_items = 0;
};

} // namespace Banter::Protocol
