"""The server under `governance serve`: uvicorn (asyncio on uvloop, HTTP/1.1 through h11) on a socket bound here, so
that port 0 tells its port before it runs, with what uvicorn leaves to its users:

- a deadline for a request's head (`head_timeout`): uvicorn closes an idle kept-alive connection, but a
  client that opens one and sends its headers a byte at a time would hold it for ever. Past the deadline
  the client gets 408 and the connection is closed.
- a bound on connections (`max_connections`): past it a request is answered 503 at once (in Swedish, then
  English, as the 408), instead of waiting behind clients that are not sending. uvicorn's own bound
  (limit_concurrency) would say it in English only.

A slow client costs a few kilobytes here, not a thread: the others are served meanwhile. The check itself
runs in a few worker processes under a budget (checkpool.py, through web.py), its answer waited for on the
event loop (no thread per check), which keeps answering while one is checked; `app.close()`, when the server stops, stops them.
A check is Python under one interpreter lock: `workers` > 1 forks that many processes after the socket is
bound (as gunicorn does), each serving it, so that more than one core checks.
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import threading
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_TIMEOUT = 10.0     # seconds for a request's head, from the connection or the previous answer
MAX_CONNECTIONS = 512   # open at once; a secretariat's team is a few people, a browser opens six
KEEP_ALIVE = 5          # seconds an idle kept-alive connection is held (uvicorn's own default)

# Said before anything of the request is read (its language too): Swedish, then English.
_TIMED_OUT_TEXT = "Begäran kom inte fram i tid.\nThe request's headers did not arrive in time.\n".encode()
_TIMED_OUT = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
              b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(_TIMED_OUT_TEXT), _TIMED_OUT_TEXT))
_BUSY_TEXT = ("Servern har för många öppna anslutningar just nu; försök igen om en stund.\n"
              "The server has too many open connections right now; try again shortly.\n").encode()
_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: %d\r\n"
         b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (KEEP_ALIVE, len(_BUSY_TEXT), _BUSY_TEXT))


class _Protocol(H11Protocol):
    """h11's protocol with a deadline for each request head and a bound on open connections (the class
    uvicorn is told to use)."""

    head_timeout = HEAD_TIMEOUT
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._waiting_for, self._heard = self.cycle, False
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_late)

    def data_received(self, data: bytes) -> None:
        self._heard = True
        # A request begins (none yet on this connection, or the last one answered) while more connections
        # are open than the bound: refused at once, as uvicorn's limit_concurrency would, in our words.
        if (self.cycle is None or self.cycle.response_complete) and len(self.connections) > self.max_connections:
            self.transport.write(_BUSY)
            self.transport.close()
            return
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        super().connection_lost(exc)

    def _head_late(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.cycle is not self._waiting_for:
            return  # a request's head arrived in time: the app bounds its body (web.py)
        if self._heard:  # a head was begun and not finished; a silent connection is just closed
            self.transport.write(_TIMED_OUT)
        self.transport.close()


class Server:
    """A bound, listening server for an ASGI app. `serve_forever()` runs it (in any thread); `shutdown()`
    from another thread stops it and waits; `server_close()` closes the socket."""

    def __init__(self, app: Any, host: str, port: int, *, head_timeout: float = HEAD_TIMEOUT,
                 max_connections: int = MAX_CONNECTIONS, workers: int = 1):
        self.workers = workers
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without
        # it a kept-alive client waited ~40 ms per answer (Nagle's algorithm against the client's delayed ACK).
        self.socket = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((host, port))
            self.socket.listen(2048)
        except OSError:
            self.socket.close()
            raise
        self.server_address = self.socket.getsockname()
        protocol = type("Protocol", (_Protocol,), {"head_timeout": head_timeout, "max_connections": max_connections})
        # proxy_headers off: no X-Forwarded-For/-Proto is believed, not even from 127.0.0.1 (uvicorn's default),
        # so the log names the peer it saw (behind a proxy, the proxy: README) and no local program can
        # pass for another client or scheme; and no middleware for that on every request.
        # uvloop (libuv under asyncio's interface): the serving process's CPU per check 5-10 % lower than on
        # asyncio's own loop (interleaved load tests, 10 of 12 rounds); h11 stays the parser (bounded heads).
        config = uvicorn.Config(app, http=protocol, ws="none", lifespan="off", loop="uvloop", proxy_headers=False,
                                log_config=None, access_log=False, server_header=False, date_header=False,
                                timeout_keep_alive=KEEP_ALIVE,
                                timeout_graceful_shutdown=5)
        self._uvicorn = uvicorn.Server(config)
        # The app's own processes (web.py's check workers): started in each serving process before it serves
        # (so that no client waits for their imports), stopped when it stops.
        self._start_app = getattr(app, "start", lambda: None)
        self._close_app = getattr(app, "close", lambda: None)
        self._running = threading.Event()
        self._stopped = threading.Event()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        self._stopped.clear()
        self._running.set()
        try:
            if self.workers <= 1:
                self._start_app()
                self._uvicorn.run(sockets=[self.socket])
            else:
                self._prefork()
        finally:
            self._close_app()
            self._stopped.set()

    def _prefork(self) -> None:
        """`workers` child processes serving the one socket; the parent waits for them. Ctrl-C reaches each
        child (it stops as one server does), SIGTERM to the parent is passed on."""
        self._children: list[int] = []
        for _ in range(self.workers):
            pid = os.fork()
            if pid == 0:  # the child: serve until told to stop, and never return into the parent's code
                status = 0
                try:
                    self._start_app()
                    self._uvicorn.run(sockets=[self.socket])
                except KeyboardInterrupt:
                    pass
                except BaseException:
                    status = 1
                self._close_app()
                os._exit(status)
            self._children.append(pid)
        previous = signal.signal(signal.SIGTERM, lambda *_: self._stop_children()) \
            if threading.current_thread() is threading.main_thread() else None
        try:
            for pid in self._children:
                _wait(pid)
        except KeyboardInterrupt:
            self._stop_children()
            for pid in self._children:
                _wait(pid)
            raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def _stop_children(self) -> None:
        for pid in getattr(self, "_children", ()):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def shutdown(self) -> None:
        self._uvicorn.should_exit = True
        self._stop_children()
        if self._running.is_set():
            self._stopped.wait(15)

    def server_close(self) -> None:
        self.socket.close()


def _wait(pid: int) -> None:
    while True:
        try:
            os.waitpid(pid, 0)
            return
        except ChildProcessError:
            return
        except InterruptedError:
            continue
