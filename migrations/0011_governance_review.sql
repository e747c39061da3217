-- From a review of the governance code:
-- a draw that breaks a tie is seeded when the tally runs (random, stored and shown), never by ids known
-- before the vote; the assembly designates who signs its minutes besides president and secretary; the
-- quorum on which the assembly began deciding is recorded when it happened, for the minutes; and a
-- tallied secret vote forgets its private key, so an old backup and the passphrase cannot pair voters
-- with their envelopes.
ALTER TABLE elections ADD COLUMN draw_seed text;
ALTER TABLE minutes ADD COLUMN designated_member_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE assemblies ADD COLUMN quorum_established jsonb;
ALTER TABLE secret_votes ALTER COLUMN sealed_private_key DROP NOT NULL;
