-- Secret electronic ballots. Casting writes who voted (participation) and a sealed envelope (the
-- choice and a receipt code, encrypted to the vote's public key) in one transaction; the private key
-- is kept encrypted with the tellers' passphrase, so nobody, an administrator included, can open an
-- envelope before the tally. The tally opens every envelope, writes the ballots in a shuffled order
-- with no reference to anyone, and deletes the envelopes: what remains links no voter to a choice.

CREATE TABLE secret_votes (
  org_id uuid NOT NULL,
  vote_id uuid NOT NULL,
  assembly_id uuid NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  decision_type text NOT NULL CHECK (decision_type IN ('ordinary', 'statute_reform', 'merger_dissolution', 'election')),
  status text NOT NULL CHECK (status IN ('open', 'tallied')),
  public_key text NOT NULL,
  sealed_private_key text NOT NULL,
  opened_at timestamptz NOT NULL,
  opened_by_label text NOT NULL,
  tallied_at timestamptz,
  present integer,
  yes integer,
  no integer,
  abstain integer,
  required_yes integer,
  passed boolean,
  PRIMARY KEY (org_id, vote_id),
  FOREIGN KEY (org_id, assembly_id) REFERENCES assemblies (org_id, assembly_id),
  CHECK ((status = 'tallied') = (tallied_at IS NOT NULL))
);

CREATE TABLE vote_participation (
  org_id uuid NOT NULL,
  vote_id uuid NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (org_id, vote_id, member_id),
  FOREIGN KEY (org_id, vote_id) REFERENCES secret_votes (org_id, vote_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE TRIGGER vote_participation_append_only BEFORE UPDATE OR DELETE ON vote_participation FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE vote_envelopes (
  org_id uuid NOT NULL,
  vote_id uuid NOT NULL,
  envelope_id uuid NOT NULL,
  sealed text NOT NULL,
  PRIMARY KEY (org_id, vote_id, envelope_id),
  FOREIGN KEY (org_id, vote_id) REFERENCES secret_votes (org_id, vote_id)
);

CREATE TABLE vote_ballots (
  org_id uuid NOT NULL,
  vote_id uuid NOT NULL,
  receipt_code text NOT NULL,
  choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  PRIMARY KEY (org_id, vote_id, receipt_code),
  FOREIGN KEY (org_id, vote_id) REFERENCES secret_votes (org_id, vote_id)
);
CREATE TRIGGER vote_ballots_append_only BEFORE UPDATE OR DELETE ON vote_ballots FOR EACH ROW EXECUTE FUNCTION refuse_change();
