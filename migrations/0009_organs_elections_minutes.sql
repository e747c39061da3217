-- Governance, second part: the organs' offices and their terms, elections (secret or counted by the
-- tellers) whose winners enter office on the date set, proxies at an assembly, the minutes' workflow
-- (edited in versions, approved, numbered in the book, signed), and the oversight council's reports.

-- Who holds which position of which organ, from and to. Delegates are an organ too, by zone.
CREATE TABLE office_terms (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  term_id uuid NOT NULL,
  organ text NOT NULL CHECK (organ IN ('board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates')),
  position text NOT NULL CHECK (position IN ('president', 'vice_president', 'secretary', 'treasurer', 'member', 'alternate')),
  -- null for a holder who is not a member (Colombia's revisor fiscal)
  member_id uuid,
  holder_name text NOT NULL CHECK (length(btrim(holder_name)) BETWEEN 1 AND 200),
  holder_sex text CHECK (holder_sex IN ('female', 'male')),
  zone text CHECK (zone IS NULL OR length(btrim(zone)) BETWEEN 1 AND 120),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- left office before the end (resignation, death, removal): the term stays in the record
  ended_on date,
  ended_reason text,
  election_id uuid,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, term_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  CHECK (ends_on > starts_on),
  CHECK (ended_on IS NULL OR (ended_on >= starts_on AND ended_on <= ends_on)),
  CHECK ((ended_on IS NULL) = (ended_reason IS NULL))
);
CREATE INDEX office_terms_by_member ON office_terms (org_id, member_id, organ, starts_on);

-- A term's holder, organ and dates are facts; only the position (assigned by the organ itself after an
-- election) and an early end may be recorded later.
CREATE FUNCTION office_terms_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'office terms are kept: end a term instead' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.org_id <> OLD.org_id OR NEW.term_id <> OLD.term_id OR NEW.organ <> OLD.organ
     OR NEW.member_id IS DISTINCT FROM OLD.member_id OR NEW.holder_name <> OLD.holder_name
     OR NEW.starts_on <> OLD.starts_on OR NEW.ends_on <> OLD.ends_on
     OR NEW.election_id IS DISTINCT FROM OLD.election_id
     OR (OLD.ended_on IS NOT NULL AND NEW.ended_on IS DISTINCT FROM OLD.ended_on) THEN
    RAISE EXCEPTION 'only the position and an early end of a term can be recorded' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER office_terms_guard BEFORE UPDATE OR DELETE ON office_terms FOR EACH ROW EXECUTE FUNCTION office_terms_guard();

CREATE TABLE elections (
  org_id uuid NOT NULL,
  election_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  organ text NOT NULL CHECK (organ IN ('board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates')),
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 15),
  alternates integer NOT NULL CHECK (alternates BETWEEN 0 AND 15),
  term_starts_on date NOT NULL,
  term_ends_on date NOT NULL,
  method text NOT NULL CHECK (method IN ('secret', 'counted')),
  tie_break text NOT NULL CHECK (tie_break IN ('seniority', 'lot', 'runoff')),
  status text NOT NULL CHECK (status IN ('nominating', 'open', 'tallied')),
  public_key text,
  sealed_private_key text,
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  opened_at timestamptz,
  tallied_at timestamptz,
  voters integer,
  blank integer,
  PRIMARY KEY (org_id, election_id),
  FOREIGN KEY (org_id, assembly_id) REFERENCES assemblies (org_id, assembly_id),
  CHECK (term_ends_on > term_starts_on),
  CHECK ((status = 'tallied') = (tallied_at IS NOT NULL)),
  CHECK (method = 'counted' OR status = 'nominating' OR public_key IS NOT NULL)
);

CREATE TABLE election_candidates (
  org_id uuid NOT NULL,
  election_id uuid NOT NULL,
  member_id uuid NOT NULL,
  -- the candidate's number on the ballot, fixed when nominated
  ballot_index integer NOT NULL CHECK (ballot_index >= 0),
  nominated_at timestamptz NOT NULL,
  votes integer CHECK (votes >= 0),
  outcome text CHECK (outcome IN ('elected', 'alternate', 'not_elected', 'tied')),
  tie_note text,
  PRIMARY KEY (org_id, election_id, member_id),
  UNIQUE (org_id, election_id, ballot_index),
  FOREIGN KEY (org_id, election_id) REFERENCES elections (org_id, election_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);

CREATE TABLE election_participation (
  org_id uuid NOT NULL,
  election_id uuid NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (org_id, election_id, member_id),
  FOREIGN KEY (org_id, election_id) REFERENCES elections (org_id, election_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE TRIGGER election_participation_append_only BEFORE UPDATE OR DELETE ON election_participation FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE election_envelopes (
  org_id uuid NOT NULL,
  election_id uuid NOT NULL,
  envelope_id uuid NOT NULL,
  sealed text NOT NULL,
  PRIMARY KEY (org_id, election_id, envelope_id),
  FOREIGN KEY (org_id, election_id) REFERENCES elections (org_id, election_id)
);

-- Published after the tally, in shuffled order: a receipt code and the ballot numbers it chose.
CREATE TABLE election_ballots (
  org_id uuid NOT NULL,
  election_id uuid NOT NULL,
  receipt_code text NOT NULL,
  choices integer[] NOT NULL,
  PRIMARY KEY (org_id, election_id, receipt_code),
  FOREIGN KEY (org_id, election_id) REFERENCES elections (org_id, election_id)
);
CREATE TRIGGER election_ballots_append_only BEFORE UPDATE OR DELETE ON election_ballots FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A member on the roll represented by another who is present, where the statute allows it.
CREATE TABLE assembly_proxies (
  org_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  grantor_member_id uuid NOT NULL,
  holder_member_id uuid NOT NULL,
  document_ref text CHECK (document_ref IS NULL OR length(document_ref) <= 120),
  registered_at timestamptz NOT NULL,
  registered_by_label text NOT NULL,
  PRIMARY KEY (org_id, assembly_id, grantor_member_id),
  FOREIGN KEY (org_id, assembly_id, grantor_member_id) REFERENCES assembly_roll (org_id, assembly_id, member_id),
  FOREIGN KEY (org_id, assembly_id, holder_member_id) REFERENCES assembly_roll (org_id, assembly_id, member_id),
  CHECK (grantor_member_id <> holder_member_id)
);
CREATE INDEX assembly_proxies_by_holder ON assembly_proxies (org_id, assembly_id, holder_member_id);

-- The minutes (acta) of an assembly: edited in versions while a draft, then approved and given the next
-- number of the organization's book of minutes, then signed by the people the statute names.
CREATE TABLE minutes (
  org_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'signed')),
  body text NOT NULL CHECK (length(body) <= 200000),
  version integer NOT NULL CHECK (version >= 1),
  book_number integer CHECK (book_number >= 1),
  approved_at timestamptz,
  approved_by_label text,
  signed_at timestamptz,
  PRIMARY KEY (org_id, assembly_id),
  FOREIGN KEY (org_id, assembly_id) REFERENCES assemblies (org_id, assembly_id),
  UNIQUE (org_id, book_number),
  CHECK ((status = 'draft') = (book_number IS NULL)),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL))
);

CREATE FUNCTION minutes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'minutes are kept' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.body <> OLD.body OR NEW.book_number IS DISTINCT FROM OLD.book_number) THEN
    RAISE EXCEPTION 'approved minutes cannot be edited' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'signed' AND NEW.status <> 'signed' THEN
    RAISE EXCEPTION 'signed minutes stay signed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER minutes_guard BEFORE UPDATE OR DELETE ON minutes FOR EACH ROW EXECUTE FUNCTION minutes_guard();

CREATE TABLE minutes_versions (
  org_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  version integer NOT NULL,
  body text NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by_label text NOT NULL,
  PRIMARY KEY (org_id, assembly_id, version),
  FOREIGN KEY (org_id, assembly_id) REFERENCES minutes (org_id, assembly_id)
);
CREATE TRIGGER minutes_versions_append_only BEFORE UPDATE OR DELETE ON minutes_versions FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE minutes_signatures (
  org_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('president', 'secretary', 'designated')),
  seq integer NOT NULL CHECK (seq >= 1),
  signer_name text NOT NULL CHECK (length(btrim(signer_name)) BETWEEN 1 AND 200),
  member_id uuid,
  -- in_app: the signer signed in Ayni with their own account; on_paper: the secretary recorded a signature
  method text NOT NULL CHECK (method IN ('in_app', 'on_paper')),
  signed_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, assembly_id, role, seq),
  FOREIGN KEY (org_id, assembly_id) REFERENCES minutes (org_id, assembly_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE TRIGGER minutes_signatures_append_only BEFORE UPDATE OR DELETE ON minutes_signatures FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The oversight council's reports, for the scorecard (filed on time or not).
CREATE TABLE oversight_reports (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  report_id uuid NOT NULL,
  period_end date NOT NULL,
  filed_on date NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, report_id),
  CHECK (filed_on >= period_end)
);
