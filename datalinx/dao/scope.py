"""The tenant scope every DAO query is filtered by."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """One org, and within it optionally one workspace. DAOs cannot be called without it."""

    org_id: str
    workspace_id: str | None = None

    def in_workspace(self, workspace_id: str) -> Scope:
        return Scope(org_id=self.org_id, workspace_id=workspace_id)

    @property
    def workspace(self) -> str:
        """The workspace id; a workspace-level DAO refuses an org-only scope."""
        if self.workspace_id is None:
            raise ValueError("this query needs a workspace scope")
        return self.workspace_id
