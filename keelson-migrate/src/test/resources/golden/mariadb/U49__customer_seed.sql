-- U49: seed of customer
DELETE FROM customer WHERE name IN ('first customer', 'second customer', 'O''Brien customer');
