"""Evaluation on human-annotated news: MUC-4 and Gun Violence Archive scoring, a naive
baseline for comparison, and a resumable runner that writes Markdown and JSON reports.

Entry point: ``summarizer eval DATASET.jsonl`` (see :mod:`summarizer.evaluation.cli`).
"""
