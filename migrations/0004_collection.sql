-- Collection (acopio): collection points with their cashiers, effective-dated price schedules, and
-- weigh tickets — append-only, numbered per point without gaps, voided (never edited) with a reason.

CREATE TABLE collection_points (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  point_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{1,10}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  community text,
  -- the last ticket number given at this point; taken under a row lock, so numbers never repeat or skip
  last_ticket_number integer NOT NULL DEFAULT 0 CHECK (last_ticket_number >= 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, point_id),
  UNIQUE (org_id, code)
);

CREATE TABLE collection_point_cashiers (
  org_id uuid NOT NULL,
  point_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (user_id),
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, point_id, user_id),
  FOREIGN KEY (org_id, point_id) REFERENCES collection_points (org_id, point_id)
);

-- A price rule from a date, per coffee state and certification class: what the ticket pays.
CREATE TABLE price_schedules (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  schedule_id uuid NOT NULL,
  effective_from date NOT NULL,
  coffee_state text NOT NULL CHECK (coffee_state IN ('cherry', 'wet_parchment', 'dry_parchment', 'green')),
  certification_class text NOT NULL CHECK (certification_class IN ('conventional', 'organic', 'fairtrade', 'organic_fairtrade')),
  -- the rule as the pricing module reads it (prices per kg in ten-thousandths of the minor unit, as text)
  rule jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, schedule_id),
  UNIQUE (org_id, coffee_state, certification_class, effective_from)
);

CREATE TABLE weigh_tickets (
  org_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  point_id uuid NOT NULL,
  ticket_number integer NOT NULL CHECK (ticket_number > 0),
  member_id uuid NOT NULL,
  delivered_at timestamptz NOT NULL,
  delivery_date date NOT NULL,
  coffee_state text NOT NULL,
  certification_class text NOT NULL,
  plot_ids uuid[] NOT NULL DEFAULT '{}',
  sacks smallint NOT NULL CHECK (sacks BETWEEN 0 AND 500),
  sack_type text,
  gross_grams bigint NOT NULL CHECK (gross_grams > 0),
  tare_grams bigint NOT NULL CHECK (tare_grams >= 0),
  net_grams bigint NOT NULL CHECK (net_grams > 0),
  moisture_bp integer CHECK (moisture_bp BETWEEN 0 AND 9999),
  yield_bp integer CHECK (yield_bp BETWEEN 0 AND 10000),
  factor_hundredths integer CHECK (factor_hundredths BETWEEN 7000 AND 20000),
  defects integer CHECK (defects >= 0),
  cup_score_hundredths integer CHECK (cup_score_hundredths BETWEEN 0 AND 10000),
  cup_protocol text CHECK (cup_protocol IN ('sca2004', 'cva')),
  schedule_id uuid NOT NULL,
  payable_grams bigint NOT NULL CHECK (payable_grams >= 0),
  unit_price text NOT NULL,
  value_minor bigint NOT NULL CHECK (value_minor >= 0),
  cash_paid_minor bigint NOT NULL DEFAULT 0 CHECK (cash_paid_minor >= 0),
  currency text NOT NULL,
  -- the priced breakdown the receipt prints, line by line
  pricing jsonb NOT NULL,
  entry_id uuid NOT NULL,
  replaces_ticket_id uuid,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users (user_id),
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, ticket_id),
  UNIQUE (org_id, point_id, ticket_number),
  FOREIGN KEY (org_id, point_id) REFERENCES collection_points (org_id, point_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  FOREIGN KEY (org_id, schedule_id) REFERENCES price_schedules (org_id, schedule_id),
  FOREIGN KEY (org_id, entry_id) REFERENCES journal_entries (org_id, entry_id),
  FOREIGN KEY (org_id, replaces_ticket_id) REFERENCES weigh_tickets (org_id, ticket_id),
  CHECK (net_grams = gross_grams - tare_grams),
  CHECK (cash_paid_minor <= value_minor)
);
CREATE INDEX weigh_tickets_member_idx ON weigh_tickets (org_id, member_id, delivery_date);
CREATE INDEX weigh_tickets_date_idx ON weigh_tickets (org_id, delivery_date, point_id, ticket_number);
CREATE TRIGGER weigh_tickets_append_only BEFORE UPDATE OR DELETE ON weigh_tickets
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A voided ticket keeps its number; the void says why, who, and which entry reversed its value.
CREATE TABLE weigh_ticket_voids (
  org_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  reversal_entry_id uuid NOT NULL,
  voided_at timestamptz NOT NULL,
  voided_by_label text NOT NULL,
  PRIMARY KEY (org_id, ticket_id),
  FOREIGN KEY (org_id, ticket_id) REFERENCES weigh_tickets (org_id, ticket_id),
  FOREIGN KEY (org_id, reversal_entry_id) REFERENCES journal_entries (org_id, entry_id)
);
CREATE TRIGGER weigh_ticket_voids_append_only BEFORE UPDATE OR DELETE ON weigh_ticket_voids
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
