"""Roles and permissions: the one table every interface checks against."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The seven roles of the Datrix document."""

    OWNER = "owner"
    ADMIN = "admin"
    DATA_ENGINEER = "data_engineer"
    DATA_SCIENTIST = "data_scientist"
    ANNOTATOR = "annotator"
    VIEWER = "viewer"
    API_USER = "api_user"


class Permission(StrEnum):
    """Verbs on nouns. Org-level ones are checked against the org role, the rest per workspace."""

    ORG_READ = "org.read"
    ORG_MANAGE = "org.manage"
    BILLING_MANAGE = "billing.manage"
    USER_READ = "user.read"
    USER_MANAGE = "user.manage"
    SERVICE_ACCOUNT_READ = "service_account.read"
    SERVICE_ACCOUNT_MANAGE = "service_account.manage"
    AUDIT_READ = "audit.read"
    WORKSPACE_CREATE = "workspace.create"
    WORKER_MANAGE = "worker.manage"

    WORKSPACE_READ = "workspace.read"
    WORKSPACE_MANAGE = "workspace.manage"
    MEMBER_READ = "member.read"
    MEMBER_MANAGE = "member.manage"
    DATASET_READ = "dataset.read"
    DATASET_WRITE = "dataset.write"
    DATASET_DELETE = "dataset.delete"
    CONNECTION_READ = "connection.read"
    CONNECTION_MANAGE = "connection.manage"
    QUALITY_READ = "quality.read"
    QUALITY_SCAN = "quality.scan"
    QUALITY_FIX = "quality.fix"
    PIPELINE_READ = "pipeline.read"
    PIPELINE_WRITE = "pipeline.write"
    PIPELINE_RUN = "pipeline.run"
    JOB_READ = "job.read"
    JOB_CANCEL = "job.cancel"
    SYNTHETIC_READ = "synthetic.read"
    SYNTHETIC_GENERATE = "synthetic.generate"
    AL_READ = "al.read"
    AL_MANAGE = "al.manage"
    AL_ANNOTATE = "al.annotate"
    COMPLIANCE_READ = "compliance.read"
    COMPLIANCE_MANAGE = "compliance.manage"


ORG_PERMISSIONS: frozenset[Permission] = frozenset(
    {
        Permission.ORG_READ,
        Permission.ORG_MANAGE,
        Permission.BILLING_MANAGE,
        Permission.USER_READ,
        Permission.USER_MANAGE,
        Permission.SERVICE_ACCOUNT_READ,
        Permission.SERVICE_ACCOUNT_MANAGE,
        Permission.AUDIT_READ,
        Permission.WORKSPACE_CREATE,
        Permission.WORKER_MANAGE,
    }
)

P = Permission
_EVERYONE = {P.ORG_READ, P.WORKSPACE_READ}
_READ_DATA = {P.DATASET_READ, P.QUALITY_READ, P.PIPELINE_READ, P.JOB_READ, P.SYNTHETIC_READ}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.ADMIN: frozenset(Permission) - {P.BILLING_MANAGE},
    Role.DATA_ENGINEER: frozenset(
        _EVERYONE
        | _READ_DATA
        | {
            P.MEMBER_READ,
            P.DATASET_WRITE,
            P.DATASET_DELETE,
            P.CONNECTION_READ,
            P.CONNECTION_MANAGE,
            P.QUALITY_SCAN,
            P.QUALITY_FIX,
            P.PIPELINE_WRITE,
            P.PIPELINE_RUN,
            P.JOB_CANCEL,
        }
    ),
    Role.DATA_SCIENTIST: frozenset(
        _EVERYONE
        | _READ_DATA
        | {
            P.MEMBER_READ,
            P.DATASET_WRITE,
            P.CONNECTION_READ,
            P.QUALITY_SCAN,
            P.QUALITY_FIX,
            P.JOB_CANCEL,
            P.SYNTHETIC_GENERATE,
            P.AL_READ,
            P.AL_MANAGE,
            P.AL_ANNOTATE,
        }
    ),
    Role.ANNOTATOR: frozenset(_EVERYONE | {P.AL_READ, P.AL_ANNOTATE}),
    Role.VIEWER: frozenset(_EVERYONE | _READ_DATA | {P.MEMBER_READ, P.COMPLIANCE_READ}),
    Role.API_USER: frozenset(_EVERYONE | _READ_DATA | {P.DATASET_WRITE, P.QUALITY_SCAN, P.PIPELINE_RUN, P.JOB_CANCEL}),
}

# Roles whose holder reaches every workspace of the org without a membership row.
ORG_WIDE_ROLES: frozenset[Role] = frozenset({Role.OWNER, Role.ADMIN})

ROLE_RANK: dict[Role, int] = {role: rank for rank, role in enumerate(Role)}


def role_allows(role: Role, permission: Permission) -> bool:
    """Whether `role` carries `permission`."""
    return permission in ROLE_PERMISSIONS[role]


def role_table() -> list[tuple[str, list[str]]]:
    """The role table as rows of (permission, roles holding it), for printing."""
    return [
        (permission.value, [role.value for role in Role if role_allows(role, permission)]) for permission in Permission
    ]
