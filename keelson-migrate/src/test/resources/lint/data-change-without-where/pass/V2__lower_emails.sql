UPDATE users SET email = lower(email) WHERE email <> lower(email);
DELETE FROM users WHERE id IN (SELECT id FROM users WHERE email IS NULL);
CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM users;
END;
$$;
