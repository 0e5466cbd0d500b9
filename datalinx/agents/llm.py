"""The LLM the planners draft with: any OpenAI-compatible endpoint from the settings, or none (offline)."""

from __future__ import annotations

from pydantic_ai.models import Model
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.openai import OpenAIProvider

from datalinx.config import Settings


def configured_model(settings: Settings) -> Model | None:
    """The chat model named by DATALINX_LLM_BASE_URL and DATALINX_LLM_MODEL, or None when they are not set."""
    if not settings.llm_base_url or not settings.llm_model:
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    provider = OpenAIProvider(base_url=settings.llm_base_url, api_key=key)
    return OpenAIChatModel(settings.llm_model, provider=provider)
