"""The role table, row by row, as the Datrix document describes the roles."""

from __future__ import annotations

import pytest

from datalinx.core.auth.permissions import ORG_PERMISSIONS, ROLE_PERMISSIONS, Permission, Role, role_allows
from datalinx.core.auth.principal import Principal, PrincipalType

P = Permission

EXPECTED = {
    # role: (must hold, must not hold)
    Role.OWNER: (set(Permission), set()),
    Role.ADMIN: (set(Permission) - {P.BILLING_MANAGE}, {P.BILLING_MANAGE}),
    Role.DATA_ENGINEER: (
        {P.DATASET_WRITE, P.DATASET_DELETE, P.PIPELINE_WRITE, P.PIPELINE_RUN, P.CONNECTION_MANAGE},
        {P.COMPLIANCE_READ, P.COMPLIANCE_MANAGE, P.USER_MANAGE, P.AUDIT_READ},
    ),
    Role.DATA_SCIENTIST: (
        {P.QUALITY_SCAN, P.SYNTHETIC_GENERATE, P.AL_MANAGE, P.PIPELINE_READ},
        {P.PIPELINE_WRITE, P.PIPELINE_RUN, P.CONNECTION_MANAGE, P.COMPLIANCE_READ},
    ),
    Role.ANNOTATOR: ({P.AL_READ, P.AL_ANNOTATE}, {P.DATASET_READ, P.QUALITY_READ, P.PIPELINE_READ}),
    Role.VIEWER: (
        {P.DATASET_READ, P.QUALITY_READ, P.COMPLIANCE_READ},
        {P.DATASET_WRITE, P.PIPELINE_RUN, P.QUALITY_SCAN, P.JOB_CANCEL},
    ),
    Role.API_USER: ({P.DATASET_READ, P.PIPELINE_RUN}, {P.USER_MANAGE, P.WORKSPACE_CREATE}),
}


@pytest.mark.parametrize("role", list(Role))
def test_role_row(role: Role) -> None:
    must, must_not = EXPECTED[role]
    assert must <= ROLE_PERMISSIONS[role]
    assert not (must_not & ROLE_PERMISSIONS[role])


def test_only_owner_and_admin_manage_the_org() -> None:
    managers = {role for role in Role if role_allows(role, P.USER_MANAGE)}
    assert managers == {Role.OWNER, Role.ADMIN}


def test_non_admin_reaches_only_member_workspaces() -> None:
    viewer = Principal(
        type=PrincipalType.USER,
        id="u",
        org_id="o",
        name="v",
        org_role=Role.VIEWER,
        workspace_roles={"w1": Role.DATA_ENGINEER},
    )
    assert viewer.role_in("w1") is Role.DATA_ENGINEER and viewer.role_in("w2") is None
    assert viewer.can(P.PIPELINE_RUN, "w1") and not viewer.can(P.PIPELINE_RUN, "w2")
    assert not viewer.can(P.USER_MANAGE, "w1")  # org permissions follow the org role
    admin = Principal(type=PrincipalType.USER, id="a", org_id="o", name="a", org_role=Role.ADMIN)
    assert admin.role_in("anything") is Role.ADMIN
    assert set(Permission) > ORG_PERMISSIONS


def test_cli_prints_the_role_table() -> None:
    from typer.testing import CliRunner

    from datalinx.cli import app

    output = CliRunner().invoke(app, ["roles"]).output
    assert output.splitlines()[0].split() == ["permission", *[r.value for r in Role]]
    line = next(row for row in output.splitlines() if row.startswith("billing.manage "))
    assert line.split()[1:] == ["x", "-", "-", "-", "-", "-", "-"]
    assert len(output.splitlines()) == len(Permission) + 1
