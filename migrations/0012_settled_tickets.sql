-- A weigh ticket is settled at most once, by construction.
--
-- settlement_tickets: the tickets a settlement takes, written with its draft (recomputing a draft
-- rewrites them; a posted settlement's are frozen). settled_tickets: the fact that a ticket was settled,
-- written by the database itself when a settlement becomes posted; its primary key is the ticket, so a
-- second posted settlement over the same ticket fails (23505) and its whole posting rolls back. A settled
-- ticket cannot be voided, and a voided ticket cannot be settled.

CREATE TABLE settlement_tickets (
  org_id uuid NOT NULL,
  settlement_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  member_id uuid NOT NULL,
  -- No foreign keys here, on purpose: rows are only ever written by one INSERT … SELECT from weigh_tickets
  -- for a settlement that exists, and neither tickets nor settlements are ever deleted; a season's draft
  -- writes up to hundreds of thousands of rows, and two per-row key checks each made it several times
  -- slower on the embedded engine. settled_tickets, the fact that matters, keeps its keys.
  PRIMARY KEY (org_id, settlement_id, ticket_id)
);
CREATE INDEX settlement_tickets_ticket_idx ON settlement_tickets (org_id, ticket_id);

CREATE TABLE settled_tickets (
  org_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  settlement_id uuid NOT NULL,
  settled_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, ticket_id),
  FOREIGN KEY (org_id, settlement_id, ticket_id)
    REFERENCES settlement_tickets (org_id, settlement_id, ticket_id)
);
CREATE INDEX settled_tickets_settlement_idx ON settled_tickets (org_id, settlement_id);
-- Existing data: each settlement takes the period's unvoided tickets of the members it has a line for,
-- as its draft did; posted settlements settle them in posting order. Where two posted settlements already
-- overlapped (the defect this closes), the first keeps the ticket and the second's claim stays recorded
-- in settlement_tickets without a settled_tickets row.
INSERT INTO settlement_tickets (org_id, settlement_id, ticket_id, member_id)
SELECT s.org_id, s.settlement_id, t.ticket_id, t.member_id
FROM settlements s
JOIN settlement_lines l ON l.org_id = s.org_id AND l.settlement_id = s.settlement_id
JOIN weigh_tickets t ON t.org_id = s.org_id AND t.member_id = l.member_id
  AND t.delivery_date BETWEEN s.period_from AND s.period_to
WHERE NOT EXISTS (SELECT 1 FROM weigh_ticket_voids v WHERE v.org_id = t.org_id AND v.ticket_id = t.ticket_id);

INSERT INTO settled_tickets (org_id, ticket_id, settlement_id, settled_at)
SELECT DISTINCT ON (st.org_id, st.ticket_id) st.org_id, st.ticket_id, st.settlement_id, s.posted_at
FROM settlement_tickets st
JOIN settlements s ON s.org_id = st.org_id AND s.settlement_id = st.settlement_id
WHERE s.status = 'posted'
ORDER BY st.org_id, st.ticket_id, s.posted_at, s.settlement_id;

CREATE TRIGGER settled_tickets_append_only BEFORE UPDATE OR DELETE ON settled_tickets
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A posted settlement's tickets are frozen. Checked once per statement (a draft writes its tickets in one
-- INSERT … SELECT of up to a season's tickets; a per-row trigger would cost one query per ticket).
CREATE FUNCTION settlement_tickets_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM changed c
    JOIN settlements s ON s.org_id = c.org_id AND s.settlement_id = c.settlement_id
    WHERE s.status = 'posted'
  ) THEN
    RAISE EXCEPTION 'the tickets of a posted settlement cannot change'
      USING ERRCODE = '23514', CONSTRAINT = 'settlement_tickets_frozen';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER settlement_tickets_frozen_insert AFTER INSERT ON settlement_tickets
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION settlement_tickets_frozen();
CREATE TRIGGER settlement_tickets_frozen_delete AFTER DELETE ON settlement_tickets
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION settlement_tickets_frozen();
-- rows are written and removed, never changed
CREATE TRIGGER settlement_tickets_no_update BEFORE UPDATE ON settlement_tickets
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Posting a settlement settles its tickets, in the same statement: the primary key of settled_tickets
-- refuses a ticket another posted settlement already took.
CREATE FUNCTION settlement_settles_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'posted' AND OLD.status <> 'posted' THEN
    INSERT INTO settled_tickets (org_id, ticket_id, settlement_id, settled_at)
    SELECT st.org_id, st.ticket_id, st.settlement_id, NEW.posted_at
    FROM settlement_tickets st
    WHERE st.org_id = NEW.org_id AND st.settlement_id = NEW.settlement_id;
  ELSIF OLD.status = 'posted' AND NEW.status <> 'posted' THEN
    RAISE EXCEPTION 'a posted settlement stays posted'
      USING ERRCODE = '23514', CONSTRAINT = 'settlement_stays_posted';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER settlement_settles_tickets AFTER UPDATE OF status ON settlements
  FOR EACH ROW EXECUTE FUNCTION settlement_settles_tickets();

-- A voided ticket is never settled (checked once per posting, over all its tickets); a settled ticket is
-- never voided (its second payment was made).
CREATE FUNCTION settled_tickets_not_voided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM changed c
    JOIN weigh_ticket_voids v ON v.org_id = c.org_id AND v.ticket_id = c.ticket_id
  ) THEN
    RAISE EXCEPTION 'a voided ticket cannot be settled'
      USING ERRCODE = '23514', CONSTRAINT = 'voided_ticket_not_settled';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER settled_tickets_not_voided AFTER INSERT ON settled_tickets
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION settled_tickets_not_voided();

CREATE FUNCTION voided_ticket_not_settled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM settled_tickets WHERE org_id = NEW.org_id AND ticket_id = NEW.ticket_id) THEN
    RAISE EXCEPTION 'ticket % is settled and cannot be voided', NEW.ticket_id
      USING ERRCODE = '23514', CONSTRAINT = 'settled_ticket_not_voided';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER weigh_ticket_voids_not_settled BEFORE INSERT ON weigh_ticket_voids
  FOR EACH ROW EXECUTE FUNCTION voided_ticket_not_settled();
