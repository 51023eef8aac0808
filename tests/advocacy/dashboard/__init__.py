"""The advocacy dashboard: its panels, filters, access, charts and filter widget."""
