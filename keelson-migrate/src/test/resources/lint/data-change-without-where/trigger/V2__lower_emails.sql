-- normalise
UPDATE users
   SET email = lower(email);
