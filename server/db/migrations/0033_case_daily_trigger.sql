-- Every insert or update of a case marks the case_daily groups it counts in (the days it was filed,
-- accepted and concluded, in China time, for its region and department), and for an update also the
-- groups the row counted in before. The refresh job recomputes the marked groups from the cases.
CREATE FUNCTION case_daily_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_daily_dirty (day, region_code, department_id)
  SELECT DISTINCT k.day, k.region_code, k.department_id
    FROM (VALUES
      ((coalesce(NEW.submitted_at, NEW.created_at) AT TIME ZONE 'Asia/Shanghai')::date, NEW.region_code, NEW.department_id),
      (NEW.accepted_on, NEW.region_code, NEW.department_id),
      ((NEW.concluded_at AT TIME ZONE 'Asia/Shanghai')::date, NEW.region_code, NEW.department_id)
    ) AS k(day, region_code, department_id)
   WHERE k.day IS NOT NULL;
  IF TG_OP = 'UPDATE' AND (OLD.region_code, OLD.department_id, OLD.submitted_at, OLD.created_at, OLD.accepted_on, OLD.concluded_at)
       IS DISTINCT FROM (NEW.region_code, NEW.department_id, NEW.submitted_at, NEW.created_at, NEW.accepted_on, NEW.concluded_at) THEN
    INSERT INTO case_daily_dirty (day, region_code, department_id)
    SELECT DISTINCT k.day, k.region_code, k.department_id
      FROM (VALUES
        ((coalesce(OLD.submitted_at, OLD.created_at) AT TIME ZONE 'Asia/Shanghai')::date, OLD.region_code, OLD.department_id),
        (OLD.accepted_on, OLD.region_code, OLD.department_id),
        ((OLD.concluded_at AT TIME ZONE 'Asia/Shanghai')::date, OLD.region_code, OLD.department_id)
      ) AS k(day, region_code, department_id)
     WHERE k.day IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_daily_mark AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION case_daily_mark();
