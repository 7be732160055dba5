SELECT 1;

DO $body$
BEGIN
  RAISE NOTICE $$x$$;
END
$bdy$;
