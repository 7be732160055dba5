SELECT 1;
CREATE ALIAS X AS $$
String x() { return ""; }
