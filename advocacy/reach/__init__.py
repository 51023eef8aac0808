"""Partners' reach, in the partner portal: referral links and QR codes, what came through them, and, for a
petition's co-sponsors, the signers who asked for their news, handed over with a record of every download.

A partner's referral links carry ``?src=<its source>``: the slug of its page in the site's default language
(``links.partner_sources``), the same whatever language the link is in, and the slug the staff dashboard
reads as that partner's. Signatures are counted from the tallies plus the confirmed rows the aggregator has
not folded in yet, in one statement, so a signature shows in the partner's count the moment it is confirmed.
An RSVP keeps the source of the campaign page it was sent from, and counts for the partner whose source it is.
"""
