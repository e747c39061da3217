-- The social base: members, the history of their status, consents, good-standing rules, plots with
-- their geolocation, certifications and internal inspections.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE members (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  member_id uuid NOT NULL,
  member_number text NOT NULL CHECK (member_number ~ '^\S(.*\S)?$' AND length(member_number) <= 30),
  given_names text NOT NULL CHECK (length(btrim(given_names)) BETWEEN 1 AND 120),
  family_names text NOT NULL CHECK (length(btrim(family_names)) BETWEEN 1 AND 120),
  national_id_type text CHECK (national_id_type IN ('dni', 'cedula', 'ce', 'other')),
  national_id text,
  sex text CHECK (sex IN ('female', 'male')),
  birth_date date,
  phone text,
  region text,
  province text,
  district text,
  community text,
  household_size smallint CHECK (household_size BETWEEN 1 AND 50),
  join_date date,
  status text NOT NULL CHECK (status IN ('applicant', 'active', 'suspended', 'withdrawn', 'deceased')),
  currency text NOT NULL REFERENCES currencies (code),
  entry_fee_minor bigint NOT NULL DEFAULT 0 CHECK (entry_fee_minor >= 0),
  share_capital_subscribed_minor bigint NOT NULL DEFAULT 0 CHECK (share_capital_subscribed_minor >= 0),
  -- Kept by hand until the accounts module posts contributions; good standing reads it.
  share_capital_paid_minor bigint NOT NULL DEFAULT 0 CHECK (share_capital_paid_minor >= 0),
  payment_method text NOT NULL DEFAULT 'cash' CHECK (payment_method IN ('cash', 'bank', 'mobile_wallet')),
  bank_name text,
  bank_account text,
  wallet_phone text,
  user_id uuid REFERENCES users (user_id),
  -- lower-case, accent-free name, number and ID, for substring search with a trigram index
  search_text text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, member_id),
  UNIQUE (org_id, member_number),
  CHECK ((national_id IS NULL) = (national_id_type IS NULL)),
  CHECK (national_id_type <> 'dni' OR national_id ~ '^\d{8}$'),
  CHECK (national_id_type <> 'cedula' OR national_id ~ '^\d{6,10}$'),
  CHECK (birth_date IS NULL OR join_date IS NULL OR birth_date < join_date)
);
CREATE UNIQUE INDEX members_national_id_key ON members (org_id, national_id_type, national_id) WHERE national_id IS NOT NULL;
CREATE UNIQUE INDEX members_user_key ON members (org_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX members_search_idx ON members USING gin (search_text gin_trgm_ops);
CREATE INDEX members_list_idx ON members (org_id, family_names, given_names, member_id);
CREATE INDEX members_status_idx ON members (org_id, status);
CREATE INDEX members_community_idx ON members (org_id, community);

-- Every change of status, with who, when and why. Append-only: the story of a membership.
CREATE TABLE member_status_changes (
  org_id uuid NOT NULL,
  change_id uuid NOT NULL,
  member_id uuid NOT NULL,
  from_status text,
  to_status text NOT NULL CHECK (to_status IN ('applicant', 'active', 'suspended', 'withdrawn', 'deceased')),
  effective_date date NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  recorded_by uuid REFERENCES users (user_id),
  PRIMARY KEY (org_id, change_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE INDEX member_status_changes_member_idx ON member_status_changes (org_id, member_id, effective_date);
CREATE TRIGGER member_status_changes_append_only BEFORE UPDATE OR DELETE ON member_status_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A member's consents (their data shared with a central or program; their plots' geolocation shared
-- with buyers), each recorded with date and who recorded it. Append-only: the latest per kind holds.
CREATE TABLE member_consents (
  org_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  member_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('share_with_federation', 'geolocation_to_buyers')),
  granted boolean NOT NULL,
  effective_date date NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  recorded_by uuid REFERENCES users (user_id),
  PRIMARY KEY (org_id, consent_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE INDEX member_consents_member_idx ON member_consents (org_id, member_id, kind, recorded_at);
CREATE TRIGGER member_consents_append_only BEFORE UPDATE OR DELETE ON member_consents
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What makes a member "hábil" (in good standing), effective-dated: statutes change.
CREATE TABLE good_standing_rules (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  rule_id uuid NOT NULL,
  effective_from date NOT NULL,
  -- months a member must have been active before counting (0 = from the join date)
  min_months_since_joining smallint NOT NULL DEFAULT 0 CHECK (min_months_since_joining BETWEEN 0 AND 120),
  -- share of the subscribed capital that must be paid, in basis points (10000 = all of it)
  min_share_capital_paid_bp integer NOT NULL DEFAULT 0 CHECK (min_share_capital_paid_bp BETWEEN 0 AND 10000),
  -- the last internal inspection must not be a rejection (organic groups sanction non-conformities)
  exclude_rejected_inspection boolean NOT NULL DEFAULT false,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, rule_id),
  UNIQUE (org_id, effective_from)
);

CREATE TABLE plots (
  org_id uuid NOT NULL,
  plot_id uuid NOT NULL,
  member_id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  declared_area_m2 bigint CHECK (declared_area_m2 > 0),
  -- GeoJSON Point or Polygon, WGS84, longitude first, truncated to 6 decimals (EU TRACES convention)
  geometry jsonb,
  geometry_type text CHECK (geometry_type IN ('Point', 'Polygon')),
  computed_area_m2 bigint CHECK (computed_area_m2 >= 0),
  centroid_lon double precision,
  centroid_lat double precision,
  min_lon double precision,
  min_lat double precision,
  max_lon double precision,
  max_lat double precision,
  altitude_m integer CHECK (altitude_m BETWEEN 0 AND 6000),
  coffee_area_m2 bigint CHECK (coffee_area_m2 >= 0),
  varieties text[] NOT NULL DEFAULT '{}',
  tree_count integer CHECK (tree_count >= 0),
  planting_year smallint CHECK (planting_year BETWEEN 1900 AND 2100),
  shade text CHECK (shade IN ('full_sun', 'shade', 'agroforestry')),
  tenure text CHECK (tenure IN ('owned', 'rented', 'communal', 'family', 'other')),
  -- the yearly production estimate that becomes the delivery quota, in grams of dry parchment
  yearly_estimate_grams bigint CHECK (yearly_estimate_grams >= 0),
  -- warnings a person should look at: area_mismatch, overlap, low_precision
  flags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, plot_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  UNIQUE (org_id, member_id, name),
  CHECK ((geometry IS NULL) = (geometry_type IS NULL)),
  CHECK (geometry_type IS DISTINCT FROM 'Point' OR declared_area_m2 IS NULL OR declared_area_m2 <= 40000)
);
CREATE INDEX plots_member_idx ON plots (org_id, member_id);
CREATE INDEX plots_bbox_idx ON plots (org_id, min_lon, max_lon);

-- Pairs of plots of different members whose polygons overlap, both directions, for review.
CREATE TABLE plot_overlaps (
  org_id uuid NOT NULL,
  plot_id uuid NOT NULL,
  other_plot_id uuid NOT NULL,
  detected_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, plot_id, other_plot_id),
  FOREIGN KEY (org_id, plot_id) REFERENCES plots (org_id, plot_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, other_plot_id) REFERENCES plots (org_id, plot_id) ON DELETE CASCADE
);

CREATE TABLE certifications (
  org_id uuid NOT NULL,
  certification_id uuid NOT NULL,
  member_id uuid NOT NULL,
  plot_id uuid,
  scheme text NOT NULL CHECK (scheme IN ('organic_eu', 'organic_usda', 'organic_jas', 'fairtrade', 'rainforest_alliance')),
  status text NOT NULL CHECK (status IN ('in_conversion', 'certified', 'suspended', 'withdrawn')),
  -- 1, 2 or 3 while in conversion to organic
  conversion_year smallint CHECK (conversion_year BETWEEN 1 AND 3),
  valid_from date NOT NULL,
  valid_until date,
  certificate_ref text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, certification_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id),
  FOREIGN KEY (org_id, plot_id) REFERENCES plots (org_id, plot_id),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK ((status = 'in_conversion') = (conversion_year IS NOT NULL))
);
CREATE INDEX certifications_member_idx ON certifications (org_id, member_id);
CREATE INDEX certifications_scheme_idx ON certifications (org_id, scheme, status);

-- Internal inspections of the internal control system (ICS), one a year per certified member.
CREATE TABLE inspections (
  org_id uuid NOT NULL,
  inspection_id uuid NOT NULL,
  member_id uuid NOT NULL,
  inspected_on date NOT NULL,
  inspector text NOT NULL CHECK (length(btrim(inspector)) BETWEEN 1 AND 120),
  result text NOT NULL CHECK (result IN ('approved', 'approved_with_conditions', 'rejected')),
  non_conformities jsonb NOT NULL DEFAULT '[]',
  sanctions text,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, inspection_id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, member_id)
);
CREATE INDEX inspections_member_idx ON inspections (org_id, member_id, inspected_on DESC);
