-- The double-entry ledger: a chart of accounts per organization, append-only journal entries whose
-- lines must balance (checked by the database at commit), and balances kept in the same transaction.
-- Members' money lives on control accounts (payable to members, receivable from members, share
-- capital) with the member on each line: the sub-ledger per member.

CREATE TABLE ledger_accounts (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  account_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[0-9A-Za-z.-]{1,20}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
  -- lines on a member account must name the member (the sub-ledger); lines on others must not
  member_subledger boolean NOT NULL DEFAULT false,
  -- the role a service looks the account up by: cash, bank, coffee_stock, payable_members, …
  purpose text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, account_id),
  UNIQUE (org_id, code)
);
CREATE UNIQUE INDEX ledger_accounts_purpose_key ON ledger_accounts (org_id, purpose) WHERE purpose IS NOT NULL;

CREATE TABLE journal_entries (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  entry_id uuid NOT NULL,
  entry_date date NOT NULL,
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 300),
  currency text NOT NULL REFERENCES currencies (code),
  -- what made it: a weigh ticket, a settlement, a payment, a manual entry…
  source_type text NOT NULL,
  source_id text NOT NULL,
  -- a correction is a reversal: the entry it reverses, never an edit of it
  reverses_entry_id uuid,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, entry_id),
  FOREIGN KEY (org_id, reverses_entry_id) REFERENCES journal_entries (org_id, entry_id)
);
CREATE UNIQUE INDEX journal_entries_reversal_key ON journal_entries (org_id, reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;
CREATE INDEX journal_entries_source_idx ON journal_entries (org_id, source_type, source_id);
CREATE INDEX journal_entries_date_idx ON journal_entries (org_id, entry_date, entry_id);

CREATE TABLE journal_lines (
  org_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  line_no smallint NOT NULL CHECK (line_no > 0),
  account_id uuid NOT NULL,
  member_id uuid,
  -- debit positive, credit negative, in the entry's currency's minor units
  amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
  memo text,
  PRIMARY KEY (org_id, entry_id, line_no),
  FOREIGN KEY (org_id, entry_id) REFERENCES journal_entries (org_id, entry_id),
  FOREIGN KEY (org_id, account_id) REFERENCES ledger_accounts (org_id, account_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE INDEX journal_lines_member_idx ON journal_lines (org_id, member_id, entry_id) WHERE member_id IS NOT NULL;
CREATE INDEX journal_lines_account_idx ON journal_lines (org_id, account_id);

-- Balances per account, and per member on sub-ledger accounts, kept by a trigger on every line.
-- member_key is the member or the nil UUID, so the key stays a plain primary key.
CREATE TABLE ledger_balances (
  org_id uuid NOT NULL,
  account_id uuid NOT NULL,
  member_key uuid NOT NULL,
  balance_minor bigint NOT NULL,
  lines integer NOT NULL,
  PRIMARY KEY (org_id, account_id, member_key),
  FOREIGN KEY (org_id, account_id) REFERENCES ledger_accounts (org_id, account_id)
);

CREATE FUNCTION journal_line_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_member_account boolean;
BEGIN
  SELECT member_subledger INTO is_member_account FROM ledger_accounts
   WHERE org_id = NEW.org_id AND account_id = NEW.account_id;
  IF is_member_account AND NEW.member_id IS NULL THEN
    RAISE EXCEPTION 'a line on a member account must name the member' USING ERRCODE = '23514',
      CONSTRAINT = 'journal_line_member_required';
  END IF;
  IF NOT is_member_account AND NEW.member_id IS NOT NULL THEN
    RAISE EXCEPTION 'only member accounts carry a member' USING ERRCODE = '23514',
      CONSTRAINT = 'journal_line_member_not_allowed';
  END IF;
  INSERT INTO ledger_balances (org_id, account_id, member_key, balance_minor, lines)
  VALUES (NEW.org_id, NEW.account_id, coalesce(NEW.member_id, '00000000-0000-0000-0000-000000000000'), NEW.amount_minor, 1)
  ON CONFLICT (org_id, account_id, member_key)
  DO UPDATE SET balance_minor = ledger_balances.balance_minor + EXCLUDED.balance_minor,
                lines = ledger_balances.lines + 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER journal_lines_checks AFTER INSERT ON journal_lines
  FOR EACH ROW EXECUTE FUNCTION journal_line_checks();

-- An entry balances at commit, whatever order its lines were written in: a deferred constraint
-- trigger sums its lines once the transaction ends and refuses it with SQLSTATE 23514.
CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  line_count integer;
BEGIN
  SELECT coalesce(sum(amount_minor), 0), count(*) INTO total, line_count FROM journal_lines
   WHERE org_id = NEW.org_id AND entry_id = NEW.entry_id;
  IF line_count < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'journal entry % does not balance (% lines, sum %)', NEW.entry_id, line_count, total
      USING ERRCODE = '23514', CONSTRAINT = 'journal_entry_balanced';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();
-- …and a line added later to an entry committed before is checked the same way. Entries stay small
-- (a ticket, one member's settlement), so summing an entry's lines per line is cheap.
CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();

CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER journal_lines_append_only BEFORE UPDATE OR DELETE ON journal_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
