-- Settlements (liquidación): an extra price per kg for a period's deliveries, less deductions, computed
-- per member as a draft, approved by two different people (a manager and an accountant), then posted
-- to the ledger all at once or not at all.

CREATE TABLE settlements (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  settlement_id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  period_from date NOT NULL,
  period_to date NOT NULL,
  currency text NOT NULL REFERENCES currencies (code),
  rule jsonb NOT NULL,
  services jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'posted')),
  computed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  posted_at timestamptz,
  posted_by_label text,
  PRIMARY KEY (org_id, settlement_id),
  CHECK (period_from <= period_to),
  CHECK ((status = 'posted') = (posted_at IS NOT NULL))
);

-- One row per member in the draft: what the preview shows and what posting writes.
CREATE TABLE settlement_lines (
  org_id uuid NOT NULL,
  settlement_id uuid NOT NULL,
  member_id uuid NOT NULL,
  payable_grams bigint NOT NULL CHECK (payable_grams >= 0),
  gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
  net_minor bigint NOT NULL CHECK (net_minor >= 0 AND net_minor <= gross_minor),
  floor_applied boolean NOT NULL,
  detail jsonb NOT NULL,
  entry_id uuid,
  PRIMARY KEY (org_id, settlement_id, member_id),
  FOREIGN KEY (org_id, settlement_id) REFERENCES settlements (org_id, settlement_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  FOREIGN KEY (org_id, entry_id) REFERENCES journal_entries (org_id, entry_id)
);

CREATE TABLE settlement_approvals (
  org_id uuid NOT NULL,
  settlement_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (user_id),
  role text NOT NULL CHECK (role IN ('manager', 'accountant')),
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, settlement_id, user_id),
  UNIQUE (org_id, settlement_id, role),
  FOREIGN KEY (org_id, settlement_id) REFERENCES settlements (org_id, settlement_id)
);
