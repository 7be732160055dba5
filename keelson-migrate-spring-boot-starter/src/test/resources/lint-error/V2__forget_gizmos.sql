DELETE FROM gizmos;
