-- Governance: statutes as effective-dated parameters, assemblies convened with their roll frozen at
-- the cut-off date, check-in, and motions decided by the statute's majority (hands or named votes).
-- Secret electronic ballots come in a later migration (docs/decisions.md).

CREATE TABLE statutes (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  statute_id uuid NOT NULL,
  effective_from date NOT NULL,
  params jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, statute_id),
  UNIQUE (org_id, effective_from)
);

CREATE TABLE assemblies (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  assembly_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ordinary', 'extraordinary', 'delegates')),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  place text NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
  first_call_at timestamptz NOT NULL,
  second_call_at timestamptz NOT NULL,
  cutoff_date date NOT NULL,
  agenda jsonb NOT NULL DEFAULT '[]',
  -- the statute as it stood when convened: later edits do not change the rules of a convened assembly
  params jsonb NOT NULL,
  convened_at timestamptz NOT NULL,
  convened_by_label text NOT NULL,
  PRIMARY KEY (org_id, assembly_id),
  CHECK (second_call_at >= first_call_at)
);

-- The eligible voters, frozen when the assembly is convened: the members in good standing at the cut-off.
CREATE TABLE assembly_roll (
  org_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  member_id uuid NOT NULL,
  checked_in_at timestamptz,
  checked_in_by_label text,
  PRIMARY KEY (org_id, assembly_id, member_id),
  FOREIGN KEY (org_id, assembly_id) REFERENCES assemblies (org_id, assembly_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);

CREATE TABLE motions (
  org_id uuid NOT NULL,
  motion_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  decision_type text NOT NULL CHECK (decision_type IN ('ordinary', 'statute_reform', 'merger_dissolution', 'election')),
  method text NOT NULL CHECK (method IN ('hands', 'named')),
  present integer NOT NULL CHECK (present >= 0),
  yes integer NOT NULL CHECK (yes >= 0),
  no integer NOT NULL CHECK (no >= 0),
  abstain integer NOT NULL CHECK (abstain >= 0),
  required_yes integer NOT NULL,
  passed boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, motion_id),
  FOREIGN KEY (org_id, assembly_id) REFERENCES assemblies (org_id, assembly_id),
  CHECK (yes + no + abstain <= present)
);
CREATE TRIGGER motions_append_only BEFORE UPDATE OR DELETE ON motions FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE named_votes (
  org_id uuid NOT NULL,
  motion_id uuid NOT NULL,
  member_id uuid NOT NULL,
  choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  PRIMARY KEY (org_id, motion_id, member_id),
  FOREIGN KEY (org_id, motion_id) REFERENCES motions (org_id, motion_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE TRIGGER named_votes_append_only BEFORE UPDATE OR DELETE ON named_votes FOR EACH ROW EXECUTE FUNCTION refuse_change();
