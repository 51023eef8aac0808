"""Policy pushes: a demand carried to decision makers, and the ledger of what was delivered, answered and promised."""
