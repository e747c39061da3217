-- Motions belong to an agenda item, and an amendment names the motion it amends (decided before it).
ALTER TABLE motions
  ADD COLUMN agenda_item integer CHECK (agenda_item >= 1),
  ADD COLUMN amends_motion_id uuid,
  ADD FOREIGN KEY (org_id, amends_motion_id) REFERENCES motions (org_id, motion_id);
