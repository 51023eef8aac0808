"""The delivery dossier: a snapshot of a petition's support, as a PDF to hand over, with a digest and a public
page at ``/<lang>/verify/<code>/`` where anyone can check it (``models``, ``digest``, ``render``, ``services``)."""
