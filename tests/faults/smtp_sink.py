"""A small SMTP server that keeps every message it accepts, for the fault tests.

It speaks just enough SMTP for Django's ``EmailBackend`` (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
TLS, no auth). ``stop()`` closes the port, so the site's next connection is refused, as a mail server that is
down would refuse it; ``start()`` opens it again on the same port. ``delay`` holds each message that long
before answering ``250``, so that a batch takes long enough for a test to act in the middle of it.

A message counts as accepted once its ``250`` has been written: a client killed before that did not get the
server's word, and the message is dropped, as a real server's queue would not keep it.

Run on its own to watch what the site sends::

    python tests/faults/smtp_sink.py --port 2525
"""

import argparse
import asyncio
import email
import email.policy
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage

MAX_LINE = 64 * 1024


@dataclass(frozen=True)
class Received:
    at: float  # time.monotonic() when the sink accepted it
    sender: str
    recipients: tuple[str, ...]
    message: EmailMessage

    @property
    def body(self) -> str:
        """The plain-text body (the confirmation link lives there)."""
        part = self.message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""


class SmtpSink:
    # What a fault report says as a test stops it and starts it again.
    stopping, started = "stopping the SMTP sink: connections refused", "SMTP sink listening again"

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, delay: float = 0.0):
        self.host = host
        self.port = port
        self.delay = delay
        self._received: list[Received] = []
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._sessions: set[asyncio.Task] = set()
        self.in_flight = 0  # messages whose data has arrived and whose 250 has not been written yet

    # --- Control, from any thread ----------------------------------------------------------------------------
    def start(self) -> None:
        """Listen (again). The first start picks a free port if none was given; later starts reuse it."""
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="smtp-sink", daemon=True)
            self._thread.start()
        asyncio.run_coroutine_threadsafe(self._listen(), self._loop).result(timeout=10)

    def stop(self) -> None:
        """Close the port and drop open sessions: from now on connections are refused."""
        if self._loop is not None and self._server is not None:
            asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(timeout=10)

    def shutdown(self) -> None:
        self.stop()
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._loop = None

    @property
    def listening(self) -> bool:
        return self._server is not None

    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    # --- The server ------------------------------------------------------------------------------------------
    async def _listen(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(
            self._session, self.host, self.port, reuse_address=True, limit=MAX_LINE
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        server, self._server = self._server, None
        server.close()
        for task in list(self._sessions):
            task.cancel()
        await server.wait_closed()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._sessions.add(task)
        try:
            await self._converse(reader, writer)
        except (asyncio.CancelledError, ConnectionError, ValueError):
            pass
        finally:
            self._sessions.discard(task)
            writer.close()

    async def _converse(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await reply("220 sink.faults.invalid ESMTP ready")
        sender, recipients = "", []
        while True:
            line = await reader.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb == "EHLO":
                await reply("250-sink.faults.invalid\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760")
            elif verb == "HELO":
                await reply("250 sink.faults.invalid")
            elif verb == "MAIL":
                sender, recipients = _address(command), []
                await reply("250 OK")
            elif verb == "RCPT":
                recipients.append(_address(command))
                await reply("250 OK")
            elif verb == "DATA":
                if not recipients:
                    await reply("503 RCPT first")
                    continue
                await reply("354 End data with <CR><LF>.<CR><LF>")
                data = await _read_data(reader)
                self.in_flight += 1
                try:
                    if self.delay:
                        await asyncio.sleep(self.delay)
                    if reader.at_eof():  # the client died while the server worked: it never got the 250
                        raise ConnectionError("the client went away before the message was accepted")
                    await reply("250 OK queued")
                finally:
                    self.in_flight -= 1
                message = email.message_from_bytes(data, policy=email.policy.default)
                with self._lock:
                    self._received.append(Received(time.monotonic(), sender, tuple(recipients), message))
                sender, recipients = "", []
            elif verb == "RSET":
                sender, recipients = "", []
                await reply("250 OK")
            elif verb == "NOOP":
                await reply("250 OK")
            elif verb == "QUIT":
                await reply("221 Bye")
                return
            else:
                await reply("502 Command not implemented")


def _address(command: str) -> str:
    """The address in ``MAIL FROM:<a@b> BODY=8BITMIME`` or ``RCPT TO:<a@b>``."""
    _verb, _colon, rest = command.partition(":")
    rest = rest.strip()
    if rest.startswith("<"):
        return rest[1 : rest.find(">")].strip().lower()
    return rest.split(" ", 1)[0].lower()


async def _read_data(reader: asyncio.StreamReader) -> bytes:
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("the client went away during DATA")
        if line in (b".\r\n", b".\n"):
            return b"".join(lines)
        lines.append(line[1:] if line.startswith(b"..") else line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    arguments = parser.parse_args()
    sink = SmtpSink(arguments.host, arguments.port)
    sink.start()
    print(f"SMTP sink on {sink.host}:{sink.port}; Ctrl-C stops it.")  # noqa: T201
    seen = 0
    try:
        while True:
            time.sleep(0.5)
            for item in sink.received()[seen:]:
                print(f"{item.sender} -> {', '.join(item.recipients)}: {item.message['Subject']}")  # noqa: T201
            seen = len(sink.received())
    except KeyboardInterrupt:
        sink.shutdown()


if __name__ == "__main__":
    main()
