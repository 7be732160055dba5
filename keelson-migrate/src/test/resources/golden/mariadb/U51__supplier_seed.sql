-- U51: seed of supplier
DELETE FROM supplier WHERE name IN ('first supplier', 'second supplier', 'O''Brien supplier');
