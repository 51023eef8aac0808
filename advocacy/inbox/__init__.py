"""The secretariat's inbox in the admin (``/admin/advocacy/inbox/``): every submission, filtered, worked
through in bulk, exported; sensitive ones for the Safeguarding group only (``access``)."""
