-- forgets the index
ALTER TABLE users DROP COLUMN note;
