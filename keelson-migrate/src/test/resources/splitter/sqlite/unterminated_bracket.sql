SELECT 1;
SELECT [unclosed;
