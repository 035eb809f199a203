# The event loop of `async def` entrypoints: asyncio's own tasks, gather, wait_for, timeouts,
# queues and locks on a loop with no I/O and a clock of its own. Waiting moves that clock
# instead of sleeping, so no host timer, JavaScript or network is ever involved; everything
# that would reach the network, a process or a thread refuses with bds's usual message.
import asyncio
import time
from asyncio import base_events, events, runners

_REFUSAL = "bds: asyncio's {} is not available to scripts (no JavaScript, processes or network)"

# What a loop could do with the outside world: every one refuses.
_OUTSIDE = (
    "create_connection", "create_server", "create_datagram_endpoint", "create_unix_connection",
    "create_unix_server", "connect_accepted_socket", "connect_read_pipe", "connect_write_pipe",
    "subprocess_exec", "subprocess_shell", "getaddrinfo", "getnameinfo", "sendfile", "start_tls",
    "sock_recv", "sock_recv_into", "sock_recvfrom", "sock_recvfrom_into", "sock_sendall",
    "sock_sendto", "sock_connect", "sock_accept", "sock_sendfile", "add_reader", "add_writer",
    "remove_reader", "remove_writer", "add_signal_handler", "remove_signal_handler",
    "run_in_executor", "set_default_executor",
)


class _NoIO:
    """The loop's selector: there is nothing to wait for, so a wait only moves the clock."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout):
        if timeout is None:
            raise RuntimeError("bds: the coroutine waits for something that never happens "
                               "(scripts have no I/O to wait for)")
        if timeout > 0:
            self._loop._now += timeout
        return []

    def close(self):
        pass


def _refusing(name):
    def method(self, *args, **kwargs):
        raise PermissionError(_REFUSAL.format(name))
    method.__name__ = name
    return method


class Loop(base_events.BaseEventLoop):
    """A BaseEventLoop whose time starts at 0 and advances only by what coroutines wait."""

    def __init__(self):
        super().__init__()
        self._now = 0.0
        self._selector = _NoIO(self)

    def time(self):
        return self._now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


for _name in _OUTSIDE:
    setattr(Loop, _name, _refusing(_name))


class _Policy(events._BaseDefaultEventLoopPolicy):
    _loop_factory = Loop


def install():
    """Makes bds's loop the one asyncio.run() and new_event_loop() create; Pyodide's, which
    runs on JavaScript timers and counts as always running, is dropped."""
    events._set_running_loop(None)
    events._set_event_loop_policy(_Policy())
    # Pyodide wraps asyncio.run and time.sleep to reach JavaScript; the originals come back.
    asyncio.run = runners.run
    time.sleep = getattr(time.sleep, "__wrapped__", time.sleep)


def _tidy(loop):
    """Cancels the tasks a call left behind and closes its async generators."""
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())


def run(coro):
    """Runs an entrypoint's coroutine to its end on a fresh loop of its own."""
    loop = Loop()
    try:
        try:
            result = loop.run_until_complete(coro)
        except Exception:
            _tidy(loop)
            raise
        _tidy(loop)
        return result
    finally:
        loop.close()
