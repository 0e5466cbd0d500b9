"""The demo workspace gets its generated datasets, once."""

from __future__ import annotations

from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import DatasetQuery
from datalinx.core.datasets.seed import seed_demo_datasets
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.bootstrap import as_owner
from tests.conftest import Tenant


def test_demo_datasets_are_seeded_once(runtime: Runtime, tenant: Tenant) -> None:
    with as_owner(runtime, tenant.slug, workspace=tenant.workspace) as call:
        made = seed_demo_datasets(call)
    assert sorted(d.name for d in made) == ["churn", "customers", "orders", "products"]
    assert {d.name: d.rows for d in made}["orders"] == 10_000
    with as_owner(runtime, tenant.slug, workspace=tenant.workspace) as call:
        assert seed_demo_datasets(call) == []
        listed = datasets.list_datasets(call, DatasetQuery(limit=100)).items
        churn = datasets.version_path(call, "churn", None)[1]
    assert len(listed) == 4
    assert "churned" in {c["name"] for c in churn.columns}
