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
  PRIMARY KEY (org_id, settlement_id, ticket_id),
  FOREIGN KEY (org_id, settlement_id) REFERENCES settlements (org_id, settlement_id),
  FOREIGN KEY (org_id, ticket_id) REFERENCES weigh_tickets (org_id, ticket_id),
  FOREIGN KEY (org_id, settlement_id, member_id)
    REFERENCES settlement_lines (org_id, settlement_id, member_id) DEFERRABLE INITIALLY DEFERRED
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

-- A posted settlement's tickets are frozen.
CREATE FUNCTION settlement_tickets_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.settlement_id ELSE OLD.settlement_id END;
  oid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.org_id ELSE OLD.org_id END;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'settlement_tickets rows are written and removed, never changed' USING ERRCODE = '55000';
  END IF;
  IF EXISTS (SELECT 1 FROM settlements WHERE org_id = oid AND settlement_id = sid AND status = 'posted') THEN
    RAISE EXCEPTION 'the tickets of a posted settlement cannot change'
      USING ERRCODE = '23514', CONSTRAINT = 'settlement_tickets_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER settlement_tickets_guard BEFORE INSERT OR UPDATE OR DELETE ON settlement_tickets
  FOR EACH ROW EXECUTE FUNCTION settlement_tickets_guard();

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

-- A voided ticket is never settled; a settled ticket is never voided (its second payment was made).
CREATE FUNCTION settled_ticket_not_voided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'settled_tickets' THEN
    IF EXISTS (SELECT 1 FROM weigh_ticket_voids WHERE org_id = NEW.org_id AND ticket_id = NEW.ticket_id) THEN
      RAISE EXCEPTION 'ticket % is voided and cannot be settled', NEW.ticket_id
        USING ERRCODE = '23514', CONSTRAINT = 'voided_ticket_not_settled';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM settled_tickets WHERE org_id = NEW.org_id AND ticket_id = NEW.ticket_id) THEN
    RAISE EXCEPTION 'ticket % is settled and cannot be voided', NEW.ticket_id
      USING ERRCODE = '23514', CONSTRAINT = 'settled_ticket_not_voided';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER settled_tickets_not_voided BEFORE INSERT ON settled_tickets
  FOR EACH ROW EXECUTE FUNCTION settled_ticket_not_voided();
CREATE TRIGGER weigh_ticket_voids_not_settled BEFORE INSERT ON weigh_ticket_voids
  FOR EACH ROW EXECUTE FUNCTION settled_ticket_not_voided();

