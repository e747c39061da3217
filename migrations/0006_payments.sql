-- Payments to members: batches prepared from what the cooperative owes each member, a file for the
-- bank, and each payment marked paid with its reference, which posts it to the ledger.

CREATE TABLE payment_batches (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  batch_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('cash', 'bank', 'mobile_wallet')),
  note text,
  currency text NOT NULL REFERENCES currencies (code),
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, batch_id)
);

CREATE TABLE payments (
  org_id uuid NOT NULL,
  payment_id uuid NOT NULL,
  batch_id uuid NOT NULL,
  member_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled')),
  reference text,
  paid_on date,
  entry_id uuid,
  marked_at timestamptz,
  marked_by_label text,
  PRIMARY KEY (org_id, payment_id),
  UNIQUE (org_id, batch_id, member_id),
  FOREIGN KEY (org_id, batch_id) REFERENCES payment_batches (org_id, batch_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  FOREIGN KEY (org_id, entry_id) REFERENCES journal_entries (org_id, entry_id),
  CHECK ((status = 'paid') = (entry_id IS NOT NULL AND paid_on IS NOT NULL))
);
CREATE INDEX payments_member_idx ON payments (org_id, member_id);
-- a member has at most one payment waiting, so a balance is never paid twice by two batches
CREATE UNIQUE INDEX payments_one_pending_key ON payments (org_id, member_id) WHERE status = 'pending';
