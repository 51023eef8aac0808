"""Partner directory, portal, members' space and membership housekeeping."""
