-- Foundation: reference data, organizations, users, memberships, sessions, API tokens, data-sharing
-- grants, the audit hash chain and idempotency keys.
--
-- Tenancy rule (ARCHITECTURE.md): every tenant-owned table has org_id first in its primary key, and
-- foreign keys between tenant tables include org_id, so each can be distributed by org_id on Citus.
-- Global tables: countries, currencies, mass_units, organizations (a reference table on Citus, its key
-- is the tenant key itself), users, sessions, login_attempts.

CREATE TABLE countries (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name_es text NOT NULL,
  name_en text NOT NULL,
  default_currency text NOT NULL,
  default_time_zone text NOT NULL
);

CREATE TABLE currencies (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
  minor_units smallint NOT NULL CHECK (minor_units BETWEEN 0 AND 4),
  name_es text NOT NULL,
  name_en text NOT NULL
);

-- Display units for mass. Stored masses are always integer grams; these convert only at the edges.
-- Sources: ../shared/domain/REFERENCE.md §1.1 (Peru quintal 46 kg, Peru arroba 11.5 kg, Colombian
-- arroba 12.5 kg and carga 125 kg, export bags 69/70 kg, ICO bag 60 kg, lb = 453.59237 g).
CREATE TABLE mass_units (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
  -- milligrams per unit keeps the pound exact (453 592.37 mg) in an integer
  milligrams bigint NOT NULL CHECK (milligrams > 0),
  name_es text NOT NULL,
  name_en text NOT NULL,
  country text REFERENCES countries (code)
);

INSERT INTO currencies (code, minor_units, name_es, name_en) VALUES
  ('PEN', 2, 'Sol peruano', 'Peruvian sol'),
  ('COP', 2, 'Peso colombiano', 'Colombian peso'),
  ('USD', 2, 'Dólar estadounidense', 'US dollar'),
  ('EUR', 2, 'Euro', 'Euro');

INSERT INTO countries (code, name_es, name_en, default_currency, default_time_zone) VALUES
  ('PE', 'Perú', 'Peru', 'PEN', 'America/Lima'),
  ('CO', 'Colombia', 'Colombia', 'COP', 'America/Bogota'),
  -- where buyers are: the coffee's main destinations
  ('US', 'Estados Unidos', 'United States', 'USD', 'America/New_York'),
  ('DE', 'Alemania', 'Germany', 'EUR', 'Europe/Berlin'),
  ('BE', 'Bélgica', 'Belgium', 'EUR', 'Europe/Brussels'),
  ('NL', 'Países Bajos', 'Netherlands', 'EUR', 'Europe/Amsterdam'),
  ('FR', 'Francia', 'France', 'EUR', 'Europe/Paris'),
  ('IT', 'Italia', 'Italy', 'EUR', 'Europe/Rome'),
  ('ES', 'España', 'Spain', 'EUR', 'Europe/Madrid');

INSERT INTO mass_units (code, milligrams, name_es, name_en, country) VALUES
  ('g', 1000, 'gramo', 'gram', NULL),
  ('kg', 1000000, 'kilogramo', 'kilogram', NULL),
  ('t', 1000000000, 'tonelada', 'tonne', NULL),
  ('lb', 453592, 'libra', 'pound', NULL),
  ('qq-pe', 46000000, 'quintal (46 kg)', 'quintal (46 kg)', 'PE'),
  ('arroba-pe', 11500000, 'arroba (11,5 kg)', 'arroba (11.5 kg)', 'PE'),
  ('arroba-co', 12500000, 'arroba (12,5 kg)', 'arroba (12.5 kg)', 'CO'),
  ('carga-co', 125000000, 'carga (125 kg)', 'carga (125 kg)', 'CO'),
  ('bag-69', 69000000, 'saco de exportación (69 kg)', 'export bag (69 kg)', 'PE'),
  ('bag-70', 70000000, 'saco de excelso (70 kg)', 'excelso bag (70 kg)', 'CO'),
  ('bag-60', 60000000, 'saco estadístico (60 kg)', 'statistical bag (60 kg)', NULL);

CREATE TABLE organizations (
  org_id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('cooperative', 'central', 'program', 'buyer')),
  country text NOT NULL REFERENCES countries (code),
  currency text NOT NULL REFERENCES currencies (code),
  time_zone text NOT NULL CHECK (time_zone ~ '^[A-Za-z_]+(/[A-Za-z_+-]+)*$'),
  locale text NOT NULL CHECK (locale IN ('es', 'en')),
  display_mass_unit text NOT NULL REFERENCES mass_units (code),
  region text,
  province text,
  district text,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  user_id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  is_platform_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  user_id uuid NOT NULL REFERENCES users (user_id),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'accountant', 'cashier', 'board', 'oversight',
                                     'member', 'buyer', 'viewer')),
  granted_at timestamptz NOT NULL,
  granted_by uuid REFERENCES users (user_id),
  PRIMARY KEY (org_id, user_id, role)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Server-side sessions. The cookie carries a random secret; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in.
CREATE TABLE sessions (
  session_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  user_agent text,
  CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins, for rate limiting in the database so that every app server sees the same count.
CREATE TABLE login_attempts (
  email text NOT NULL,
  ip text NOT NULL,
  attempted_at timestamptz NOT NULL,
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

CREATE TABLE api_tokens (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  token_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (user_id),
  role text NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (user_id),
  PRIMARY KEY (org_id, token_id),
  -- a token never carries a role its owner does not hold in that organization
  FOREIGN KEY (org_id, user_id, role) REFERENCES memberships (org_id, user_id, role) ON DELETE CASCADE
);

-- A cooperative (grantor, org_id) lets a central or program (grantee) see one data area.
CREATE TABLE data_grants (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  grant_id uuid NOT NULL,
  grantee_org_id uuid NOT NULL REFERENCES organizations (org_id),
  area text NOT NULL CHECK (area IN ('members', 'collection', 'accounts', 'governance', 'training', 'lots')),
  granted_at timestamptz NOT NULL,
  granted_by uuid NOT NULL REFERENCES users (user_id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (user_id),
  PRIMARY KEY (org_id, grant_id),
  CHECK (grantee_org_id <> org_id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX data_grants_in_force_key ON data_grants (org_id, grantee_org_id, area) WHERE revoked_at IS NULL;
CREATE INDEX data_grants_grantee_idx ON data_grants (grantee_org_id) WHERE revoked_at IS NULL;

-- The audit trail: one hash chain per organization. audit_heads holds the chain's tip; taking its row
-- lock serialises appends within one organization while other organizations write in parallel.
CREATE TABLE audit_heads (
  org_id uuid PRIMARY KEY REFERENCES organizations (org_id),
  last_seq bigint NOT NULL CHECK (last_seq >= 0),
  last_hash text NOT NULL
);

CREATE TABLE audit_events (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  seq bigint NOT NULL CHECK (seq > 0),
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  digest text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (org_id, seq)
);

-- Facts that must never change refuse UPDATE and DELETE in the database itself.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are append-only', TG_TABLE_NAME USING ERRCODE = '23514',
    CONSTRAINT = 'append_only';
END;
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The organization's foreign key is deferred so that creating an organization can itself be idempotent
-- (its key row is written before the organization it belongs to, in one transaction).
CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES organizations (org_id) DEFERRABLE INITIALLY DEFERRED,
  key uuid NOT NULL,
  operation text NOT NULL,
  request_digest text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, key)
);
