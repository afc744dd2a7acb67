"""aiosmtpd handlers for the RiskPlatform tests.

Run with PYTHONPATH pointing at this directory, e.g.
  /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c riskplatform_smtp_handlers.PermanentReject
"""


class PermanentReject:
    """Refuses every recipient with a permanent 5xx reply."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 Mailbox unavailable"


class TransientReject:
    """Refuses every recipient with a transient 4xx reply."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "451 4.3.0 Try again later"
