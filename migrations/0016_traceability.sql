-- Traceability (issue 12, items 6–8; ADR 0055): the EUDR data packages a cooperative or central generated,
-- kept as they left (files, DDS fields, PDF, hash, who and when) and never changed; the due diligence
-- statement's reference numbers the buyer sends back; and the lots an organization publishes on a public
-- page (the QR code on the bag).
--
-- The trace itself is a read (lots/composition.ts walks lot_inputs): it keeps no table.

-- A package as generated. Regulation (EU) 2023/1115 Art. 12(3): operators keep the due diligence
-- information five years; the cooperative keeps what it handed over at least as long. Nothing here is
-- ever updated or deleted; a new package is generated instead.
CREATE TABLE eudr_packages (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  package_id uuid NOT NULL,
  -- what it covers: a lot of this organization, or the sales domain's shipment or contract
  subject_kind text NOT NULL CHECK (subject_kind IN ('lot', 'shipment', 'contract')),
  subject_id uuid NOT NULL,
  -- the DDS internal reference (the lot's, shipment's or contract's code)
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 35),
  -- every gram has its geolocation in the files and no DDS field is wrong
  complete boolean NOT NULL,
  net_grams bigint NOT NULL CHECK (net_grams >= 0),
  producers integer NOT NULL CHECK (producers >= 0),
  plots_to_visit integer NOT NULL CHECK (plots_to_visit >= 0),
  -- the builder's output as it left: summary, problems (the plots to visit), DDS fields, producer lines
  summary jsonb NOT NULL,
  problems jsonb NOT NULL,
  dds jsonb NOT NULL,
  producer_lines jsonb NOT NULL,
  -- the GeoJSON files: [{name, text, bytes}]
  files jsonb NOT NULL,
  pdf bytea NOT NULL,
  pdf_locale text NOT NULL CHECK (pdf_locale IN ('es', 'en')),
  -- SHA-256 of the DDS JSON and every file's text (traceability.service.ts `packageDigest`)
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  generated_at timestamptz NOT NULL,
  generated_by uuid,
  generated_by_label text NOT NULL,
  keep_until date NOT NULL,
  PRIMARY KEY (org_id, package_id)
);
CREATE INDEX eudr_packages_subject_idx ON eudr_packages (org_id, subject_kind, subject_id, generated_at DESC);
CREATE TRIGGER eudr_packages_append_only BEFORE UPDATE OR DELETE ON eudr_packages
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The reference (and verification) number of the due diligence statement the buyer filed with the package.
-- Append-only: a mistyped number is corrected by recording the right one; the latest is the package's.
CREATE TABLE eudr_dds_references (
  org_id uuid NOT NULL,
  reference_id uuid NOT NULL,
  package_id uuid NOT NULL,
  reference_number text NOT NULL CHECK (reference_number ~ '^[A-Z0-9][A-Z0-9-]{5,39}$'),
  verification_number text CHECK (verification_number IS NULL OR verification_number ~ '^[A-Z0-9]{4,20}$'),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, reference_id),
  FOREIGN KEY (org_id, package_id) REFERENCES eudr_packages (org_id, package_id)
);
CREATE INDEX eudr_dds_references_package_idx ON eudr_dds_references (org_id, package_id, recorded_at DESC);
CREATE TRIGGER eudr_dds_references_append_only BEFORE UPDATE OR DELETE ON eudr_dds_references
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A lot shown to buyers and consumers at /l/<organization>/<lot code>, with what the page says that no
-- other table holds (the process). Withdrawing the page removes the row: a page is not a record.
CREATE TABLE lot_public_pages (
  org_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  process text NOT NULL CHECK (process IN ('washed', 'natural', 'honey', 'wet_hulled')),
  story_es text CHECK (story_es IS NULL OR length(story_es) <= 1000),
  story_en text CHECK (story_en IS NULL OR length(story_en) <= 1000),
  published_at timestamptz NOT NULL,
  published_by_label text NOT NULL,
  PRIMARY KEY (org_id, lot_id),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id)
);
