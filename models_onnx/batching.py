"""Async micro-batching: concurrent requests share one forward pass.

``await batcher.submit(item)`` queues the item; a worker gathers up to ``max_batch`` items or
waits at most ``max_wait_ms`` after the first one, runs ``fn`` on the list in a thread (the
event loop stays free) and hands every caller its own result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class MicroBatcher(Generic[T, R]):
    def __init__(self, fn: Callable[[list[T]], Sequence[R]], max_batch: int = 32,
                 max_wait_ms: float = 5.0) -> None:
        self.fn = fn
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000.0
        self.batches_run = 0
        self._queue: asyncio.Queue[tuple[T, asyncio.Future[R]]] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def submit(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._worker is None or self._worker.done():
            self._loop = loop
            self._queue = asyncio.Queue()
            self._worker = loop.create_task(self._work())
        assert self._queue is not None
        fut: asyncio.Future[R] = loop.create_future()
        await self._queue.put((item, fut))
        return await fut

    async def _work(self) -> None:
        assert self._queue is not None
        queue = self._queue
        loop = asyncio.get_running_loop()
        while True:
            pending = [await queue.get()]
            deadline = loop.time() + self.max_wait
            while len(pending) < self.max_batch:
                timeout = deadline - loop.time()
                if timeout <= 0:
                    break
                try:
                    pending.append(await asyncio.wait_for(queue.get(), timeout))
                except TimeoutError:
                    break
            items = [p[0] for p in pending]
            self.batches_run += 1
            try:
                results = await asyncio.to_thread(self.fn, items)
            except Exception as exc:  # every caller of the batch gets the error
                for _, fut in pending:
                    if not fut.done():
                        fut.set_exception(exc)
                continue
            for (_, fut), res in zip(pending, results, strict=True):
                if not fut.done():
                    fut.set_result(res)

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            try:
                await self._worker
            except asyncio.CancelledError:
                pass
            self._worker = None
