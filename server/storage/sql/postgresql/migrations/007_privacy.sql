-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 7 (PostgreSQL): each user's privacy choices (issue 17).
-- hide_last_seen = 1: others see online, away or offline, never when the user was last seen.
-- group_adds_contacts_only = 1: only people the user keeps as a (not blocked) contact may
-- add them to groups. Existing users keep today's behaviour (both 0).
ALTER TABLE users ADD COLUMN hide_last_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN group_adds_contacts_only INTEGER NOT NULL DEFAULT 0;
