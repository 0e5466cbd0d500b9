"""LangGraph checkpoints in the system DB: conversations survive a restart, on SQLite and PostgreSQL alike.

The thread id is a conversation's id; callers check the conversation belongs to the principal before they
resume it, so this store never decides who may read a thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    WRITES_IDX_MAP,
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    get_checkpoint_id,
    get_checkpoint_metadata,
)
from sqlalchemy import delete, select

from datalinx.dao.db import Database
from datalinx.dao.models import AgentCheckpoint, AgentWrite


def _config(thread_id: str, namespace: str, checkpoint_id: str) -> RunnableConfig:
    return {"configurable": {"thread_id": thread_id, "checkpoint_ns": namespace, "checkpoint_id": checkpoint_id}}


def _ids(config: RunnableConfig) -> tuple[str, str]:
    configurable = config["configurable"]
    return str(configurable["thread_id"]), str(configurable.get("checkpoint_ns", ""))


class SqlCheckpointSaver(BaseCheckpointSaver[str]):
    """Checkpoints and pending writes as rows; each call is a short transaction of its own."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db

    def _tuple(self, row: AgentCheckpoint, writes: list[AgentWrite]) -> CheckpointTuple:
        config: RunnableConfig = {
            "configurable": {
                "thread_id": row.thread_id,
                "checkpoint_ns": row.checkpoint_ns,
                "checkpoint_id": row.checkpoint_id,
            }
        }
        parent: RunnableConfig | None = None
        if row.parent_id:
            parent = {
                "configurable": {
                    "thread_id": row.thread_id,
                    "checkpoint_ns": row.checkpoint_ns,
                    "checkpoint_id": row.parent_id,
                }
            }
        return CheckpointTuple(
            config=config,
            checkpoint=self.serde.loads_typed((row.type, row.checkpoint)),
            metadata=self.serde.loads_typed((row.meta_type, row.meta)),
            parent_config=parent,
            pending_writes=[(w.task_id, w.channel, self.serde.loads_typed((w.type, w.value))) for w in writes],
        )

    def _writes(self, session: Any, row: AgentCheckpoint) -> list[AgentWrite]:
        query = select(AgentWrite).where(
            AgentWrite.thread_id == row.thread_id,
            AgentWrite.checkpoint_ns == row.checkpoint_ns,
            AgentWrite.checkpoint_id == row.checkpoint_id,
        )
        return list(session.scalars(query.order_by(AgentWrite.task_id, AgentWrite.idx)))

    def get_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        thread_id, namespace = _ids(config)
        query = select(AgentCheckpoint).where(
            AgentCheckpoint.thread_id == thread_id, AgentCheckpoint.checkpoint_ns == namespace
        )
        checkpoint_id = get_checkpoint_id(config)
        if checkpoint_id:
            query = query.where(AgentCheckpoint.checkpoint_id == checkpoint_id)
        with self.db.transaction() as session:
            row = session.scalars(query.order_by(AgentCheckpoint.checkpoint_id.desc()).limit(1)).first()
            return self._tuple(row, self._writes(session, row)) if row else None

    def list(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> Iterator[CheckpointTuple]:
        query = select(AgentCheckpoint)
        if config is not None:
            thread_id, namespace = _ids(config)
            query = query.where(AgentCheckpoint.thread_id == thread_id, AgentCheckpoint.checkpoint_ns == namespace)
        if before is not None and (before_id := get_checkpoint_id(before)):
            query = query.where(AgentCheckpoint.checkpoint_id < before_id)
        with self.db.transaction() as session:
            rows = list(session.scalars(query.order_by(AgentCheckpoint.checkpoint_id.desc())))
            found = []
            for row in rows:
                item = self._tuple(row, self._writes(session, row))
                if filter and any(item.metadata.get(k) != v for k, v in filter.items()):
                    continue
                found.append(item)
                if limit is not None and len(found) >= limit:
                    break
        yield from found

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        thread_id, namespace = _ids(config)
        kind, blob = self.serde.dumps_typed(checkpoint)
        meta_kind, meta = self.serde.dumps_typed(get_checkpoint_metadata(config, metadata))
        with self.db.transaction() as session:
            session.merge(
                AgentCheckpoint(
                    thread_id=thread_id,
                    checkpoint_ns=namespace,
                    checkpoint_id=checkpoint["id"],
                    parent_id=config["configurable"].get("checkpoint_id"),
                    type=kind,
                    checkpoint=blob,
                    meta_type=meta_kind,
                    meta=meta,
                )
            )
        return _config(thread_id, namespace, checkpoint["id"])

    def put_writes(
        self, config: RunnableConfig, writes: Sequence[tuple[str, Any]], task_id: str, task_path: str = ""
    ) -> None:
        thread_id, namespace = _ids(config)
        checkpoint_id = str(config["configurable"]["checkpoint_id"])
        with self.db.transaction() as session:
            for index, (channel, value) in enumerate(writes):
                idx = WRITES_IDX_MAP.get(channel, index)
                key = (thread_id, namespace, checkpoint_id, task_id, idx)
                if idx >= 0 and session.get(AgentWrite, key) is not None:
                    continue  # regular writes are kept once; special ones (errors, interrupts) are replaced
                kind, blob = self.serde.dumps_typed(value)
                session.merge(
                    AgentWrite(
                        thread_id=thread_id,
                        checkpoint_ns=namespace,
                        checkpoint_id=checkpoint_id,
                        task_id=task_id,
                        idx=idx,
                        channel=channel,
                        type=kind,
                        value=blob,
                        task_path=task_path,
                    )
                )

    def delete_thread(self, thread_id: str) -> None:
        with self.db.transaction() as session:
            session.execute(delete(AgentWrite).where(AgentWrite.thread_id == thread_id))
            session.execute(delete(AgentCheckpoint).where(AgentCheckpoint.thread_id == thread_id))

    def get_next_version(self, current: str | None, channel: None) -> str:
        number = 0 if current is None else int(str(current).split(".")[0])
        return f"{number + 1:032}"
